/**
 * @module The count (spec §12): checks the input, groups the rankings and runs the rule the
 * manifest names. Pure and deterministic: the same input gives the same sheet, byte for byte.
 */
import { type CheckedInput, checkInput } from './ballots.ts';
import { countErs97 } from './ers97.ts';
import { countIrv } from './irv.ts';
import { lotOrder } from './lot.ts';
import { countMeek } from './meek.ts';
import { err, ok, type Result } from './result.ts';
import type { CountError, CountInput, ResultSheet } from './types.ts';

export function countRanked(input: CountInput): Result<ResultSheet, CountError> {
  const checked = checkInput(input);
  if (!checked.ok) return err(checked.error);
  return ok(run(input, checked.value));
}

function run(input: CountInput, checked: CheckedInput): ResultSheet {
  const lot = lotOrder(input.seed, input.candidates);
  if (input.method === 'irv') return countIrv(checked, input.candidates, lot);
  if (input.rules === 'ers97') return countErs97(checked, input.candidates, input.seats, lot);
  return countMeek(checked, input.candidates, input.seats, lot);
}

/**
 * Spec §12.9: each ranking cut after the last preference the count looked at, in input order.
 * Counting the cut rankings gives the same sheet, so only these need to be decrypted and
 * published; the rest of each ranking stays secret.
 */
export function readPrefixes(
  input: CountInput
): Result<{ sheet: ResultSheet; prefixes: number[][] }, CountError> {
  const checked = checkInput(input);
  if (!checked.ok) return err(checked.error);
  const sheet = run(input, checked.value);
  const prefixes = input.rankings.map((r) => {
    const group = checked.value.byKey.get(r.join(','));
    return r.slice(0, group === undefined ? 0 : group.read);
  });
  return ok({ sheet, prefixes });
}
