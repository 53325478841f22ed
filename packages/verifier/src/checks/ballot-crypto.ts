/**
 * @module The expensive half of ballot verification (V5.4–V5.6, V5.10) and the homomorphic
 * aggregate of counted ballots (V7.2). Pure and batch-oriented, so it can run in worker threads:
 * all equations of a batch are checked at once with random weights (spec §5.6); only if the batch
 * fails is it split in halves, recursively, down to the ballots that fail exactly.
 */
import {
  type Ciphertext,
  type Equation,
  type Group,
  addCiphertexts,
  allHoldUnsafe,
  batchHoldsUnsafe,
  decodeCiphertext,
  decodeScalar,
  equationOf,
  hexToBytes,
  scaleCiphertext,
  zeroCiphertext,
} from '@scrutineer/crypto';
import {
  type AuditedBallot,
  type Ballot,
  ballotContestIndexes,
  computeTracker,
} from '@scrutineer/record';
import type { CheckId } from '../check-catalogue.ts';
import type { PartialOutcome } from '../report.ts';
import {
  type BallotContext,
  type BallotFault,
  type RankedEntryPositions,
  ballotEquations,
} from './ballot-equations.ts';

/** One ballot of a batch: a cast ballot (counted or not) or an audited one. */
export type BallotBatchItem =
  | {
      readonly kind: 'cast';
      readonly position: number;
      readonly ballot: Ballot;
      readonly counted: boolean;
      /** Spec §13.4: its credential's weight (absent: 1), by which its ciphertexts are counted. */
      readonly weight?: number;
    }
  | { readonly kind: 'audited'; readonly position: number; readonly audited: AuditedBallot };

export interface BallotBatchResult {
  readonly outcome: PartialOutcome;
  /** Per contest, per option: the sum of the counted ballots' ciphertexts in this batch. */
  readonly aggregate: Ciphertext[][];
  /**
   * The ranked entries of the batch's cast ballots (counted or not) that decoded, as decoded for
   * V10.1, each with its ballot's position: the ranked walk's cascade input (spec §11.5).
   */
  readonly ranked: readonly (RankedEntryPositions & { readonly position: number })[];
}

/** The board's verdict on one ballot: the fault of the first check that fails, or its ciphertexts. */
export type BallotVerdict =
  | { readonly ok: true; readonly ciphertexts: readonly (readonly Ciphertext[])[] }
  | { readonly ok: false; readonly fault: BallotFault };

/**
 * Checks a single ballot completely (the board's check before it issues a receipt). Returns the
 * fault of the first check that fails, or the ballot's ciphertexts.
 */
export function verifyBallotAlone(context: BallotContext, ballot: Ballot): BallotVerdict {
  return verifyBallotsAlone(context, [ballot])[0] as BallotVerdict;
}

/**
 * Checks many ballots each completely, as {@link verifyBallotAlone} does one by one (the same
 * verdict, fault check and message for each), but all their equations in one weighted
 * multi-scalar multiplication (spec §5.6): a server that gathers the ballots cast meanwhile pays
 * ~0.45 ms per ballot instead of ~0.75 ms. Only a failing batch pays for bisection and for the
 * per-check equations that say which check of which ballot failed.
 */
export function verifyBallotsAlone(
  context: BallotContext,
  ballots: readonly Ballot[]
): BallotVerdict[] {
  const verdicts: BallotVerdict[] = [];
  const pending: PendingItem[] = [];
  const ciphertextsOf = new Map<PendingItem, readonly (readonly Ciphertext[])[]>();
  ballots.forEach((ballot, position) => {
    const outcome = ballotEquations(context, ballot);
    if (!outcome.ok) return void (verdicts[position] = outcome);
    const faulted = outcome.value.groups.find((g) => g.fault !== undefined);
    if (faulted?.fault !== undefined) {
      verdicts[position] = { ok: false, fault: { check: faulted.check, message: faulted.fault } };
      return;
    }
    const item: PendingItem = { position, groups: outcome.value.groups };
    pending.push(item);
    ciphertextsOf.set(item, outcome.value.ciphertexts);
  });
  const suspects = new Set(suspectItemsUnsafe(context.group, pending));
  for (const item of pending) {
    const failed = suspects.has(item)
      ? item.groups.find((g) => !allHoldUnsafe(context.group, g.equations))
      : undefined;
    verdicts[item.position] =
      failed === undefined
        ? { ok: true, ciphertexts: ciphertextsOf.get(item) ?? [] }
        : { ok: false, fault: { check: failed.check, message: 'verification equation fails' } };
  }
  return verdicts;
}

