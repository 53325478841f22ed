/**
 * Regression tests for F1 (a decryption share must bind a checkpoint that seals the tally on the
 * public log, spec §8.2.1, V8.1) and F15 (a record at stage `decrypted` has its share proofs
 * checked, V8.2), on the fixtures built for them (scripts/fixtures/tampered-shares.ts). The attacks
 * through the real server and trustee client are in apps/cli/src/commands/trustee/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGroup } from '@scrutineer/crypto';
import { recordDirectory } from './node/record-directory.ts';
import type { VerificationReport } from './report.ts';
import { verifyRecord } from './verify-record.ts';

const group = await loadGroup('sodium');

async function verifyFixture(name: string): Promise<VerificationReport> {
  const path = new URL(`../fixtures/${name}/record/`, import.meta.url).pathname;
  return verifyRecord(recordDirectory(path), { group });
}

function failing(report: VerificationReport): string[] {
  return report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
}

test('F1: a share bound to a checkpoint the board never signed (a one-voter tally’s log) fails V8.1', async () => {
  const report = await verifyFixture('tampered-share-checkpoint');
  assert.equal(report.ok, false);
  assert.deepEqual(failing(report), ['V8.1']);
  const v81 = report.checks.find((c) => c.id === 'V8.1');
  assert.match(v81?.failures[0]?.message ?? '', /not one of the record's checkpoints/);
});

test('F1: a share bound to a signed checkpoint that ends before the tally fails V8.1', async () => {
  const report = await verifyFixture('tampered-share-early-checkpoint');
  assert.deepEqual(failing(report), ['V8.1']);
  assert.match(
    report.checks.find((c) => c.id === 'V8.1')?.failures[0]?.message ?? '',
    /does not cover the encrypted tally/
  );
});

test('F15: a record at stage decrypted has its share proofs checked: the tampered batch is set aside and too few remain (V8.3)', async () => {
  const report = await verifyFixture('tampered-share-proof-decrypted');
  assert.equal(report.stage, 'decrypted');
  assert.equal(report.ok, false);
  assert.deepEqual(failing(report), ['V8.3']);
  assert.deepEqual(
    report.faults.map((f) => [f.check, f.party.trustee, f.code]),
    [['V8.2', 1, 'decryption/invalid-proof']]
  );
});
