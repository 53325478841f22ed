import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import type { EventBody } from '../board-event.ts';
import { declareResult } from '../declaration.ts';
import type { Manifest } from '../manifest.ts';
import { auditSeedCommitment } from './audit-seed.ts';
import { type AuditEvent, type AuditProblem, PostalAuditReplay } from './audit-replay.ts';

const LEADER = [{ maxSelections: 1, candidates: ['Johnson', 'Hunt'] }];
const FIXED_START_HASH = bytesToHex(sha256(utf8('a fixed start event')));
const SEEDS = [
  ['Observer A', bytesToHex(sha256(utf8('observer a')))],
  ['Observer B', bytesToHex(sha256(utf8('observer b')))],
] as const;

type Batch = EventBody<'postal-batch'>;

/** Every audit event each replay of `runAudit` saw, in order: the log a declaration reads. */
const logged = new WeakMap<PostalAuditReplay, AuditEvent[]>();

/** Splits the 2019 totals into `n` batches of about equal size (the rejected papers spread too). */
function batchesOf(totals: readonly number[], spoilt: number, n: number): Batch[] {
  const share = (total: number, i: number) =>
    Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n);
  return Array.from({ length: n }, (_, i) => {
    const counts = totals.map((t) => share(t, i));
    const bad = share(spoilt, i);
    return {
      batch: `b-${i + 1}`,
      papers: counts.reduce((a, b) => a + b, 0) + bad,
      spoilt: bad,
      contests: [{ counts }],
    };
  });
}

const seen = (replay: PostalAuditReplay, event: AuditEvent, hash = ''): void => {
  logged.get(replay)?.push(event);
  const problems = replay.observe(event, hash);
  assert.deepEqual(problems, [], `${event.type}: ${JSON.stringify(problems)}`);
};

/**
 * Runs the officer's side of the audit with a fixed seed: `truth` gives what the hand count of
 * each batch finds; `counted`, if given, sees the replay once each round's sample is counted.
 * Returns every round's sample and the end.
 */
function runAudit(
  reported: readonly Batch[],
  truth: readonly Batch[],
  riskLimit = 5,
  counted?: (replay: PostalAuditReplay) => void
) {
  const replay = new PostalAuditReplay(LEADER);
  const events: AuditEvent[] = [];
  logged.set(replay, events);
  for (const body of reported) seen(replay, { type: 'postal-batch', body });
  for (const [observer, seed] of SEEDS)
    seen(replay, {
      type: 'postal-audit-commit',
      body: { observer, commitment: auditSeedCommitment(observer, seed) },
    });
  seen(replay, { type: 'postal-audit-start', body: { riskLimit } }, FIXED_START_HASH);
  for (const [observer, seed] of SEEDS)
    seen(replay, { type: 'postal-audit-reveal', body: { observer, seed } });
  const rounds: EventBody<'postal-audit-sample'>[] = [];
  for (;;) {
    const sample = replay.nextSample();
    assert.ok(!('rule' in sample), JSON.stringify(sample));
    seen(replay, { type: 'postal-audit-sample', body: sample });
    rounds.push(sample);
    for (const id of sample.batches) {
      const found = truth.find((b) => b.batch === id);
      assert.ok(found);
      seen(replay, { type: 'postal-audit-count', body: found });
    }
    counted?.(replay);
    const end = replay.expectedEnd();
    if ('rule' in end) continue;
    seen(replay, { type: 'postal-audit-end', body: end });
    return { replay, rounds, end, events };
  }
}

test('a correct count of the 2019 ballot (319 batches) is confirmed at 5 % in the first round, with the sample size the Kaplan–Markov bound gives', () => {
  const reported = batchesOf([92_153, 46_656], 509, 319);
  const { rounds, end, replay } = runAudit(reported, reported);
  assert.equal(rounds.length, 1);
  assert.equal(end.outcome, 'confirmed');
  // n = ⌈ln α / ln(1 − 1/U)⌉ with U the sum of the MACRO bounds (about 4.5 here).
  const margin = 92_153 - 46_656;
  const U = reported.reduce(
    (sum, b) =>
      sum + ((b.contests[0]?.counts[0] ?? 0) - (b.contests[0]?.counts[1] ?? 0) + b.papers) / margin,
    0
  );
  const expected = Math.ceil(Math.log(0.05) / Math.log(1 - 1 / U));
  assert.equal(rounds[0]?.draws, expected);
  assert.equal(rounds[0]?.draws, 11);
  assert.ok(end.riskPpm <= 50_000);
  assert.ok((rounds[0]?.batches.length ?? 0) <= 11);
  assert.deepEqual(replay.postalTotals(), [[92_153, 46_656]]);
});

