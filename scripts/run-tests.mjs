#!/usr/bin/env node
// Runs every `*.test.ts` beside the code with Node's own test runner (through tsx, since Node 20
// cannot strip types). `--slow` adds the `*.slow.test.ts` suites. Extra arguments narrow the run
// to files whose path contains one of them: `npm test -- crypto/src/proofs`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const slow = args.includes('--slow');
const filters = args.filter((a) => !a.startsWith('--'));

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.test.ts')) yield path;
  }
}

const files = [];
for (const top of ['packages', 'apps', 'tools', 'scripts']) {
  try {
    for (const f of walk(join(root, top))) {
      const rel = relative(root, f);
      if (!slow && rel.endsWith('.slow.test.ts')) continue;
      if (filters.length && !filters.some((x) => rel.includes(x))) continue;
      files.push(rel);
    }
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}
files.sort();

if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}

// The native ristretto255 backend (packages/crypto/native) is built here, not by an npm install
// script, so that `npm test` on a fresh clone tests it; without a compiler or libdecaf the build
// says why and the native cases skip.
spawnSync(
  process.execPath,
  [join(root, 'packages/crypto/scripts/build-native.mjs'), '--if-possible'],
  {
    stdio: 'inherit',
  }
);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...files],
  // A non-UTC zone flushes out code that silently assumes UTC (vxsuite's habit).
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'America/Anchorage' } }
);
process.exit(result.status ?? 1);