/** A ballot's ciphertexts per contest and option, or null if any fails to decode. */
function decodeCiphertextsOrNull(context: BallotContext, ballot: Ballot): Ciphertext[][] | null {
  try {
    return ballot.contests.map((contest) =>
      contest.selections.map((selection) =>
        decodeCiphertext(context.group, hexToBytes(selection.ciphertext), { allowIdentity: false })
      )
    );
  } catch {
    return null;
  }
}

/** What an audited ballot is checked against: the group and the election key K. */
export type AuditContext = Pick<BallotContext, 'group' | 'electionKey'>;

/**
 * Spec §9.4 / V5.10 for one audited ballot on its own (a voter's device check, looked up by its
 * tracker): its tracker is recomputed and every opening holds exactly. Null if it opens to its
 * published votes; else what is wrong.
 */
export function auditedBallotFault(context: AuditContext, audited: AuditedBallot): string | null {
  const prepared = auditedBallotEquations(context, audited);
  if (!prepared.ok) return prepared.fault;
  return allHoldUnsafe(context.group, prepared.equations) ? null : 'verification equation fails';
}

/**
 * V5.10 up to the equations: the openings decode (α ≠ O, r canonical) and the tracker is
 * recomputed from the ciphertexts. The equations, or the fault.
 */
function auditedBallotEquations(
  context: AuditContext,
  audited: AuditedBallot
):
  | { readonly ok: true; readonly equations: Equation[] }
  | { readonly ok: false; readonly fault: string } {
  let equations: Equation[];
  try {
    equations = auditEquations(context, audited);
  } catch (error) {
    return { ok: false, fault: `undecodable opening: ${(error as Error).message}` };
  }
  if (computeTracker(audited) !== audited.tracker)
    return { ok: false, fault: 'tracker does not match the ciphertexts' };
  return { ok: true, equations };
}

/**
 * Spec §9.4 / V5.10: an audited ballot's openings as equations α = r·G, β = v·G + r·K, for each
 * selection and each position of a ranked entry (§11.2).
 */
function auditEquations(context: AuditContext, audited: AuditedBallot): Equation[] {
  const { group, electionKey } = context;
  const equations: Equation[] = [];
  const opening = (ciphertextHex: string, value: number, randomnessHex: string): void => {
    const ciphertext = decodeCiphertext(group, hexToBytes(ciphertextHex), { allowIdentity: false });
    const r = decodeScalar(hexToBytes(randomnessHex));
    equations.push(
      equationOf([
        [1n, ciphertext.alpha],
        [-r, group.generator],
      ]),
      equationOf([
        [1n, ciphertext.beta],
        [-BigInt(value), group.generator],
        [-r, electionKey],
      ])
    );
  };
  for (const contest of audited.contests) {
    const ranked = contest.ranked;
    if (ranked !== undefined) {
      // Spec §11.2: a ranked opening is a permutation of (0, 1, …, n), position by position.
      const n = ranked.ciphertexts.length - 1;
      const sorted = [...ranked.values].sort((a, b) => a - b);
      if (ranked.values.length !== n + 1 || sorted.some((v, i) => v !== i))
        throw new RangeError('a ranked opening is not a permutation of 0 … n');
      ranked.ciphertexts.forEach((c, i) =>
        opening(c, ranked.values[i] ?? -1, ranked.randomness[i] ?? '')
      );
    }
    for (const selection of contest.selections)
      opening(selection.ciphertext, selection.vote, selection.randomness);
  }
  return equations;
}