test('a planted error of 300 votes in one batch of a close count escalates to a full hand count, which finds the real winner', () => {
  // The truth: Hunt 5,000 to Johnson 4,900 over 10 batches. Batch b-4 was counted with 300 of Hunt's
  // papers given to Johnson, so the reported result (Johnson 5,200, Hunt 4,700) names the wrong winner.
  // The count room also counted 4 of b-4's spoilt papers for Hunt.
  const truth = batchesOf([4_900, 5_000], 0, 10).map((b) =>
    b.batch === 'b-4'
      ? {
          ...b,
          spoilt: 4,
          contests: [
            { counts: [b.contests[0]?.counts[0] ?? 0, (b.contests[0]?.counts[1] ?? 0) - 4] },
          ],
        }
      : b
  );
  const reported = truth.map((b) =>
    b.batch === 'b-4'
      ? {
          ...b,
          spoilt: 0,
          contests: [
            {
              counts: [
                (b.contests[0]?.counts[0] ?? 0) + 300,
                (b.contests[0]?.counts[1] ?? 0) - 300 + 4,
              ],
            },
          ],
        }
      : b
  );
  const { rounds, end, replay, events } = runAudit(reported, truth);
  assert.equal(end.outcome, 'hand-counted');
  assert.ok(
    rounds.some((r) => r.batches.includes('b-4')),
    'the bad batch was sampled'
  );
  assert.deepEqual(replay.postalTotals(), [[4_900, 4_996]]);
  assert.deepEqual(replay.postalPapers(), { papers: 9_900, spoilt: 4 });
  // The declaration reads the hand counts too: its spoilt papers are what the paper showed.
  const declaration = declareResult(
    {
      electionId: 'close-run',
      title: 'Leader',
      organisation: 'Example Party',
      contests: [
        {
          id: 'leader',
          title: 'Leader',
          minSelections: 1,
          maxSelections: 1,
          candidates: [
            { id: 'j', name: 'Johnson' },
            { id: 'h', name: 'Hunt' },
          ],
        },
      ],
    } as unknown as Manifest,
    [
      {
        type: 'election-open',
        body: {
          baseHash: '0'.repeat(64),
          credentialCount: 12_000,
          credentialListHash: '0'.repeat(64),
        },
      },
      ...events,
      { type: 'encrypted-tally', body: { ballots: 0, contests: [] } },
      {
        type: 'election-result',
        body: {
          contests: [
            {
              options: [
                { online: 0, postal: 4_900, total: 4_900 },
                { online: 0, postal: 4_996, total: 4_996 },
              ],
            },
          ],
        },
      },
    ]
  );
  assert.equal(declaration?.spoilt, 4);
  assert.equal(declaration?.turnout.postal, 9_900);
  assert.equal(declaration?.contests[0]?.papers, 9_896);
  assert.equal(declaration?.contests[0]?.candidates[1]?.elected, true);
});

test('a planted error of 300 votes in one batch of the 2019 count is caught by the sample and escalates the audit to a second round before the (right) outcome is confirmed', () => {
  const truth = batchesOf([92_153, 46_656], 509, 319);
  const reported = truth.map((b) =>
    b.batch === 'b-284'
      ? {
          ...b,
          contests: [
            {
              counts: [
                (b.contests[0]?.counts[0] ?? 0) + 300,
                (b.contests[0]?.counts[1] ?? 0) - 300,
              ],
            },
          ],
        }
      : b
  );
  const { end, rounds } = runAudit(reported, truth);
  assert.ok(rounds[0]?.batches.includes('b-284'), 'the first round samples the bad batch');
  assert.ok((rounds[0]?.riskPpm ?? 0) === 1_000_000);
  assert.equal(rounds.length, 2, 'the error found in round 1 leaves the risk above 5 %');
  assert.equal(rounds[1]?.riskPpm, 87_688);
  assert.deepEqual(rounds[1]?.batches, ['b-209', 'b-157']);
  assert.deepEqual(end, { outcome: 'confirmed', riskPpm: 49_507 });
});

