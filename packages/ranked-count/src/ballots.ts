/**
 * @module Input checks and the grouping of identical rankings (spec §12.2). Grouping makes the
 * count independent of the ballots' order by construction and keeps 160,000 ballots with a few
 * hundred distinct rankings cheap: every rule multiplies by the group's size.
 */
import { countError, err, ok, type Result } from './result.ts';
import type { CountError, CountInput } from './types.ts';

/** A distinct ranking and how many ballots carry it. */
export interface BallotGroup {
  readonly prefs: readonly number[];
  readonly n: bigint;
  /** How many preferences the count has looked at (spec §12.9): 1 + the last index read. */
  read: number;
}

/** Notes that the count looked at `prefs[index]` (or, with index −1, at all of them). */
export function touch(group: BallotGroup, index: number): void {
  const upto = index < 0 ? group.prefs.length : index + 1;
  if (upto > group.read) group.read = upto;
}

export interface CheckedInput {
  readonly groups: readonly BallotGroup[];
  /** Ballots with at least one preference. */
  readonly valid: number;
  /** Ballots with none. */
  readonly blank: number;
  /** The group of each ranking, by its text (for {@link readPrefixes}). */
  readonly byKey: ReadonlyMap<string, BallotGroup>;
}

const MAX_CANDIDATES = 1000;

export function checkInput(input: CountInput): Result<CheckedInput, CountError> {
  const { method, rules, seats, candidates, seed } = input;
  if (method === 'irv') {
    if (rules !== undefined) return err(countError('count/bad-rules', 'irv takes no rule set'));
    if (seats !== 1) return err(countError('count/bad-seats', 'irv fills exactly one place'));
  } else if (method === 'stv') {
    if (rules !== 'ers97' && rules !== 'meek')
      return err(countError('count/bad-rules', 'stv needs rules "ers97" or "meek"'));
  } else {
    return err(countError('count/bad-method', 'method must be "irv" or "stv"'));
  }
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > MAX_CANDIDATES)
    return err(countError('count/bad-candidates', `candidates must be 1 … ${MAX_CANDIDATES}`));
  if (!Number.isInteger(seats) || seats < 1 || seats > candidates)
    return err(countError('count/bad-seats', 'seats must be 1 … the number of candidates'));
  if (!/^[0-9a-f]{64}$/.test(seed))
    return err(countError('count/bad-seed', 'the seed is 32 bytes as 64 lower-case hex digits'));

  const counts = new Map<string, BallotGroup & { n: bigint }>();
  let blank = 0;
  for (let i = 0; i < input.rankings.length; i++) {
    const ranking = input.rankings[i] ?? [];
    const seen = new Set<number>();
    for (const c of ranking) {
      if (!Number.isInteger(c) || c < 0 || c >= candidates)
        return err(countError('count/invalid-ranking', `ballot ${i} names no candidate ${c}`, i));
      if (seen.has(c))
        return err(countError('count/invalid-ranking', `ballot ${i} ranks ${c} twice`, i));
      seen.add(c);
    }
    if (ranking.length === 0) {
      blank++;
      continue;
    }
    const key = ranking.join(',');
    const group = counts.get(key);
    if (group) (group as { n: bigint }).n += 1n;
    else counts.set(key, { prefs: [...ranking], n: 1n, read: 0 });
  }
  // A fixed order (by the ranking's text) so that nothing downstream can see the input order.
  const groups = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => g);
  return ok({ groups, valid: input.rankings.length - blank, blank, byKey: counts });
}
