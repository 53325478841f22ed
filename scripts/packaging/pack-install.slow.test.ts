/**
 * The published packages work without the repository: `npm pack` of the verifier and the CLI (and
 * the workspaces they need), installed into an empty folder from the tarballs and the npm cache
 * only, run `scrutineer verify` with plain Node (no tsx installed) and say VALID of a valid record,
 * INVALID of a tampered one. `npm run pack:check` runs this file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  installTarballs,
  packWorkspaces,
  publishedClosure,
  type PackedWorkspace,
} from './pack-install.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'packages', 'verifier', 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'scrutineer-pack-'));
let packed: PackedWorkspace[] = [];
let auditor = '';

before(() => {
  const names = publishedClosure(['@scrutineer/verifier', '@scrutineer/cli']);
  packed = packWorkspaces(names, mkdtempSync(join(work, 'tarballs-')));
  auditor = installTarballs(packed, mkdtempSync(join(work, 'auditor-')));
});

after(() => rmSync(work, { recursive: true, force: true }));

function scrutineer(
  args: readonly string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = join(auditor, 'node_modules', '.bin', 'scrutineer');
  return new Promise((resolve) => {
    // The auditor's folder as cwd, and no NODE_OPTIONS: nothing of the repository's tsx set-up.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    execFile(bin, [...args], { cwd: auditor, env }, (error, stdout, stderr) =>
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99,
        stdout,
        stderr,
      })
    );
  });
}

test('the packed workspaces are the verifier, the CLI and what they need, built to JavaScript', () => {
  assert.deepEqual(packed.map((p) => p.name).sort(), [
    '@scrutineer/api-contract',
    '@scrutineer/cli',
    '@scrutineer/crypto',
    '@scrutineer/protocol',
    '@scrutineer/ranked-count',
    '@scrutineer/record',
    '@scrutineer/verifier',
    '@scrutineer/worker-pool',
  ]);
  for (const p of packed) {
    const manifest = JSON.stringify(p.manifest);
    assert.doesNotMatch(manifest, /\.\/src\//, `${p.name}: the published manifest names sources`);
    // tsx may be an optional peer (the worker pool's TypeScript workers, in development only).
    assert.equal(p.manifest.dependencies?.['tsx'], undefined, `${p.name}: tsx is a dependency`);
    for (const [dep, range] of Object.entries(p.manifest.dependencies ?? {}))
      if (dep.startsWith('@scrutineer/')) assert.equal(range, '0.1.0', `${p.name} → ${dep}`);
  }
  assert.equal(existsSync(join(auditor, 'node_modules', 'tsx')), false, 'tsx got installed');
  assert.equal(existsSync(join(auditor, 'node_modules', '@scrutineer', 'server')), false);
  // The repository's manifests are back as they were (postpack).
  for (const p of packed) {
    assert.equal(existsSync(join(root, p.folder, 'package.dev.json')), false);
    const manifest = readFileSync(join(root, p.folder, 'package.json'), 'utf8');
    assert.match(manifest, /"\.": "\.\/src\/index\.ts"/);
  }
});

test('the installed scrutineer verify says VALID of a valid record (exit 0)', async () => {
  const result = await scrutineer([
    'verify',
    join(fixtures, 'valid-small', 'record'),
    '--threads',
    '1',
  ]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /VALID: every check reached passed \(stage final\)/);
});

test('the installed scrutineer verify --audit opens a device-check ballot (V5.10)', async () => {
  const record = join(fixtures, 'valid-small', 'record');
  const line = readFileSync(join(record, 'board.jsonl'), 'utf8')
    .split('\n')
    .find((l) => l.includes('"ballot-audited"'));
  const tracker = (JSON.parse(line ?? '{}') as { body?: { tracker?: string } }).body?.tracker;
  assert.ok(tracker !== undefined, 'valid-small has an audited ballot');
  const result = await scrutineer(['verify', record, '--audit', tracker, '--threads', '1']);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, new RegExp(`Audited ballot ${tracker} encrypts:`));
});

test('the installed scrutineer verify says INVALID of a tampered record, at its check (exit 1)', async () => {
  const result = await scrutineer([
    'verify',
    join(fixtures, 'tampered-base-hash', 'record'),
    '--json',
    '--threads',
    '1',
  ]);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  const report = JSON.parse(result.stdout) as {
    ok: boolean;
    checks: { id: string; status: string }[];
  };
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
    ['V4.4']
  );
});

test('the installed scrutineer serve says that the server is not installed (exit 2)', async () => {
  const result = await scrutineer(['serve', '--port', '0']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /needs @scrutineer\/server, which is not installed/);
});
