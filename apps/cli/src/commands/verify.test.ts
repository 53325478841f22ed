/**
 * F9: `scrutineer verify` shows the faults the protocol attributes to one trustee, in text and in
 * --json, and still says VALID (exit 0) when they leave the outcome unchanged, INVALID (exit 1)
 * when too few valid decryption batches remain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', '..', 'bin', 'scrutineer.mjs');
const fixtures = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'packages',
  'verifier',
  'fixtures'
);

function verify(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'verify', ...args], (error, stdout) =>
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99,
        stdout,
      })
    );
  });
}

test('F9: scrutineer verify lists a set-aside decryption batch as trustee 1’s fault and says VALID', async () => {
  const record = join(fixtures, 'valid-share-set-aside', 'record');
  const text = await verify([record, '--threads', '1']);
  assert.equal(text.code, 0, text.stdout);
  assert.match(text.stdout, /Attributed faults \(1; they do not make the record invalid\):/);
  assert.match(text.stdout, /V8\.2 {3}trustee 1: decryption\/invalid-proof at \d+: /);
  assert.match(text.stdout, /VALID: every check reached passed/);
  const json = await verify([record, '--json', '--threads', '1']);
  assert.equal(json.code, 0);
  const report = JSON.parse(json.stdout) as {
    ok: boolean;
    faults: { check: string; party: { trustee: number }; code: string }[];
  };
  assert.equal(report.ok, true);
  assert.deepEqual(
    report.faults.map((f) => [f.check, f.party.trustee, f.code]),
    [['V8.2', 1, 'decryption/invalid-proof']]
  );
});

test('F9: scrutineer verify says INVALID at V8.3 when a fault leaves fewer than k valid batches', async () => {
  const result = await verify([
    join(fixtures, 'tampered-too-few-valid-shares', 'record'),
    '--threads',
    '1',
  ]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /FAIL V8\.3/);
  assert.match(result.stdout, /trustee 1: decryption\/invalid-proof/);
});
