/**
 * @module Reading a ranked contest's boxes: the member types 1, 2, 3 … beside some or all of the
 * candidates, as on a paper STV ballot and on the postal paper of the same contest (spec §11.1).
 * What they typed becomes a ranking (0-based candidate indices, first preference first), or the
 * specific faults to tell them about before anything is encrypted. Any truncation is a ranking:
 * boxes left empty are candidates not ranked, and all empty is a blank vote for the contest.
 */

export type RankingFault =
  /** The box holds something that is not a whole number ("1st", "one", "1.5"). */
  | { readonly kind: 'not-a-number'; readonly candidate: number }
  /** The box's number is 0 or more than the number of candidates. */
  | { readonly kind: 'out-of-range'; readonly candidate: number }
  /** The same number is in two or more boxes (candidates in ballot order). */
  | { readonly kind: 'repeated'; readonly number: number; readonly candidates: readonly number[] }
  /** A number is missing below the highest one used (1, 2, 4: no 3). */
  | { readonly kind: 'gap'; readonly missing: number };

export type RankingReading =
  | { readonly ok: true; readonly ranking: readonly number[] }
  | { readonly ok: false; readonly faults: readonly RankingFault[] };

const WHOLE_NUMBER = /^[0-9]+$/;

/**
 * The ranking the boxes stand for. Faults of single boxes and repeated numbers are all reported
 * at once (each has its own fix); a gap only when there is neither, since 1, 1, 3 is more likely
 * a repeated 2 than a missing one, and saying both would ask the member to fix one thing twice.
 */
export function readRanking(entries: readonly string[]): RankingReading {
  const faults: RankingFault[] = [];
  const byNumber = new Map<number, number[]>();
  for (const [candidate, entry] of entries.entries()) {
    const text = entry.trim();
    if (text === '') continue;
    const number = WHOLE_NUMBER.test(text) ? Number.parseInt(text, 10) : Number.NaN;
    if (Number.isNaN(number)) faults.push({ kind: 'not-a-number', candidate });
    else if (number < 1 || number > entries.length)
      faults.push({ kind: 'out-of-range', candidate });
    else byNumber.set(number, [...(byNumber.get(number) ?? []), candidate]);
  }
  for (const [number, candidates] of [...byNumber].sort(([a], [b]) => a - b))
    if (candidates.length > 1) faults.push({ kind: 'repeated', number, candidates });
  if (faults.length > 0) return { ok: false, faults };
  const highest = Math.max(0, ...byNumber.keys());
  for (let number = 1; number <= highest; number++)
    if (!byNumber.has(number)) return { ok: false, faults: [{ kind: 'gap', missing: number }] };
  const ranking: number[] = [];
  for (let number = 1; number <= highest; number++) ranking.push(byNumber.get(number)?.[0] ?? -1);
  return { ok: true, ranking };
}

/** The boxes that show `ranking` again (after a reload, or the review's "change"). */
export function rankingEntries(candidates: number, ranking: readonly number[]): string[] {
  const entries = Array.from({ length: candidates }, () => '');
  ranking.forEach((candidate, position) => {
    if (candidate >= 0 && candidate < candidates) entries[candidate] = String(position + 1);
  });
  return entries;
}
