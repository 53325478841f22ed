/**
 * @module ERS97 STV (spec §12.5): the Electoral Reform Society's 1997 rules, section 5, in
 * hundredths of a vote. Papers are kept in parcels (one per candidate per transfer: the "batch"
 * of the rules); a surplus arising after the first stage is transferred from the last parcel only;
 * exclusions move batches in descending order of value, each batch a stage of its own. The
 * paragraph numbers in comments are the rules'.
 */
import { type BallotGroup, type CheckedInput, touch } from './ballots.ts';
import { divDown, format } from './fixed.ts';
import { ascending, breakTie } from './ties.ts';
import type { ResultSheet, Stage, StageAction, TieBreak } from './types.ts';

const UNIT = 100n;

interface Item {
  readonly group: BallotGroup;
  /** Index in the ranking of the candidate now holding these papers. */
  readonly at: number;
  readonly n: bigint;
}
interface Parcel {
  readonly value: bigint;
  readonly items: Item[];
}

/** 5.1.6: V / (places + 1) to two decimal places; if not exact, drop the rest and add 0.01. */
export function ers97Quota(totalHundredths: bigint, places: number): bigint {
  const d = BigInt(places + 1);
  return totalHundredths % d === 0n ? totalHundredths / d : totalHundredths / d + 1n;
}

