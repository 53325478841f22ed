/**
 * @module The count (spec §12): checks the input, groups the rankings and runs the rule the
 * manifest names. Pure and deterministic: the same input gives the same sheet, byte for byte.
 */
import { checkInput } from './ballots.ts';
import { countErs97 } from './ers97.ts';
import { countIrv } from './irv.ts';
import { lotOrder } from './lot.ts';
import { countMeek } from './meek.ts';
import { err, ok, type Result } from './result.ts';
import type { CountError, CountInput, ResultSheet } from './types.ts';

export function countRanked(input: CountInput): Result<ResultSheet, CountError> {
  const checked = checkInput(input);
  if (!checked.ok) return err(checked.error);
  const lot = lotOrder(input.seed, input.candidates);
  if (input.method === 'irv') return ok(countIrv(checked.value, input.candidates, lot));
  if (input.rules === 'ers97')
    return ok(countErs97(checked.value, input.candidates, input.seats, lot));
  return ok(countMeek(checked.value, input.candidates, input.seats, lot));
}
