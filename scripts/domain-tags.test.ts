/**
 * One table of domain-separation tags: the spec's §3.3 tables and packages/crypto/src/domain-tags.ts
 * list the same tags, none twice, and no other source file spells a `scrutineer/v1/…` tag of its
 * own in code (it must take it from the table; comments may quote one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_DOMAIN_TAGS } from '@scrutineer/crypto';

const root = join(import.meta.dirname, '..');
const TAG = /`(scrutineer\/v1\/[a-z-]+)`/g;

/** The tags in spec §3.3's tables (the rows' first cells), in order. */
function specTags(): string[] {
  const spec = readFileSync(join(root, 'docs', 'spec', '03-hashing.md'), 'utf8');
  const section = spec.slice(spec.indexOf('## §3.3'), spec.indexOf('## §3.4'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `scrutineer/v1/'))
    .flatMap((line) => [...line.matchAll(TAG)].slice(0, 1).map((m) => m[1] ?? ''));
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    // dist: a published package's build (docs/decisions/0005), made from the sources checked here.
    if (['node_modules', 'fixtures', 'vectors', 'dist'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(name) && !name.endsWith('.test.ts')) yield path;
  }
}

test('spec §3.3 and the code list the same domain tags, none twice', () => {
  const fromSpec = specTags();
  assert.equal(new Set(fromSpec).size, fromSpec.length, 'a tag appears twice in spec §3.3');
  assert.equal(
    new Set(ALL_DOMAIN_TAGS).size,
    ALL_DOMAIN_TAGS.length,
    'a tag appears twice in the code'
  );
  assert.deepEqual([...fromSpec].sort(), [...ALL_DOMAIN_TAGS].sort());
});

test('no source file outside the table spells a domain tag', () => {
  const table = join(root, 'packages', 'crypto', 'src', 'domain-tags.ts');
  const strays: string[] = [];
  for (const top of ['packages', 'apps']) {
    for (const file of sources(join(root, top))) {
      if (file === table || file.includes('/packages/testkit/')) continue;
      // Comments may quote a tag (citing the spec's equation); code may not.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(/['"`](scrutineer\/v1\/[a-z-]+)['"`]/g))
        strays.push(`${relative(root, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(strays, []);
});
