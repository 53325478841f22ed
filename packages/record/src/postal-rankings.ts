/**
 * @module Postal papers of a ranked contest in the record (spec §11.8 "Postal papers", §9.5.2
 * `postal-batch`, verification.md V10.7). A `postal-batch` entry of a ranked contest carries no
 * counts but `rankings`: one per valid paper of the batch (papers − spoilt), in paper order, each
 * the candidates 1 … n in preference order as the paper's boxes gave them (possibly empty). The
 * ranked count reads the online rankings and then these, batch by batch in log order
 * (`countRankingsOf`). One rule for the board (before it appends a batch) and the verifier.
 */
import type { EventBody } from './board-event.ts';
import { isRankedContest } from './manifest.ts';

type PostalCounts = Pick<EventBody<'postal-batch'>, 'papers' | 'spoilt' | 'contests'>;

interface PostalContest {
  readonly id: string;
  readonly candidates: readonly unknown[];
  readonly method?: string | undefined;
}

/** How many counts a contest's postal entry has: one per candidate, none for a ranked contest. */
export function postalCountsLength(contest: Omit<PostalContest, 'id'>): number {
  return isRankedContest(contest) ? 0 : contest.candidates.length;
}

/**
 * V10.7 (the shape a batch's entries must have for its ranked papers to be counted once each):
 * a ranked contest's entry has no counts and one ranking per valid paper, each naming candidates
 * 1 … n at most once; a homomorphic contest's entry has no rankings. Null when it holds; else what
 * breaks it, naming the contest (and the ranking, 1-based among the batch's valid papers).
 */
export function postalRankingsProblem(
  contests: readonly PostalContest[],
  body: PostalCounts
): string | null {
  const valid = body.papers - body.spoilt;
  for (const [c, contest] of contests.entries()) {
    const entry = body.contests[c];
    if (entry === undefined) continue; // the entry count is V6.3's
    if (!isRankedContest(contest)) {
      if (entry.rankings !== undefined)
        return `contest ${contest.id} is not ranked: its postal entry has counts, not rankings`;
      continue;
    }
    if (entry.counts.length !== 0)
      return `contest ${contest.id} is ranked: its postal entry has rankings, not counts`;
    const rankings = entry.rankings;
    if (rankings === undefined)
      return `contest ${contest.id} is ranked: its postal entry needs the papers' rankings`;
    if (rankings.length !== valid)
      return `contest ${contest.id}: ${rankings.length} rankings for ${Math.max(valid, 0)} valid papers (one per valid paper)`;
    const n = contest.candidates.length;
    for (const [i, ranking] of rankings.entries()) {
      if (ranking.some((candidate) => candidate > n))
        return `contest ${contest.id}, ranking ${i + 1}: names no candidate 1 … ${n}`;
      if (new Set(ranking).size !== ranking.length)
        return `contest ${contest.id}, ranking ${i + 1}: names a candidate twice`;
    }
  }
  return null;
}

/**
 * Spec §11.8: the postal rankings of contest c (1-based, as the batches carry them), batch by
 * batch in the order given (log order), each batch's in paper order.
 */
export function postalRankingsOf(
  c: number,
  batches: readonly Pick<EventBody<'postal-batch'>, 'contests'>[]
): number[][] {
  return batches.flatMap((batch) => batch.contests[c]?.rankings ?? []);
}
