/**
 * @module Meek STV (spec §12.6), after Hill, Wichmann & Woodall, "Algorithm 123 — Single
 * Transferable Vote by Meek's method" (Computer Journal 1987) and the New Zealand Meek rules: every
 * candidate has a keep value (1 while hopeful, 0 once excluded, adjusted while elected); each
 * ballot gives each candidate it reaches that candidate's share of what is left, in fixed
 * decimals of 10⁻⁹, keep values rounded up, until the total surplus is at most 10⁻⁶ or stops
 * falling. Exclusions are one candidate at a time.
 */
import { type CheckedInput, touch } from './ballots.ts';
import { divDown, divUp, format, scale } from './fixed.ts';
import { breakTie } from './ties.ts';
import type { ResultSheet, Stage, StageAction, TieBreak } from './types.ts';

export const MEEK_DECIMALS = 9;
const ONE = scale(MEEK_DECIMALS);
/** Iteration stops once the total surplus is at most 10⁻⁶ (Droop's default for 9 places). */
const OMEGA = scale(MEEK_DECIMALS - 6);

export function countMeek(
  input: CheckedInput,
  candidates: number,
  seats: number,
  lotOrder: readonly number[]
): ResultSheet {
  const all = Array.from({ length: candidates }, (_, c) => c);
  const keep = all.map(() => ONE);
  const status: ('hopeful' | 'elected' | 'excluded')[] = all.map(() => 'hopeful');
  const elected: number[] = [];
  const history: bigint[][] = [];
  const stages: Stage[] = [];
  const total = BigInt(input.valid) * ONE;
  let votes = all.map(() => 0n);
  let quota = 0n;

  /** §12.6 step 2: one pass over the ballots with the current keep values. */
  const distribute = (): void => {
    votes = all.map(() => 0n);
    for (const g of input.groups) {
      let weight = ONE;
      let i = 0;
      for (; i < g.prefs.length && weight > 0n; i++) {
        const c = g.prefs[i] as number;
        const kv = keep[c] ?? 0n;
        if (kv === 0n) continue;
        const kept = kv === ONE ? weight : divUp(weight * kv, ONE);
        votes[c] = (votes[c] ?? 0n) + kept * g.n;
        weight -= kept;
      }
      touch(g, i - 1);
    }
    const counted = votes.reduce((a, b) => a + b, 0n);
    quota = divDown(counted, BigInt(seats + 1)) + 1n;
  };
  const hopeful = (): number[] => all.filter((c) => status[c] === 'hopeful');
  const surplus = (): bigint => elected.reduce((a, c) => a + (votes[c] ?? 0n) - quota, 0n);

  /** Elects every hopeful candidate at or over the quota, most votes first. */
  const electReaching = (ties: TieBreak[]): number[] => {
    const now: number[] = [];
    const left = hopeful().filter((c) => (votes[c] ?? 0n) >= quota);
    while (left.length > 0 && elected.length < seats) {
      const top = left.reduce((m, c) => ((votes[c] ?? 0n) > m ? (votes[c] ?? 0n) : m), 0n);
      const tied = left.filter((c) => (votes[c] ?? 0n) === top);
      const d = breakTie(tied, history, lotOrder, 'most', 'elect');
      if (d === null) throw new Error('a lot always decides');
      if (d.tie && tied.length > seats - elected.length) ties.push(d.tie);
      status[d.chosen] = 'elected';
      elected.push(d.chosen);
      now.push(d.chosen);
      left.splice(left.indexOf(d.chosen), 1);
    }
    return now;
  };

  /** Iterates the keep values until someone is elected or the surplus is small or stable. */
  const iterate = (ties: TieBreak[]): number[] => {
    let last: bigint | null = null;
    for (;;) {
      distribute();
      const now = electReaching(ties);
      if (now.length > 0) return now;
      const s = surplus();
      if (s <= OMEGA || (last !== null && s >= last)) return [];
      last = s;
      for (const c of elected) {
        const v = votes[c] ?? 0n;
        if (v === 0n) continue;
        const next = divUp(divUp((keep[c] ?? 0n) * quota, ONE) * ONE, v);
        keep[c] = next > ONE ? ONE : next;
      }
    }
  };

  const snapshot = (
    action: StageAction,
    electedNow: number[],
    excluded: number[],
    ties: TieBreak[]
  ) => {
    history.push([...votes]);
    stages.push({
      stage: stages.length + 1,
      action,
      votes: votes.map((v) => format(v, MEEK_DECIMALS)),
      nonTransferable: format(total - votes.reduce((a, b) => a + b, 0n), MEEK_DECIMALS),
      quota: format(quota, MEEK_DECIMALS),
      elected: electedNow,
      excluded,
      ties,
      keepValues: keep.map((k) => format(k, MEEK_DECIMALS)),
    });
  };

  let action: StageAction = { type: 'first' };
  let excludedNow: number[] = [];
  let ties: TieBreak[] = [];
  for (;;) {
    const now = iterate(ties);
    snapshot(action, now, excludedNow, ties);
    const last = stages[stages.length - 1] as Stage & { elected: number[] };
    if (elected.length === seats) break;
    const left = hopeful();
    if (left.length <= seats - elected.length) {
      for (const c of left) {
        status[c] = 'elected';
        elected.push(c);
        last.elected.push(c);
      }
      break;
    }
    ties = [];
    if (now.length > 0) {
      action = { type: 'surpluses' };
      excludedNow = [];
      continue;
    }
    const low = left.reduce((m, c) => ((votes[c] ?? 0n) < m ? (votes[c] ?? 0n) : m), total);
    const tied = left.filter((c) => (votes[c] ?? 0n) === low);
    const d = breakTie(tied, history, lotOrder, 'fewest', 'exclude');
    if (d === null) throw new Error('a lot always decides');
    if (d.tie) ties.push(d.tie);
    status[d.chosen] = 'excluded';
    keep[d.chosen] = 0n;
    action = { type: 'exclude', candidates: [d.chosen] };
    excludedNow = [d.chosen];
  }
  return {
    method: 'stv',
    rules: 'meek',
    seats,
    candidates,
    ballots: input.valid,
    blank: input.blank,
    decimals: MEEK_DECIMALS,
    stages,
    elected,
  };
}
