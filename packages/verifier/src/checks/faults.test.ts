/**
 * F9: one trustee cannot make a record invalid. On the golden fixtures: a dealer the ceremony
 * disqualifies (spec §7.6) and a decryption batch set aside (§8.4) are attributed faults with
 * their trustee, code and board position, and the record stays VALID; what changes the outcome
 * (a disqualified dealer kept in Q, fewer than k valid batches) is still INVALID.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { recordDirectory } from '../node/record-directory.ts';
import type { VerificationReport } from '../report.ts';
import { verifyRecord } from '../verify-record.ts';

const root = new URL('../../fixtures/', import.meta.url).pathname;
const group = await loadGroup('sodium');

async function verify(name: string): Promise<VerificationReport> {
  return verifyRecord(recordDirectory(join(root, name, 'record')), { group });
}

/** The board position of trustee `trustee`'s `nth` event of `type` in a fixture's board.jsonl. */
function positionOf(name: string, type: string, trustee: number, nth = 0): number {
  const lines = readFileSync(join(root, name, 'record', 'board.jsonl'), 'utf8').split('\n');
  const events = lines
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { type: string; position: number; body: { trustee?: number } });
  const event = events.filter((e) => e.type === type && e.body.trustee === trustee)[nth];
  assert.ok(event !== undefined, `${name}: no ${type} #${nth}`);
  return event.position;
}

const failing = (report: VerificationReport): string[] =>
  report.checks.filter((c) => c.status === 'failed').map((c) => c.id);

test('F9: a dealer whose commitment proof fails is disqualified as its fault; the record is VALID', async () => {
  const name = 'valid-disqualified-dealer';
  const report = await verify(name);
  assert.deepEqual(failing(report), []);
  assert.equal(report.ok, true);
  assert.deepEqual(report.faults, [
    {
      check: 'V3.1',
      party: { trustee: 3 },
      code: 'ceremony/invalid-commitments',
      position: positionOf(name, 'trustee-commitments', 3),
      message: report.faults[0]?.message,
    },
  ]);
});

test('F9: a dealer that repeats its commitments is a fault, and keeping it in Q fails V3.4–V3.6', async () => {
  const name = 'tampered-duplicate-commitments';
  const report = await verify(name);
  assert.deepEqual(failing(report), ['V3.4', 'V3.5', 'V3.6']);
  assert.deepEqual(
    report.faults.map((f) => [f.check, f.party.trustee, f.code, f.position]),
    [['V3.1', 1, 'ceremony/duplicate-message', positionOf(name, 'trustee-commitments', 1, 1)]]
  );
});

test('F9: a decryption batch with a false share is set aside as its trustee’s fault; k others decrypt', async () => {
  const name = 'valid-share-set-aside';
  const report = await verify(name);
  assert.deepEqual(failing(report), []);
  assert.equal(report.ok, true);
  assert.equal(report.stage, 'final');
  assert.deepEqual(
    report.faults.map((f) => [f.check, f.party.trustee, f.code, f.position]),
    [['V8.2', 1, 'decryption/invalid-proof', positionOf(name, 'decryption-share', 1)]]
  );
});

test('F9: with one batch set aside and fewer than k valid ones, the record is INVALID at V8.3', async () => {
  const report = await verify('tampered-too-few-valid-shares');
  assert.equal(report.ok, false);
  assert.deepEqual(failing(report), ['V8.3', 'V9.1']);
  assert.deepEqual(
    report.faults.map((f) => [f.check, f.party.trustee, f.code]),
    [['V8.2', 1, 'decryption/invalid-proof']]
  );
});
