/**
 * Spec §13.2.1 step 6: a batch's weight is present exactly with weights and within the maximum;
 * its papers count × weight in the result's postal column and the audit's arithmetic.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditedPostalTotals } from './postal-audit/audit-replay.ts';
import { postalWeightProblem, weightedPostalCounts } from './postal-weights.ts';

const body = (weight?: number) => ({
  batch: 'b',
  papers: 3,
  spoilt: 1,
  contests: [{ counts: [2, 0] }],
  ...(weight === undefined ? {} : { weight }),
});

test('a batch names its weight iff the manifest has weights, up to their maximum', () => {
  const weighted = { weights: { max: 50 } };
  assert.equal(postalWeightProblem(weighted, body(40)), null);
  assert.equal(postalWeightProblem({}, body()), null);
  assert.equal(postalWeightProblem(weighted, body())?.code, 'postal/missing-weight');
  assert.equal(postalWeightProblem(weighted, body(51))?.code, 'postal/bad-weight');
  assert.equal(postalWeightProblem({}, body(1))?.code, 'postal/weight-not-in-manifest');
});

test('a batch of n papers of weight w counts as n·w papers, each count × w', () => {
  assert.deepEqual(weightedPostalCounts(body(40)), {
    ...body(40),
    papers: 120,
    spoilt: 40,
    contests: [{ counts: [80, 0] }],
  });
  const unweighted = body();
  assert.equal(weightedPostalCounts(unweighted), unweighted);
});

test('the result’s postal totals are the batches’ counts × their weights (V9.2)', () => {
  const contests = [{ maxSelections: 1, candidates: ['Kim', 'Pat'] }];
  const events = [
    { type: 'postal-batch', body: { ...body(40), batch: 'heavy' } },
    { type: 'postal-batch', body: { ...body(1), batch: 'light', contests: [{ counts: [0, 2] }] } },
  ];
  assert.deepEqual(auditedPostalTotals(contests, events), [[80, 2]]);
});
