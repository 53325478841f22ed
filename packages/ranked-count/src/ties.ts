/**
 * @module Ties (spec §12.3), the same for every rule: first by the earlier stages — the vote at the
 * first stage, then at each later stage in turn, keeping only the candidates with the fewest (or
 * most) votes at each stage where they differ (ERS97 5.2.3, 5.2.5, 5.6.2) — then by lot.
 */
import type { TieBreak } from './types.ts';

export interface Decided {
  readonly chosen: number;
  /** Absent when there was no tie. */
  readonly tie?: TieBreak;
}

/**
 * Chooses one of `tied` (equal votes now): `fewest` for exclusion, `most` for surplus or
 * election. `history` holds every stage's votes so far, first stage first. With `lot` false, a
 * tie that the earlier stages do not settle returns null (ERS97 5.6.2: nobody is elected).
 */
export function breakTie(
  tied: readonly number[],
  history: readonly (readonly bigint[])[],
  lotOrder: readonly number[],
  want: 'fewest' | 'most',
  purpose: TieBreak['for'],
  lot = true
): Decided | null {
  const [only] = tied;
  if (tied.length === 1 && only !== undefined) return { chosen: only };
  let left = [...tied];
  for (const votes of history) {
    const values = left.map((c) => votes[c] ?? 0n);
    const best = values.reduce((a, b) => (want === 'fewest' ? (b < a ? b : a) : b > a ? b : a));
    left = left.filter((c) => (votes[c] ?? 0n) === best);
    const [one] = left;
    if (left.length === 1 && one !== undefined) {
      return {
        chosen: one,
        tie: { for: purpose, among: [...tied].sort(byNumber), by: 'earlier-stages', chosen: [one] },
      };
    }
  }
  if (!lot) return null;
  // Favoured = earlier in the lot order: a lot to exclude picks the least favoured.
  const ranked = lotOrder.filter((c) => left.includes(c));
  const chosen = (want === 'fewest' ? ranked[ranked.length - 1] : ranked[0]) as number;
  return {
    chosen,
    tie: { for: purpose, among: [...tied].sort(byNumber), by: 'lot', chosen: [chosen] },
  };
}

/**
 * The continuing candidates from fewest votes to most, equal votes ordered by {@link breakTie}
 * (fewest first). Returns the ties it broke at the positions that matter to the caller.
 */
export function ascending(
  candidates: readonly number[],
  votes: readonly bigint[],
  history: readonly (readonly bigint[])[],
  lotOrder: readonly number[]
): { order: number[]; ties: TieBreak[] } {
  const left = [...candidates];
  const order: number[] = [];
  const ties: TieBreak[] = [];
  while (left.length > 0) {
    const low = left.reduce(
      (m, c) => ((votes[c] ?? 0n) < m ? (votes[c] ?? 0n) : m),
      votes[left[0] as number] ?? 0n
    );
    const tied = left.filter((c) => (votes[c] ?? 0n) === low);
    const d = breakTie(tied, history, lotOrder, 'fewest', 'exclude') as Decided;
    if (d.tie) ties.push(d.tie);
    order.push(d.chosen);
    left.splice(left.indexOf(d.chosen), 1);
  }
  return { order, ties };
}

export function byNumber(a: number, b: number): number {
  return a - b;
}
