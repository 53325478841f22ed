/**
 * @module Electoral colleges (spec §13.5): each college's share of the vote, combined by the
 * published shares, in exact rational arithmetic (BigInt), so that every reader of the result
 * computes the same fractions, the same rounded percentages and the same order.
 */
import type { Manifest } from './manifest.ts';

export interface CollegeOption {
  readonly candidate: string;
  /** The combined score as a reduced fraction in [0, 1]. */
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** The score in hundredths of a percent, rounded half up (spec §13.5): 5000 is 50.00 %. */
  readonly basisPoints: number;
}

export interface CollegeResult {
  readonly id: string;
  readonly title: string;
  readonly options: readonly CollegeOption[];
  /** Candidate ids with the highest exact score (more than one: a tie, which the rules break). */
  readonly leaders: readonly string[];
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};

/**
 * Spec §13.5: for each college, candidate j's score is S_j = Σ_p (s_p / Σ_q s_q) · (t_pj / T_p),
 * over the parts p with T_p > 0 (a part nobody voted in contributes nothing), where t_pj is the
 * weighted total of j in part p's contest and T_p = Σ_j t_pj. `totals[c][j]` is the result's
 * `total` of option j of contest c.
 */
export function collegeResults(
  manifest: Manifest,
  totals: readonly (readonly (number | bigint)[])[]
): CollegeResult[] {
  return (manifest.colleges ?? []).map((college) => {
    const parts = college.parts.map((part) => {
      const c = manifest.contests.findIndex((contest) => contest.id === part.contest);
      const t = (totals[c] ?? []).map((x) => BigInt(x));
      return { share: BigInt(part.share), t, sum: t.reduce((a, b) => a + b, 0n) };
    });
    const shareSum = parts.reduce((a, p) => a + p.share, 0n);
    const voted = parts.filter((p) => p.sum > 0n);
    // Common denominator: Σs · Π T_p over the parts with votes.
    const product = voted.reduce((a, p) => a * p.sum, 1n);
    const denominator = shareSum * product;
    const firstContest = manifest.contests.find((c) => c.id === college.parts[0]?.contest);
    const candidates = firstContest?.candidates ?? [];
    const numerators = candidates.map((_, j) =>
      voted.reduce((a, p) => a + p.share * (p.t[j] ?? 0n) * (product / p.sum), 0n)
    );
    const options = candidates.map((candidate, j) => {
      const n = numerators[j] ?? 0n;
      const g = gcd(n, denominator) || 1n;
      // Half up: ⌊(10000·n·2 + d) / (2d)⌋.
      const basisPoints = Number((20000n * n + denominator) / (2n * denominator));
      return {
        candidate: candidate.id,
        numerator: n / g,
        denominator: denominator / g,
        basisPoints,
      };
    });
    const best = numerators.reduce((a, b) => (b > a ? b : a), 0n);
    const leaders =
      voted.length === 0
        ? []
        : candidates.filter((_, j) => numerators[j] === best).map((c) => c.id);
    return { id: college.id, title: college.title, options, leaders };
  });
}
