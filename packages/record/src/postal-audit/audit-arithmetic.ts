/**
 * @module The arithmetic of the postal risk-limiting audit (spec §9.8.3): a batch-level comparison
 * audit with the MACRO error bound (Stark 2008, "A sharper discrepancy measure for post-election
 * audits"), batches drawn with probability proportional to their error bound (PPEB) and the
 * Kaplan–Markov P-value (Stark 2009, "Risk-limiting post-election audits: P-values from common
 * probability inequalities"), as surveyed by Lindeman and Stark, "A Gentle Introduction to
 * Risk-Limiting Audits" (IEEE Security & Privacy, 2012).
 *
 * Every value is an IEEE 754 binary64 number computed with +, −, ×, ÷ only, each correctly rounded,
 * in the order the spec gives, so another language's verifier gets the same bits (no logarithm,
 * whose rounding is not fixed by IEEE 754). Counts are integers below 2⁵³, so their sums and
 * differences are exact.
 */

/** The counts of one batch as the `postal-batch` (reported) or `postal-audit-count` (found) body. */
export interface PostalCounts {
  readonly papers: number;
  readonly spoilt: number;
  readonly contests: readonly { readonly counts: readonly number[] }[];
  /** Spec §13.2.1: the one ballot style of the batch's papers, with styles. */
  readonly style?: string | undefined;
  /** Spec §13.2.1 step 6: the one weight class of the batch's papers, with weights. */
  readonly weight?: number | undefined;
}

/** What the audit needs of a contest: how many candidates win and how many stand. */
export interface AuditedContest {
  readonly maxSelections: number;
  readonly candidates: readonly unknown[];
  /** Set for a ranked contest (spec §11): its postal entry has no counts, so no pair. */
  readonly method?: string | undefined;
}

/** One reported winner and one reported loser of a contest, and the reported margin between them. */
export interface AuditPair {
  readonly contest: number;
  readonly winner: number;
  readonly loser: number;
  readonly margin: number;
}

/** Draws beyond which the audit must be a full hand count (spec §9.8.3: the escalation). */
export const MAX_AUDIT_DRAWS = 100_000;

/** Reported totals per contest, per candidate: the sums of the batches' counts. */
export function reportedTotals(
  contests: readonly AuditedContest[],
  batches: readonly PostalCounts[]
): number[][] {
  return contests.map((contest, c) =>
    contest.candidates.map((_, j) =>
      batches.reduce((sum, batch) => sum + (batch.contests[c]?.counts[j] ?? 0), 0)
    )
  );
}

/**
 * Spec §9.8.3 step 1: the reported winners of a contest are its `maxSelections` candidates with the
 * most reported votes (a tie broken by ballot order); every winner is paired with every loser.
 */
export function auditPairs(
  contests: readonly AuditedContest[],
  batches: readonly PostalCounts[]
): AuditPair[] {
  const totals = reportedTotals(contests, batches);
  const pairs: AuditPair[] = [];
  contests.forEach((contest, c) => {
    const votes = totals[c] ?? [];
    const ranked = votes
      .map((_, j) => j)
      .sort((a, b) => (votes[b] ?? 0) - (votes[a] ?? 0) || a - b);
    const winners = ranked.slice(0, contest.maxSelections).sort((a, b) => a - b);
    const losers = ranked.slice(contest.maxSelections).sort((a, b) => a - b);
    for (const winner of winners)
      for (const loser of losers)
        pairs.push({
          contest: c,
          winner,
          loser,
          margin: (votes[winner] ?? 0) - (votes[loser] ?? 0),
        });
  });
  return pairs;
}

const count = (body: PostalCounts, c: number, j: number): number =>
  body.contests[c]?.counts[j] ?? 0;

/**
 * Spec §9.8.3 step 2, the MACRO error bound u_p of a batch: the most its count could overstate any
 * reported margin, as a fraction of that margin: max over pairs of (v_w − v_l + papers) ÷ margin.
 * A pair with margin 0 gives +∞ (no sample can confirm a tie); no pair at all gives 0.
 */
export function errorBound(batch: PostalCounts, pairs: readonly AuditPair[]): number {
  let bound = 0;
  for (const pair of pairs) {
    if (pair.margin === 0) return Infinity;
    const value =
      (count(batch, pair.contest, pair.winner) -
        count(batch, pair.contest, pair.loser) +
        batch.papers) /
      pair.margin;
    if (value > bound) bound = value;
  }
  return bound;
}

/**
 * Spec §9.8.3 step 5, the MACRO overstatement e_p of an audited batch: max over pairs of
 * ((v_w − v_l) − (a_w − a_l)) ÷ margin, v reported and a found by hand (negative when the hand
 * count widens every margin). −∞ with no pair.
 */
export function overstatement(
  reported: PostalCounts,
  found: PostalCounts,
  pairs: readonly AuditPair[]
): number {
  let worst = -Infinity;
  for (const pair of pairs) {
    const { contest: c, winner: w, loser: l } = pair;
    const value =
      (count(reported, c, w) - count(reported, c, l) - (count(found, c, w) - count(found, c, l))) /
      pair.margin;
    if (value > worst) worst = value;
  }
  return worst;
}

/** U = u_1 + u_2 + … in batch order, left to right from 0. */
export function totalBound(bounds: readonly number[]): number {
  let total = 0;
  for (const bound of bounds) total = total + bound;
  return total;
}

/**
 * Spec §9.8.3 step 4: the batch (index) of a draw r ∈ [0, 1): the first p whose running sum of
 * bounds exceeds r × U, or, if rounding leaves none, the last batch with a positive bound.
 */
export function pickBatch(r: number, bounds: readonly number[], total: number): number {
  const target = r * total;
  let running = 0;
  let last = -1;
  for (const [p, bound] of bounds.entries()) {
    running = running + bound;
    if (bound > 0) last = p;
    if (target < running) return p;
  }
  return last;
}

/**
 * Spec §9.8.3 step 5, the Kaplan–Markov P-value after the draws whose taints t_j = e_j ÷ u_j are
 * given, in draw order: P ← (P × q) ÷ (1 − t_j) from P = 1, q = 1 − 1 ÷ U; +∞ once some t_j ≥ 1.
 */
export function kaplanMarkovRisk(taints: readonly number[], total: number): number {
  const q = 1 - 1 / total;
  let risk = 1;
  for (const taint of taints) {
    if (taint >= 1) return Infinity;
    risk = (risk * q) / (1 - taint);
  }
  return risk;
}

/**
 * Spec §9.8.3 step 6: the fewest further draws m ≥ 1 after which the risk would be at most α if
 * they found no error (risk × q^m ≤ α, multiplying one q at a time), or null if that takes more
 * than `budget` draws or the risk is not finite.
 */
export function drawsToConfirm(
  risk: number,
  total: number,
  alpha: number,
  budget: number
): number | null {
  if (!Number.isFinite(risk)) return null;
  const q = 1 - 1 / total;
  let value = risk;
  let draws = 0;
  do {
    value = value * q;
    draws++;
    if (draws > budget) return null;
  } while (value > alpha);
  return draws;
}

/** The published form of a risk: ⌈P × 10⁶⌉ parts per million, at most 10⁶ (P ≥ 1 or +∞). */
export function riskPpm(risk: number): number {
  if (!(risk < 1)) return 1_000_000;
  return Math.min(1_000_000, Math.ceil(risk * 1_000_000));
}