export function verifyBallotBatch(
  context: BallotContext,
  items: readonly BallotBatchItem[]
): BallotBatchResult {
  const { group, manifest } = context;
  const checked = new Map<CheckId, number>();
  const failures: { id: CheckId; message: string; position: number }[] = [];
  const count = (id: CheckId): void => void checked.set(id, (checked.get(id) ?? 0) + 1);
  const fail = (id: CheckId, message: string, position: number): void => {
    count(id);
    failures.push({ id, message, position });
  };
  const aggregate = manifest.contests.map((c) => c.candidates.map(() => zeroCiphertext(group)));
  const pending: PendingItem[] = [];
  const ranked: BallotBatchResult['ranked'][number][] = [];

  for (const item of items) {
    if (item.kind === 'audited') {
      const prepared = auditedBallotEquations(context, item.audited);
      if (!prepared.ok) fail('V5.10', prepared.fault, item.position);
      else
        pending.push({
          position: item.position,
          groups: [{ check: 'V5.10', equations: prepared.equations }],
        });
      continue;
    }
    const outcome = ballotEquations(context, item.ballot);
    // Spec §13.6: entry e counts in the contest it names, w times.
    const indexes = ballotContestIndexes(manifest, item.ballot) ?? [];
    const weight = BigInt(item.weight ?? 1);
    const addToAggregate = (ciphertexts: readonly (readonly Ciphertext[])[]): void =>
      ciphertexts.forEach((options, e) =>
        options.forEach((ciphertext, j) => {
          const row = aggregate[indexes[e] ?? -1];
          if (row !== undefined)
            row[j] = addCiphertexts(
              group,
              row[j] ?? zeroCiphertext(group),
              scaleCiphertext(group, ciphertext, weight)
            );
        })
      );
    if (!outcome.ok) {
      fail(outcome.fault.check, outcome.fault.message, item.position);
      // A counted ballot stays in the aggregate if its ciphertexts decode: its proofs or signature
      // are V5's business, the sum is V7.2's, and V7.1 counted it.
      const ciphertexts = item.counted ? decodeCiphertextsOrNull(context, item.ballot) : null;
      if (ciphertexts !== null) addToAggregate(ciphertexts);
      continue;
    }
    for (const g of outcome.value.groups) {
      if (g.fault !== undefined) fail(g.check, g.fault, item.position);
    }
    pending.push({
      position: item.position,
      groups: outcome.value.groups
        .filter((g) => g.fault === undefined)
        .map((g) => ({ check: g.check, equations: g.equations })),
    });
    if (item.counted) addToAggregate(outcome.value.ciphertexts);
    for (const entry of outcome.value.ranked) ranked.push({ position: item.position, ...entry });
  }

  const suspects = new Set(suspectItemsUnsafe(group, pending));
  for (const item of pending) {
    // Exact checks name the failing ballots; only they may (spec §5.6, "a failed batch").
    for (const g of item.groups) {
      if (!suspects.has(item) || allHoldUnsafe(group, g.equations)) count(g.check);
      else fail(g.check, 'verification equation fails', item.position);
    }
  }
  return { outcome: { checked: [...checked], failures }, aggregate, ranked };
}

/** A ballot whose equations await the batch check, grouped by the checks they stand for. */
interface PendingItem {
  readonly position: number;
  readonly groups: readonly { readonly check: CheckId; readonly equations: readonly Equation[] }[];
}

const equationsOf = (items: readonly PendingItem[]): Equation[] =>
  items.flatMap((p) => p.groups.flatMap((g) => g.equations));

/**
 * Spec §5.6: the items of a batch that may hold a false equation, in order. All equations are
 * checked at once with random weights; if that fails, each half is checked with fresh weights
 * and failing halves are split again, down to single items. The items returned must be judged
 * exactly (their batch failed, which proves nothing about which equation); every other item
 * passed a weighted check, so its equations all hold except with probability 2⁻¹²⁸.
 */
function suspectItemsUnsafe(group: Group, items: readonly PendingItem[]): PendingItem[] {
  const suspects: PendingItem[] = [];
  /** `part` failed as a batch: check each half with fresh weights, recurse into failing halves. */
  const bisect = (part: readonly PendingItem[]): void => {
    if (part.length === 1) return void suspects.push(part[0] as PendingItem);
    const half = part.length >> 1;
    const [left, right] = [part.slice(0, half), part.slice(half)];
    const leftFails = !batchHoldsUnsafe(group, equationsOf(left));
    if (leftFails) bisect(left);
    // A failed whole with a passing left half has its false equation on the right: no re-check.
    if (!leftFails || !batchHoldsUnsafe(group, equationsOf(right))) bisect(right);
  };
  if (items.length > 0 && !batchHoldsUnsafe(group, equationsOf(items))) bisect(items);
  return suspects;
}
