/**
 * The ranked scenario, online and postal: the record verifies with every V10 and V11 check passed
 * (V10.7 on the postal batch), and each published stage-by-stage sheet is exactly the count of the
 * rankings the members intended — online alone Cai would have won the leadership on transfers and
 * Huw a committee place; with the postal papers Ben and Finn are elected.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { declareVerifiedRecord } from '../src/commands/election/declaration-files.ts';
import {
  readRecordEvents,
  verifyRecordDirectory,
} from '../src/commands/election/publish-record.ts';
import { runRanked } from './run-ranked.ts';

test('the ranked scenario, online and postal, publishes the intended AV and STV results, stage by stage, and verifies', async () => {
  const out = mkdtempSync(join(tmpdir(), 'scrutineer-ranked-'));
  const outcome = await runRanked({ outDir: out, log: () => undefined });
  assert.equal(outcome.verified, true);
  assert.equal(outcome.matches, true);
  // Each mix server posts its own signed mix; the officer's key posts none.
  assert.deepEqual(outcome.mixPosters, [
    'mixer-1',
    'mixer-2',
    'mixer-3',
    'mixer-1',
    'mixer-2',
    'mixer-3',
  ]);
  const [leader, committee] = outcome.contests;
  assert.ok(leader && committee);
  // AV: online first preferences Ada 14, Ben 12, Cai 8, Dee 6 of 40; the postal papers add Ada 2
  // (one keyed 1, one a lone cross), Ben 6 (the paper with a gap at 2 still gives Ben its first
  // preference) and one blank (two 1s); the void paper adds nothing (48 valid, 1 blank). Dee then
  // Cai excluded; Cai's papers go to Ben.
  assert.deepEqual(leader.published.stages[0]?.votes, ['16', '18', '8', '6']);
  assert.equal(leader.published.blank, 1);
  assert.equal(leader.published.ballots, 48);
  assert.deepEqual(
    leader.published.stages.map((s) => s.action),
    [{ type: 'first' }, { type: 'exclude', candidates: [3] }, { type: 'exclude', candidates: [2] }]
  );
  assert.deepEqual(leader.elected, ['Ben Owen']);
  // ERS97, 3 places, 49 valid papers: quota 12.25; Eve on first preferences, Finn on her surplus
  // and Iris's papers (postal), Gwen on the last surplus; Huw, elected online alone, is not.
  assert.equal(committee.published.stages[0]?.quota, '12.25');
  assert.deepEqual([...committee.elected].sort(), ['Eve Price', 'Finn Morgan', 'Gwen Ellis']);
  assert.deepEqual(committee.published, committee.intended);
  // The batch on the board: one ranking per valid paper, 1-based, as keyed (read to the break; the
  // lone crosses for Ada as leader and Eve on the committee each a first preference alone).
  const batch = readRecordEvents(join(out, 'record')).find((e) => e.type === 'postal-batch');
  assert.ok(batch?.type === 'postal-batch');
  assert.equal(batch.body.papers, 10);
  assert.equal(batch.body.spoilt, 1);
  assert.deepEqual(batch.body.contests[0]?.counts, []);
  assert.deepEqual(
    [...(batch.body.contests[0]?.rankings ?? [])].map((r) => r.join('>')).sort(),
    ['', '1', '2', '2>1', '2>1', '2>1', '2>1', '2>1', '1'].sort()
  );
  assert.deepEqual(
    [...(batch.body.contests[1]?.rankings ?? [])].map((r) => r.join('>')).sort(),
    ['1', '2', '2>1', '2>1', '2>5', '2>5', '2>5', '2>5', '2>5'].sort()
  );
  assert.deepEqual(batch.body.contests[2]?.counts, [6, 3]);

  const report = await verifyRecordDirectory(join(out, 'record'));
  const ranked = report.checks.filter((c) => /^V1[01]\./.test(c.id));
  assert.equal(ranked.length, 9); // V10.1–V10.7, V11.1–V11.2
  assert.ok(
    ranked.every((c) => c.status === 'passed' && c.checked > 0),
    JSON.stringify(ranked)
  );
  assert.match(readFileSync(join(out, 'ranked-result.md'), 'utf8'), /Ben Owen/);

  // The declaration of the verified record carries the same sheets, as published.
  const declared = mkdtempSync(join(tmpdir(), 'scrutineer-ranked-declared-'));
  const verified = await declareVerifiedRecord(join(out, 'record'), declared);
  assert.equal(verified.report.ok, true);
  const sheets = JSON.parse(readFileSync(join(declared, 'ranked-result.json'), 'utf8')) as {
    contestId: string;
    elected: string[];
  }[];
  assert.deepEqual(
    sheets.map((s) => [s.contestId, s.elected]),
    [
      ['leader', ['Ben Owen']],
      ['committee', committee.elected],
    ]
  );
});