test('once a round meets the risk limit no further sample is drawn (postal-audit/risk-limit-met), but the officer may still choose a full hand count', () => {
  const reported = batchesOf([92_153, 46_656], 509, 319);
  const asked: ReturnType<PostalAuditReplay['nextSample']>[] = [];
  const { rounds, end } = runAudit(reported, reported, 5, (replay) =>
    asked.push(replay.nextSample(), replay.nextSample(true))
  );
  assert.equal(end.outcome, 'confirmed');
  const [next, full] = asked;
  assert.deepEqual(next, {
    rule: 'sample',
    message: 'the risk limit is met: the audit can end',
    code: 'postal-audit/risk-limit-met',
  });
  assert.ok(full !== undefined && !('rule' in full));
  assert.equal(full.full, true);
  assert.equal(full.round, 2);
  const sampled = new Set(rounds[0]?.batches);
  assert.deepEqual(
    full.batches,
    reported.map((b) => b.batch).filter((b) => !sampled.has(b)),
    'a full hand count takes every batch not yet counted'
  );
});

const expectProblem = (problems: AuditProblem[], rule: AuditProblem['rule']): void =>
  assert.ok(
    problems.some((p) => p.rule === rule),
    `expected a ${rule} problem, got ${JSON.stringify(problems)}`
  );

test('an altered sample, an uncounted batch, a wrong seed and a premature end are each refused by rule', () => {
  const reported = batchesOf([92_153, 46_656], 509, 319);
  const replay = new PostalAuditReplay(LEADER);
  const events: AuditEvent[] = [];
  logged.set(replay, events);
  for (const body of reported) seen(replay, { type: 'postal-batch', body });
  const [observer, seed] = SEEDS[0];
  seen(replay, {
    type: 'postal-audit-commit',
    body: { observer, commitment: auditSeedCommitment(observer, seed) },
  });
  seen(replay, { type: 'postal-audit-start', body: { riskLimit: 5 } }, FIXED_START_HASH);
  const wrong = new PostalAuditReplay(LEADER);
  for (const body of reported) wrong.observe({ type: 'postal-batch', body }, '');
  wrong.observe(
    {
      type: 'postal-audit-commit',
      body: { observer, commitment: auditSeedCommitment(observer, seed) },
    },
    ''
  );
  wrong.observe({ type: 'postal-audit-start', body: { riskLimit: 5 } }, FIXED_START_HASH);
  expectProblem(
    wrong.observe({ type: 'postal-audit-reveal', body: { observer, seed: '00'.repeat(32) } }, ''),
    'seed'
  );
  seen(replay, { type: 'postal-audit-reveal', body: { observer, seed } });
  const sample = replay.nextSample();
  assert.ok(!('rule' in sample));
  const swapped = sample.batches.includes('b-1') ? 'b-2' : 'b-1';
  expectProblem(
    new PostalAuditReplay(LEADER).observe({ type: 'postal-audit-sample', body: sample }, ''),
    'sample'
  );
  const altered = { ...sample, batches: [swapped, ...sample.batches.slice(1)] };
  const copy = (): PostalAuditReplay => {
    const r = new PostalAuditReplay(LEADER);
    for (const body of reported) r.observe({ type: 'postal-batch', body }, '');
    r.observe(
      {
        type: 'postal-audit-commit',
        body: { observer, commitment: auditSeedCommitment(observer, seed) },
      },
      ''
    );
    r.observe({ type: 'postal-audit-start', body: { riskLimit: 5 } }, FIXED_START_HASH);
    r.observe({ type: 'postal-audit-reveal', body: { observer, seed } }, '');
    return r;
  };
  expectProblem(copy().observe({ type: 'postal-audit-sample', body: altered }, ''), 'sample');
  seen(replay, { type: 'postal-audit-sample', body: sample });
  const unsampled = reported.find((b) => !sample.batches.includes(b.batch));
  assert.ok(unsampled);
  expectProblem(copy().observe({ type: 'postal-audit-count', body: unsampled }, ''), 'sample');
  expectProblem(
    replay.observe({ type: 'postal-audit-end', body: { outcome: 'confirmed', riskPpm: 0 } }, ''),
    'stop'
  );
  assert.deepEqual(new PostalAuditReplay(LEADER).beforeTally(), []);
  expectProblem(copy().beforeTally(), 'stop');
});
