/**
 * Change any single field of a valid record and the verifier must fail. Takes
 * the valid-small fixture and applies seeded random single mutations, raw (mutation.helpers.ts)
 * and rechained (rechained-mutation.helpers.ts: the board rewrites the log honestly around the
 * change, so only the semantic checks can catch it). Every one must be reported, as invalid or as
 * a fault attributed to a trustee (a repeated decryption batch is set aside, spec §8.4), and none
 * may crash the verifier. mutation.slow.test.ts runs many more, on every valid fixture.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGroup } from '@scrutineer/crypto';
import { memoryRecordSource } from './record-source.ts';
import { verifyRecord } from './verify-record.ts';
import {
  type MutationRun,
  type RecordText,
  faultSet,
  mutateRaw,
  runMutations,
} from './mutation.helpers.ts';
import {
  boardSecretKeyOf,
  mutateRechained,
  rewriteUnchanged,
} from './rechained-mutation.helpers.ts';

const fixture = new URL('../fixtures/valid-small/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixture), 'utf8');
const record: RecordText = {
  format: read('record/format.json'),
  board: read('record/board.jsonl'),
  checkpoints: read('record/checkpoints.jsonl'),
};
const group = await loadGroup('sodium');
const signer = { group, boardSecretKey: boardSecretKeyOf(read('secrets.json')) };
/** Valid with the same attributed faults as valid-small (none): the mutation went unreported. */
const isValid = async (r: RecordText): Promise<boolean> => {
  const report = await verifyRecord(memoryRecordSource(r), { group });
  return report.ok && faultSet(report) === '';
};

function assertAllCaught(run: MutationRun, count: number): void {
  assert.equal(run.tried, count);
  assert.deepEqual(
    run.crashes,
    [],
    `mutations that crashed the verifier:\n${run.crashes.join('\n')}`
  );
  assert.deepEqual(run.survivors, [], `mutations that still verify:\n${run.survivors.join('\n')}`);
}

test('valid-small verifies before any mutation, and after an honest rewrite', async () => {
  assert.ok(await isValid(record));
  const rewritten = rewriteUnchanged(record, signer);
  assert.equal(rewritten.board, record.board, 'rewriting an unchanged log changes no event');
  assert.notEqual(rewritten.checkpoints, record.checkpoints, 'the checkpoints are signed afresh');
  assert.ok(await isValid(rewritten));
});

test('300 raw single mutations of valid-small are all reported invalid', async () => {
  assertAllCaught(await runMutations(record, { seed: 1, count: 300 }, mutateRaw, isValid), 300);
});

test('200 rechained single mutations of valid-small are all reported invalid', async () => {
  const mutate = (random: () => number, r: RecordText) => mutateRechained(random, r, signer);
  assertAllCaught(await runMutations(record, { seed: 2, count: 200 }, mutate, isValid), 200);
});
