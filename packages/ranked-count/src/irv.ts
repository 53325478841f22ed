/**
 * @module IRV / AV (spec §12.4): one place. At each stage every ballot counts, at full value, for
 * its highest-ranked continuing candidate; a candidate with more than half of the votes on
 * continuing candidates is elected; otherwise the candidate with the fewest votes is excluded
 * (ties §12.3). A last continuing candidate is elected.
 */
import { type CheckedInput, touch } from './ballots.ts';
import { format } from './fixed.ts';
import { breakTie } from './ties.ts';
import type { ResultSheet, Stage, StageAction, TieBreak } from './types.ts';

export function countIrv(
  input: CheckedInput,
  candidates: number,
  lotOrder: readonly number[]
): ResultSheet {
  const continuing = new Set(Array.from({ length: candidates }, (_, c) => c));
  const history: bigint[][] = [];
  const stages: Stage[] = [];
  let action: StageAction = { type: 'first' };
  let excludedNow: number[] = [];
  let ties: TieBreak[] = [];
  const total = BigInt(input.valid);
  for (;;) {
    const votes = Array.from({ length: candidates }, () => 0n);
    for (const g of input.groups) {
      const at = g.prefs.findIndex((c) => continuing.has(c));
      touch(g, at);
      const top = g.prefs[at];
      if (top !== undefined) votes[top] = (votes[top] ?? 0n) + g.n;
    }
    history.push(votes);
    const active = votes.reduce((a, b) => a + b, 0n);
    const majority = active / 2n + 1n;
    const winner = [...continuing].find((c) => (votes[c] ?? 0n) >= majority);
    const elected = continuing.size === 1 ? [...continuing] : winner === undefined ? [] : [winner];
    stages.push({
      stage: stages.length + 1,
      action,
      votes: votes.map((v) => format(v, 0)),
      nonTransferable: format(total - active, 0),
      quota: format(majority, 0),
      elected,
      excluded: excludedNow,
      ties,
    });
    if (elected.length > 0) {
      return {
        method: 'irv',
        rules: null,
        seats: 1,
        candidates,
        ballots: input.valid,
        blank: input.blank,
        decimals: 0,
        stages,
        elected,
      };
    }
    const low = [...continuing].reduce(
      (m, c) => ((votes[c] ?? 0n) < m ? (votes[c] ?? 0n) : m),
      active
    );
    const tied = [...continuing].filter((c) => (votes[c] ?? 0n) === low);
    const d = breakTie(tied, history, lotOrder, 'fewest', 'exclude');
    if (d === null) throw new Error('a lot always decides');
    continuing.delete(d.chosen);
    action = { type: 'exclude', candidates: [d.chosen] };
    excludedNow = [d.chosen];
    ties = d.tie ? [d.tie] : [];
  }
}
