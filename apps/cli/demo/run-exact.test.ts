/**
 * The exact scenario at a small size, through the real server (embedded PGlite) and HTTP API: the
 * published totals equal the plan's, channel by channel, the postal count is audited, and the
 * record verifies. Plan errors are refused with the rule they break.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ExactPlanError, parseExactPlan, spreadChoices } from './exact-plan.ts';
import { runExact } from './run-exact.ts';

const PLAN = {
  members: 40,
  contests: [
    {
      title: 'Leader',
      candidates: ['Ada Lovelace', 'Alan Turing'],
      online: [6, 4],
      postal: [9, 5],
      spoilt: 2,
    },
    {
      title: 'Deputy',
      candidates: ['Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'],
      online: [3, 3, 4],
      postal: [2, 7, 5],
      spoilt: 2,
    },
  ],
};

test('the exact scenario publishes exactly the plan’s totals, audits the postal count and verifies', async () => {
  const out = mkdtempSync(join(tmpdir(), 'scrutineer-exact-'));
  const outcome = await runExact({ ...parseExactPlan(PLAN), outDir: out, log: () => undefined });
  assert.equal(outcome.verified, true);
  assert.equal(outcome.matches, true);
  const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
    contests: { candidates: { plan: { total: number }; published: { total: number } }[] }[];
  };
  assert.deepEqual(
    result.contests.map((c) => c.candidates.map((r) => r.published.total)),
    [
      [15, 9],
      [5, 10, 9],
    ]
  );
  assert.ok(['confirmed', 'hand-counted'].includes(outcome.audit.outcome));
});

test('a plan whose contests disagree, or with more votes than members, is refused by rule', () => {
  const refuse = (plan: unknown, code: string) =>
    assert.throws(
      () => parseExactPlan(plan),
      (e: unknown) => e instanceof ExactPlanError && e.code === code
    );
  const [leader, deputy] = PLAN.contests;
  refuse({ ...PLAN, contests: [leader, { ...deputy, spoilt: 3 }] }, 'plan/contests-disagree');
  refuse({ ...PLAN, members: 20 }, 'plan/more-votes-than-members');
  refuse({ ...PLAN, contests: [{ ...leader, postal: [9] }] }, 'plan/wrong-count-length');
  refuse('{"members": 1', 'plan/not-json');
  refuse({ members: 5, contests: [] }, 'plan/invalid');
});

test('spread choices give every candidate exactly its count, mixed through the papers', () => {
  const counts = [92_153, 46_656];
  const choose = spreadChoices(counts);
  const tally = [0, 0];
  let firstBatch = [0, 0];
  for (let k = 0; k < 138_809; k++) {
    const j = choose(k);
    tally[j] = (tally[j] ?? 0) + 1;
    if (k === 499) firstBatch = [...tally];
  }
  assert.deepEqual(tally, counts);
  assert.ok((firstBatch[1] ?? 0) > 100 && (firstBatch[0] ?? 0) > 250, `${firstBatch.join('/')}`);
});