export function countErs97(
  input: CheckedInput,
  candidates: number,
  seats: number,
  lotOrder: readonly number[]
): ResultSheet {
  const all = Array.from({ length: candidates }, (_, c) => c);
  const votes = all.map(() => 0n);
  const parcels: Parcel[][] = all.map(() => []);
  const status: ('continuing' | 'elected' | 'excluded')[] = all.map(() => 'continuing');
  const elected: number[] = [];
  const electedAtFirst = new Set<number>();
  const surplusDone = new Set<number>();
  const history: bigint[][] = [];
  const stages: Stage[] = [];
  const total = BigInt(input.valid) * UNIT;
  let nonTransferable = 0n;
  let quota = ers97Quota(total, seats);
  /** Votes of excluded candidates whose papers have not all moved yet: part of the active vote. */
  let awaiting = 0n;

  const continuing = (): number[] => all.filter((c) => status[c] === 'continuing');
  const next = (group: BallotGroup, from: number): number => {
    for (let i = from + 1; i < group.prefs.length; i++)
      if (status[group.prefs[i] as number] === 'continuing') {
        touch(group, i);
        return i;
      }
    touch(group, -1);
    return -1;
  };
  const surplusOf = (c: number): bigint =>
    status[c] === 'elected' && !surplusDone.has(c) && (votes[c] ?? 0n) > quota
      ? (votes[c] ?? 0n) - quota
      : 0n;

  /** 5.1.7, 5.3.13, 5.4.9 with 5.6.2: deems elected whoever reaches the threshold. */
  const deemElected = (ties: TieBreak[]): number[] => {
    const now: number[] = [];
    for (;;) {
      const places = seats - elected.length;
      if (places === 0) return now;
      const cont = continuing();
      const active =
        cont.reduce((a, c) => a + (votes[c] ?? 0n), 0n) +
        all.reduce((a, c) => a + surplusOf(c), 0n) +
        awaiting;
      const byActive = ers97Quota(active, places);
      const threshold = byActive < quota ? byActive : quota;
      const reaching = cont.filter((c) => (votes[c] ?? 0n) >= threshold && (votes[c] ?? 0n) > 0n);
      if (reaching.length === 0) return now;
      const chosen: number[] = [];
      const left = [...reaching];
      while (left.length > 0 && chosen.length < places) {
        const top = left.reduce((m, c) => ((votes[c] ?? 0n) > m ? (votes[c] ?? 0n) : m), 0n);
        const tied = left.filter((c) => (votes[c] ?? 0n) === top);
        const mustChoose = tied.length > places - chosen.length;
        const d = breakTie(tied, history, lotOrder, 'most', 'elect', !mustChoose);
        if (d === null) {
          // 5.6.2: equal at every point and too few places: none of them is elected at this stage.
          ties.push({
            for: 'elect',
            among: [...tied].sort((a, b) => a - b),
            by: 'earlier-stages',
            chosen: [],
          });
          break;
        }
        if (d.tie && mustChoose) ties.push(d.tie);
        chosen.push(d.chosen);
        left.splice(left.indexOf(d.chosen), 1);
      }
      if (chosen.length === 0) return now;
      for (const c of chosen) {
        status[c] = 'elected';
        elected.push(c);
        now.push(c);
      }
    }
  };

  const snapshot = (
    action: StageAction,
    electedNow: number[],
    excluded: number[],
    ties: TieBreak[]
  ) => {
    stages.push({
      stage: stages.length + 1,
      action,
      votes: votes.map((v) => format(v, 2)),
      nonTransferable: format(nonTransferable, 2),
      quota: format(quota, 2),
      elected: electedNow,
      excluded,
      ties,
    });
  };

  /** Moves `items` (all of one value) to their next continuing preferences at `value` each. */
  const transfer = (items: readonly Item[], value: bigint): bigint => {
    const received = new Map<number, Item[]>();
    for (const item of items) {
      const at = next(item.group, item.at);
      if (at < 0) continue;
      const to = item.group.prefs[at] as number;
      const list = received.get(to) ?? [];
      list.push({ group: item.group, at, n: item.n });
      received.set(to, list);
    }
    let credited = 0n;
    for (const [to, list] of received) {
      const papers = list.reduce((a, i) => a + i.n, 0n);
      parcels[to]?.push({ value, items: list });
      votes[to] = (votes[to] ?? 0n) + value * papers;
      credited += value * papers;
    }
    return credited;
  };

  // 5.1: the first stage.
  for (const group of input.groups) {
    const c = group.prefs[0] as number;
    touch(group, 0);
    let parcel = parcels[c]?.[0];
    if (!parcel) {
      parcel = { value: UNIT, items: [] };
      parcels[c]?.push(parcel);
    }
    parcel.items.push({ group, at: 0, n: group.n });
    votes[c] = (votes[c] ?? 0n) + UNIT * group.n;
  }
  history.push([...votes]);
  {
    const ties: TieBreak[] = [];
    const now = deemElected(ties);
    for (const c of now) electedAtFirst.add(c);
    snapshot({ type: 'first' }, now, [], ties);
  }

  while (elected.length < seats) {
    const places = seats - elected.length;
    const cont = continuing();
    const last = stages[stages.length - 1] as Stage & { elected: number[] };
    if (cont.length <= places) {
      // 4.3 / 5.5.1: as many continuing candidates as places left.
      for (const c of cont) {
        status[c] = 'elected';
        elected.push(c);
        last.elected.push(c);
      }
      break;
    }
    const withSurplus = all.filter((c) => surplusOf(c) > 0n);
    const surpluses = withSurplus.reduce((a, c) => a + surplusOf(c), 0n);
    const { order, ties: orderTies } = ascending(cont, votes, history, lotOrder);
    const batch = excludable(order, votes, surpluses, places);
    // 5.2.2: defer when the surpluses cannot change who is excluded next.
    const lowGap = (votes[order[1] as number] ?? 0n) - (votes[order[0] as number] ?? 0n);
    const deferred = surpluses > 0n && (surpluses <= lowGap || batch.length >= 2);
    if (surpluses > 0n && !deferred) {
      // 5.2.3: the largest surplus first.
      const top = withSurplus.reduce((m, c) => (surplusOf(c) > m ? surplusOf(c) : m), 0n);
      const tied = withSurplus.filter((c) => surplusOf(c) === top);
      const d = breakTie(tied, history, lotOrder, 'most', 'surplus');
      if (d === null) throw new Error('a lot always decides');
      const from = d.chosen;
      const surplus = surplusOf(from);
      // 5.3.1–5.3.2: every paper if elected at the first stage, else the last parcel received.
      const own = parcels[from] ?? [];
      const selected = electedAtFirst.has(from) ? own : own.slice(-1);
      const transferable = selected.flatMap((p) =>
        p.items.filter((i) => next(i.group, i.at) >= 0).map((i) => ({ i, value: p.value }))
      );
      const papers = transferable.reduce((a, t) => a + t.i.n, 0n);
      const value = transferable.reduce((a, t) => a + t.i.n * t.value, 0n);
      let credited = 0n;
      if (papers > 0n && value > surplus) {
        // 5.3.7: surplus ÷ transferable papers, to two places, remainder ignored.
        const tv = divDown(surplus, papers);
        credited = transfer(
          transferable.map((t) => t.i),
          tv
        );
      } else {
        // 5.3.7: each paper at its present value.
        const byValue = new Map<bigint, Item[]>();
        for (const t of transferable) {
          const list = byValue.get(t.value) ?? [];
          list.push(t.i);
          byValue.set(t.value, list);
        }
        for (const [v, items] of [...byValue].sort((a, b) => (b[0] > a[0] ? 1 : -1)))
          credited += transfer(items, v);
      }
      votes[from] = (votes[from] ?? 0n) - surplus;
      nonTransferable += surplus - credited;
      surplusDone.add(from);
      history.push([...votes]);
      const ties: TieBreak[] = d.tie ? [d.tie] : [];
      const now = deemElected(ties);
      snapshot({ type: 'surplus', candidate: from }, now, [], ties);
      continue;
    }
    // 5.2.5: exclude the lowest, together with as many more as the rule allows.
    const excluded = batch.length >= 2 ? batch : order.slice(0, 1);
    const inside = new Set(excluded);
    const exclusionTies = orderTies.filter(
      (t) => t.among.some((c) => inside.has(c)) && t.among.some((c) => !inside.has(c))
    );
    for (const c of excluded) status[c] = 'excluded';
    if (cont.length - excluded.length === places) {
      // 5.5.1: the rest are deemed elected; no papers need to move.
      const rest = continuing();
      for (const c of rest) {
        status[c] = 'elected';
        elected.push(c);
      }
      history.push([...votes]);
      snapshot(
        { type: 'exclude', candidates: [...excluded].sort((a, b) => a - b) },
        rest,
        excluded,
        exclusionTies
      );
      break;
    }
    // 5.4.1: every parcel of the excluded, in batches by value, highest first.
    const byValue = new Map<bigint, { owner: number; item: Item }[]>();
    for (const c of excluded)
      for (const p of parcels[c] ?? [])
        for (const item of p.items) {
          const list = byValue.get(p.value) ?? [];
          list.push({ owner: c, item });
          byValue.set(p.value, list);
        }
    for (const c of excluded) awaiting += votes[c] ?? 0n;
    const values = [...byValue.keys()].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0));
    const sortedExcluded = [...excluded].sort((a, b) => a - b);
    if (values.length === 0) {
      history.push([...votes]);
      const ties = [...exclusionTies];
      const now = deemElected(ties);
      snapshot({ type: 'exclude', candidates: sortedExcluded }, now, excluded, ties);
      continue;
    }
    for (let b = 0; b < values.length; b++) {
      const value = values[b] as bigint;
      const batchItems = byValue.get(value) ?? [];
      const credited = transfer(
        batchItems.map((x) => x.item),
        value
      );
      let moved = 0n;
      for (const { owner, item } of batchItems) {
        votes[owner] = (votes[owner] ?? 0n) - value * item.n;
        moved += value * item.n;
      }
      awaiting -= moved;
      nonTransferable += moved - credited;
      // 5.4.8: before anyone is elected, the quota ignores the non-transferable vote.
      if (elected.length === 0) quota = ers97Quota(total - nonTransferable, seats);
      history.push([...votes]);
      const ties = b === 0 ? [...exclusionTies] : [];
      const now = deemElected(ties);
      snapshot(
        { type: 'exclude', candidates: sortedExcluded, batch: format(value, 2) },
        now,
        b === 0 ? excluded : [],
        ties
      );
      // 5.5.2: once every place is filled, no more papers move.
      if (elected.length === seats) break;
    }
    for (const c of excluded) parcels[c] = [];
  }
  return {
    method: 'stv',
    rules: 'ers97',
    seats,
    candidates,
    ballots: input.valid,
    blank: input.blank,
    decimals: 2,
    stages,
    elected,
  };
}

/**
 * 5.2.5: the largest set of lowest candidates (at least two, else empty) whose votes together with
 * the deferred surpluses do not exceed the vote of the candidate next above, leaving enough
 * continuing candidates for the places left.
 */
function excludable(
  order: readonly number[],
  votes: readonly bigint[],
  surpluses: bigint,
  places: number
): number[] {
  let best: number[] = [];
  let sum = 0n;
  for (let k = 1; k < order.length; k++) {
    sum += votes[order[k - 1] as number] ?? 0n;
    if (order.length - k < places) break;
    if (k >= 2 && sum + surpluses <= (votes[order[k] as number] ?? 0n)) best = order.slice(0, k);
  }
  return best;
}
