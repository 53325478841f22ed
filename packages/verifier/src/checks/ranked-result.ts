/**
 * @module V11 (spec verification.md "V11 Ranked count", 12-count-rules.md): a ranked contest's
 * published result sheet against the count re-run, with `@scrutineer/ranked-count`, from the
 * decrypted rankings. Plain inputs (rankings as number[][]) so that whoever supplies the
 * rankings — the mixnet's decryption checks — can call it without this module knowing how.
 */
import { type ResultSheet, countRanked } from '@scrutineer/ranked-count';
import type { RankedResultBody } from '@scrutineer/record';
import type { RankedCountCheckId } from '../check-catalogue.ts';

/** What the manifest (and the record) say the contest is. */
export interface RankedContestRules {
  readonly contestId: string;
  readonly method: 'irv' | 'stv';
  readonly rules: 'ers97' | 'meek' | null;
  readonly seats: number;
  readonly candidates: number;
  /** Spec §12.3: the seed the record fixed before the count. */
  readonly seed: string;
}

export interface RankedFinding {
  readonly check: RankedCountCheckId;
  readonly message: string;
  /** The first stage that differs, when one does. */
  readonly stage?: number;
}

/** V11.1–V11.2. No findings means both checks passed. */
export function checkRankedResult(
  contest: RankedContestRules,
  rankings: readonly (readonly number[])[],
  published: RankedResultBody
): RankedFinding[] {
  const findings: RankedFinding[] = [];
  const v111 = (ok: boolean, message: string) => {
    if (!ok) findings.push({ check: 'V11.1', message });
  };
  v111(
    published.contestId === contest.contestId,
    `result for ${published.contestId}, not ${contest.contestId}`
  );
  v111(
    published.method === contest.method,
    `counted by ${published.method}, the contest says ${contest.method}`
  );
  v111(
    published.rules === contest.rules,
    `rules ${String(published.rules)}, the contest says ${String(contest.rules)}`
  );
  v111(published.seed === contest.seed, 'the seed is not the one fixed before the count');
  v111(
    published.sheet.method === published.method && published.sheet.rules === published.rules,
    'the sheet names other rules than the event'
  );
  v111(
    published.sheet.seats === contest.seats,
    `${published.sheet.seats} places, the contest has ${contest.seats}`
  );
  v111(
    published.sheet.candidates === contest.candidates,
    `${published.sheet.candidates} candidates, the contest has ${contest.candidates}`
  );

  // V11.2 recounts with the contest's own rules and seed, whatever the event claims.
  const recount = countRanked({
    method: contest.method,
    ...(contest.rules === null ? {} : { rules: contest.rules }),
    seats: contest.seats,
    candidates: contest.candidates,
    rankings,
    seed: contest.seed,
  });
  if (!recount.ok) {
    findings.push({
      check: 'V11.2',
      message: `the rankings cannot be counted: ${recount.error.message}`,
    });
    return findings;
  }
  const difference = firstDifference(recount.value, published.sheet);
  if (difference !== null) findings.push({ check: 'V11.2', ...difference });
  return findings;
}

/** Where the published sheet departs from the recount: the first stage, or the summary. */
function firstDifference(
  expected: ResultSheet,
  published: RankedResultBody['sheet']
): { message: string; stage?: number } | null {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of ['ballots', 'blank', 'decimals'] as const)
    if (expected[key] !== published[key])
      return { message: `${key}: published ${published[key]}, recounted ${expected[key]}` };
  const stages = Math.max(expected.stages.length, published.stages.length);
  for (let i = 0; i < stages; i++) {
    const e = expected.stages[i];
    const p = published.stages[i];
    if (!same(e, p)) {
      return {
        stage: i + 1,
        message:
          e === undefined
            ? `stage ${i + 1} is published but the recount ends at stage ${expected.stages.length}`
            : p === undefined
              ? `the published sheet stops at stage ${published.stages.length}; the recount has ${expected.stages.length}`
              : `stage ${i + 1} differs from the recount`,
      };
    }
  }
  if (!same(expected.elected, published.elected))
    return {
      message: `elected ${published.elected.join(', ')}; the recount elects ${expected.elected.join(', ')}`,
    };
  // The canonical form adds nothing beyond the fields compared; any other difference is a field we
  // did not name, which the schema (strict) already refuses.
  return same(expected, published) ? null : { message: 'the sheet differs from the recount' };
}
