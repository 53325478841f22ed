/**
 * The booth digest is reproducible (spec §10.7.1, F12): the web app built from a fresh `git clone`
 * of this repository's HEAD, in another directory, has byte for byte the files, and so the booth
 * digest, of the build of this checkout. node_modules comes from this checkout (the toolchain
 * package-lock.json pins), every entry linked but the workspaces, which point into the clone.
 * Run with a clean working tree: the clone has HEAD, this checkout what is on disk.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildWeb } from '@scrutineer/web/build-web';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'scrutineer-booth-clone-'));

after(() => rmSync(work, { recursive: true, force: true }));

function linkNodeModules(clone: string): void {
  const modules = join(clone, 'node_modules');
  mkdirSync(join(modules, '@scrutineer'), { recursive: true });
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name === '@scrutineer') continue;
    symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
  }
  // Workspace links are relative (../../packages/x): the same link in the clone points into it.
  for (const name of readdirSync(join(REPO, 'node_modules', '@scrutineer')))
    symlinkSync(
      readlinkSync(join(REPO, 'node_modules', '@scrutineer', name)),
      join(modules, '@scrutineer', name)
    );
}

function listing(dist: string): string {
  return readFileSync(join(dist, 'booth-digest.json'), 'utf8');
}

test('F12: a second build from a clean clone reproduces the booth digest byte for byte', async () => {
  const clone = join(work, 'scrutineer');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', REPO, clone]);
  linkNodeModules(clone);
  const cloneDist = join(work, 'clone-dist');
  const printed = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'apps/web/src/build/build-web.ts', '--out-dir', cloneDist],
    { cwd: clone, encoding: 'utf8' }
  );
  const cloneDigest = /booth digest ([0-9a-f]{64})/.exec(printed)?.[1];
  assert.ok(cloneDigest, printed);
  const here = await buildWeb({ quiet: true, outDir: join(work, 'here-dist') });
  assert.equal(listing(cloneDist), listing(join(work, 'here-dist')), 'the file lists differ');
  assert.equal(cloneDigest, here);
  process.stdout.write(`# booth digest ${here}, reproduced from a clean clone\n`);
});
