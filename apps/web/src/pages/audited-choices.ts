/**
 * @module What an audited ballot's openings say was chosen, contest by contest (spec §9.4, §13.2):
 * each opened entry paired with its manifest contest as `ballotContestIndexes` pairs them — with
 * ballot styles by the contest id the entry names, never by position, since such a ballot holds
 * only its style's contests.
 */
import { type AuditedBallot, type Manifest, ballotContestIndexes } from '@scrutineer/record';
import { rankingOfVector } from '../ranking-words.ts';

export interface AuditedChoice {
  readonly contest: Manifest['contests'][number];
  /**
   * The candidate indices whose published vote is 1; for a ranked contest (spec §11.2) the
   * ranking its opened vector holds, first preference first (null: no valid vector).
   */
  readonly chosen: readonly number[] | null;
}

/** The ballot's contests in manifest order (none if its entries name no contests of the manifest). */
export function auditedChoices(
  manifest: Manifest,
  opened: AuditedBallot['contests']
): AuditedChoice[] {
  const indexes = ballotContestIndexes(manifest, { election: '', contests: opened }) ?? [];
  return opened.flatMap((entry, e) => {
    const contest = manifest.contests[indexes[e] ?? -1];
    if (contest === undefined) return [];
    const chosen =
      entry.ranked === undefined
        ? entry.selections.flatMap((selection, j) => (selection.vote === 1 ? [j] : []))
        : rankingOfVector(entry.ranked.values);
    return [{ contest, chosen }];
  });
}
