/**
 * The ranked scenario: the record verifies with every V10 and V11 check passed, and each published
 * stage-by-stage sheet is exactly the count of the rankings the members intended — the leader won
 * on transfers although another led on first preferences, and the committee's three places.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyRecordDirectory } from '../src/commands/election/publish-record.ts';
import { runRanked } from './run-ranked.ts';

test('the ranked scenario publishes the intended AV and STV results, stage by stage, and verifies', async () => {
  const out = mkdtempSync(join(tmpdir(), 'scrutineer-ranked-'));
  const outcome = await runRanked({ outDir: out, log: () => undefined });
  assert.equal(outcome.verified, true);
  assert.equal(outcome.matches, true);
  const [leader, committee] = outcome.contests;
  assert.ok(leader && committee);
  // AV: first preferences Ada 14, Ben 12, Cai 8, Dee 6 of 40; Dee then Ben excluded; Cai elected.
  assert.deepEqual(leader.published.stages[0]?.votes, ['14', '12', '8', '6']);
  assert.deepEqual(
    leader.published.stages.map((s) => s.action.type),
    ['first', 'exclude', 'exclude']
  );
  assert.deepEqual(leader.elected, ['Cai Hughes']);
  // ERS97, 3 places: Eve on first preferences; Gwen and Huw fill the others.
  assert.equal(committee.published.stages[0]?.quota, '10.00');
  assert.deepEqual([...committee.elected].sort(), ['Eve Price', 'Gwen Ellis', 'Huw Davies']);
  assert.deepEqual(committee.published, committee.intended);

  const report = await verifyRecordDirectory(join(out, 'record'));
  const ranked = report.checks.filter((c) => /^V1[01]\./.test(c.id));
  assert.equal(ranked.length, 7);
  assert.ok(
    ranked.every((c) => c.status === 'passed' && c.checked > 0),
    JSON.stringify(ranked)
  );
  assert.match(readFileSync(join(out, 'ranked-result.md'), 'utf8'), /Cai Hughes/);
});
