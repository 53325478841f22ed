/**
 * @module The V10 checks of a ranked contest (docs/spec/verification.md V10, spec §11): ranked
 * ballot proofs, each mixer's shuffle (attributed to the mixer), each trustee's decryption shares
 * (attributed to the trustee), the rounds' targets and the published rankings. Pure: it takes the
 * contest's decoded record and returns a verdict per check; it never stops at the first failure.
 */
import {
  type Ciphertext,
  type DecryptionShare,
  type DecryptionFault,
  type Group,
  type CombineOutcome,
  type CombineRequest,
  type Point,
  type ShuffleProof,
  MIX_SHUFFLE_TAGS,
  RANKING_STOP,
  batchHoldsUnsafe,
  combineDecryptionsUnsafe,
  encodeU64,
  mixProofContext,
  rankedBallotEquations,
  rankedPlaintextLookup,
  rankedRoundTargetsOf,
  rankingFromPrefix,
  verifyRankedBallot,
  verifyShuffle,
} from '@scrutineer/crypto';
import { CHECKS, RANKED_CHECK_IDS } from '../check-catalogue.ts';
import { type Rows, ciphertextAt, rowCount, rowsInMemory, sameRows } from './rows.ts';

/** The V10 catalogue (spec §11.9): its titles are {@link CHECKS}'. */
export const RANKED_CHECKS = Object.fromEntries(RANKED_CHECK_IDS.map((id) => [id, CHECKS[id]])) as {
  readonly [K in (typeof RANKED_CHECK_IDS)[number]]: (typeof CHECKS)[K];
};
export type RankedCheckId = keyof typeof RANKED_CHECKS;

export interface RankedContestRecord {
  readonly baseHash: Uint8Array;
  readonly publicKey: Point;
  readonly contest: number;
  readonly candidates: number;
  readonly threshold: number;
  /** V₁ … V_n (§7.6). */
  readonly verificationKeys: readonly Point[];
  /** Counted ranked entries in board order, each with its credential public key (encoded). */
  readonly ballots: readonly {
    readonly credential: Uint8Array;
    readonly ciphertexts: readonly Ciphertext[];
    readonly proof: ShuffleProof;
  }[];
  readonly mixes: readonly {
    readonly mixer: number;
    /** In memory, or packed as the pool decoded them (rows.ts). */
    readonly inputs: Rows;
    readonly outputs: Rows;
    readonly proof: ShuffleProof;
  }[];
  readonly rounds: readonly {
    readonly position: number;
    readonly submissions: readonly {
      readonly trustee: number;
      readonly shares: readonly DecryptionShare[];
    }[];
  }[];
  readonly rankings: readonly (readonly number[])[];
  /**
   * The cascade's input when the ballots' own proofs are judged elsewhere (the record walk checks
   * them with each ballot, V10.1): then `ballots` is empty and V10.1 is not reported here.
   */
  readonly firstInputs?: Rows;
  /**
   * Mixers whose §11.4 proof the caller has already verified on these very inputs and outputs
   * (the board's cache of checked mixes, keyed by the events' hashes): V10.2 still checks their
   * order and that each input is its predecessor's output, but does not verify their proof again.
   * A verifier of a published record never passes it.
   */
  readonly checkedMixes?: ReadonlySet<number>;
}

export interface RankedFailure {
  readonly message: string;
  /** The party the failure is attributed to. */
  readonly mixer?: number;
  readonly trustee?: number;
  readonly ballot?: number;
}

export interface RankedCheckResult {
  readonly id: RankedCheckId;
  readonly status: 'passed' | 'failed' | 'not-reached';
  readonly failures: readonly RankedFailure[];
  /** Attributed and absorbed (a trustee's bad shares set aside while k others decrypt). */
  readonly faults: readonly RankedFailure[];
}

/** Ballots checked per batch (one multi-scalar multiplication each, spec §5.6). */
const BALLOT_BATCH = 64;

function faultOf(f: DecryptionFault, position: number): RankedFailure {
  return { trustee: f.trustee, message: `round ${position}: ${f.code} ${f.message}` };
}

/** One shuffle proof to verify (V10.2), with its whole statement. */
export interface ShuffleWork {
  readonly baseHash: Uint8Array;
  readonly publicKey: Point;
  readonly contest: number;
  readonly mixer: number;
  readonly inputs: Rows;
  readonly outputs: Rows;
  readonly proof: ShuffleProof;
}

/**
 * The heavy, independent work of the checks, handed to whoever runs it: every shuffle proof of the
 * cascade at once, and one round's shares (checked and combined as §8.4, scaled as (8.6)). The
 * checks' logic stays in {@link rankedContestChecks}; only where this work runs differs (inline
 * here, or spread over the verifier's worker pool, ranked-pool.ts).
 */
export interface RankedWorkRunner {
  shuffles(steps: readonly ShuffleWork[]): Promise<readonly boolean[]>;
  combine(request: CombineRequest): Promise<CombineOutcome>;
}

/** Spec §11.4: one shuffle proof, on this thread. */
export function shuffleHolds(group: Group, step: ShuffleWork): boolean {
  return verifyShuffle(
    group,
    MIX_SHUFFLE_TAGS,
    mixProofContext(step.baseHash, step.contest, step.mixer),
    {
      publicKey: step.publicKey,
      inputs: rowsInMemory(group, step.inputs),
      outputs: rowsInMemory(group, step.outputs),
    },
    step.proof
  );
}

/** What the rounds found: V10.3–V10.5 failures, and trustees' false shares set aside. */
interface RoundFindings {
  readonly failures: Record<'V10.3' | 'V10.4' | 'V10.5', RankedFailure[]>;
  readonly faults: RankedFailure[];
}

/** Verdicts handed out by a driver when the shuffles start, and read back once they are needed. */
type PendingVerdicts = readonly boolean[] | Promise<readonly boolean[]>;
type Work =
  | { readonly kind: 'shuffles'; readonly steps: readonly ShuffleWork[] }
  | { readonly kind: 'verdicts'; readonly pending: PendingVerdicts }
  | { readonly kind: 'combine'; readonly request: CombineRequest };
type WorkResult = PendingVerdicts | CombineOutcome;

/** Spec §11.9: every V10 check of one ranked contest, on this thread. */
export function verifyRankedContest(
  group: Group,
  record: RankedContestRecord
): RankedCheckResult[] {
  const checks = rankedContestChecks(group, record);
  let step = checks.next();
  while (step.done !== true) {
    const work = step.value;
    step = checks.next(
      work.kind === 'shuffles'
        ? work.steps.map((s) => shuffleHolds(group, s))
        : work.kind === 'verdicts'
          ? work.pending
          : combineDecryptionsUnsafe(group, work.request)
    );
  }
  return step.value;
}

/** Spec §11.9: the same checks, their shuffles and share rounds run by `runner`. */
export async function verifyRankedContestWith(
  group: Group,
  record: RankedContestRecord,
  runner: RankedWorkRunner
): Promise<RankedCheckResult[]> {
  const checks = rankedContestChecks(group, record);
  let step = checks.next();
  while (step.done !== true) {
    const work = step.value;
    if (work.kind === 'shuffles') {
      // Not awaited here: the rounds' shares are checked while the shuffles are (the checks read
      // the verdicts before judging anything after the cascade). Awaited at 'verdicts'.
      const pending = runner.shuffles(work.steps);
      pending.catch(() => undefined);
      step = checks.next(pending);
    } else
      step = checks.next(
        work.kind === 'verdicts' ? await work.pending : await runner.combine(work.request)
      );
  }
  return step.value;
}

/**
 * The V10 checks as a generator: it yields the heavy work (all shuffles, each round's combination,
 * then the shuffles' verdicts) and takes back its result, so one body of logic serves both drivers
 * above. The rounds are checked before the shuffles' verdicts are read, so that a driver with
 * threads runs them side by side; they are reported only if every shuffle holds (spec §11.9).
 */
function* rankedContestChecks(
  group: Group,
  record: RankedContestRecord
): Generator<Work, RankedCheckResult[], WorkResult> {
  const { baseHash, publicKey, contest, candidates } = record;
  const failures: Record<RankedCheckId, RankedFailure[]> = {
    'V10.1': [],
    'V10.2': [],
    'V10.3': [],
    'V10.4': [],
    'V10.5': [],
  };
  const faults: RankedFailure[] = [];
  const reached = new Set<RankedCheckId>(
    record.firstInputs === undefined ? ['V10.1', 'V10.2'] : ['V10.2']
  );

  // V10.1: batches of ballots in one MSM; a failing batch is checked ballot by ballot.
  const contextOf = (credential: Uint8Array) => ({
    baseHash,
    bindings: [credential, encodeU64(contest)],
  });
  for (let start = 0; start < record.ballots.length; start += BALLOT_BATCH) {
    const batch = record.ballots.slice(start, start + BALLOT_BATCH);
    let holds = false;
    try {
      holds = batchHoldsUnsafe(
        group,
        batch.flatMap((b) =>
          rankedBallotEquations(
            group,
            publicKey,
            contextOf(b.credential),
            candidates,
            b.ciphertexts,
            b.proof
          )
        )
      );
    } catch {
      holds = false;
    }
    if (holds) continue;
    batch.forEach((b, i) => {
      if (
        !verifyRankedBallot(
          group,
          publicKey,
          contextOf(b.credential),
          candidates,
          b.ciphertexts,
          b.proof
        )
      )
        failures['V10.1'].push({
          ballot: start + i,
          message: `ranked ballot ${start + i}: proof fails`,
        });
    });
  }

  // V10.2: the cascade, attributed to the first mixer at fault.
  let expected: Rows = record.firstInputs ?? record.ballots.map((b) => b.ciphertexts);
  let cascadeHolds = record.mixes.length >= 2;
  if (!cascadeHolds)
    failures['V10.2'].push({ message: 'a ranked contest needs at least two mixers' });
  // The shuffles are independent once each input is known to be its predecessor's output: all are
  // handed over at once, and their verdicts reported in cascade order.
  const toVerify: ShuffleWork[] = [];
  const inputHolds = record.mixes.map((step) => {
    const holds = sameRows(group, step.inputs, expected);
    // A mix the board already checked (its events unchanged since) is not verified again.
    if (holds && record.checkedMixes?.has(step.mixer) !== true)
      toVerify.push({ baseHash, publicKey, contest, ...step });
    expected = step.outputs;
    return holds;
  });
  const pending =
    toVerify.length === 0 ? [] : ((yield { kind: 'shuffles', steps: toVerify }) as PendingVerdicts);
  // The rounds need only the cascade's shape (each input its predecessor's output) to run.
  const shapeHolds =
    cascadeHolds && record.mixes.every((step, m) => step.mixer === m + 1 && inputHolds[m]);
  const rounds = shapeHolds ? yield* roundChecks(group, record, expected) : null;
  const verdicts =
    toVerify.length === 0 ? [] : ((yield { kind: 'verdicts', pending }) as readonly boolean[]);
  let verified = 0;
  record.mixes.forEach((step, m) => {
    if (step.mixer !== m + 1) {
      failures['V10.2'].push({
        mixer: step.mixer,
        message: `mix ${m} names mixer ${step.mixer}, not ${m + 1}`,
      });
      cascadeHolds = false;
    }
    if (inputHolds[m] !== true) {
      failures['V10.2'].push({
        mixer: step.mixer,
        message: `mixer ${step.mixer}: input is not its predecessor's output`,
      });
      cascadeHolds = false;
    } else if (record.checkedMixes?.has(step.mixer) !== true && verdicts[verified++] !== true) {
      failures['V10.2'].push({
        mixer: step.mixer,
        message: `mixer ${step.mixer}: shuffle proof fails`,
      });
      cascadeHolds = false;
    }
  });

  // V10.3–V10.5 on the last output, only when the cascade holds (nothing after a bad mix counts).
  if (cascadeHolds && rounds !== null) {
    reached.add('V10.3').add('V10.4').add('V10.5');
    // Loops, not spread arguments: a failure a row can be more than a call's arguments may hold.
    for (const id of ['V10.3', 'V10.4', 'V10.5'] as const)
      for (const failure of rounds.failures[id]) failures[id].push(failure);
    for (const fault of rounds.faults) faults.push(fault);
  }

  return (Object.keys(RANKED_CHECKS) as RankedCheckId[]).map((id) => ({
    id,
    status: !reached.has(id) ? 'not-reached' : failures[id].length > 0 ? 'failed' : 'passed',
    failures: failures[id],
    faults: id === 'V10.3' ? faults : [],
  }));
}

/**
 * Spec §11.6, §11.9 V10.3–V10.5: every round's shares checked and combined from the cascade's last
 * output `rows`, the decrypted prefixes read, and the published rankings compared with them.
 */
function* roundChecks(
  group: Group,
  record: RankedContestRecord,
  rows: Rows
): Generator<Work, RoundFindings, WorkResult> {
  const { baseHash, contest, candidates } = record;
  const failures: RoundFindings['failures'] = { 'V10.3': [], 'V10.4': [], 'V10.5': [] };
  const faults: RankedFailure[] = [];
  const count = rowCount(rows);
  let prefixes: number[][] = Array.from({ length: count }, () => []);
  // Spec §11.6 with (8.6): one table of d·m·G per scale d (it depends on the trustees combined).
  const lookups = new Map<bigint, (point: Point) => number | null>();
  const lookupFor = (scale: bigint) => {
    const known = lookups.get(scale);
    if (known !== undefined) return known;
    const lookup = rankedPlaintextLookup(group, candidates, scale);
    lookups.set(scale, lookup);
    return lookup;
  };
  for (const [index, round] of record.rounds.entries()) {
    if (round.position !== index) {
      failures['V10.4'].push({ message: `round ${index} names position ${round.position}` });
      continue;
    }
    const targets = rankedRoundTargetsOf(
      contest,
      count,
      (row) => ciphertextAt(group, rows, row, index),
      prefixes,
      index
    );
    if (targets.length === 0) {
      failures['V10.4'].push({
        message: `round ${index}: every row has already stopped; nothing may be decrypted`,
      });
      continue;
    }
    const combined = (yield {
      kind: 'combine',
      request: {
        baseHash,
        threshold: record.threshold,
        verificationKeys: record.verificationKeys,
        targets,
        submissions: round.submissions,
        scaled: true,
      },
    }) as CombineOutcome;
    const roundFaults = combined.ok ? combined.value.faults : combined.error.faults;
    for (const f of roundFaults) {
      const failure = faultOf(f, index);
      if (f.code === 'decryption/invalid-proof') faults.push(failure);
      else failures['V10.3'].push(failure);
    }
    if (!combined.ok) {
      failures['V10.4'].push({ message: `round ${index}: fewer than k valid trustees` });
      continue;
    }
    const lookup = lookupFor(combined.value.scale);
    const next = prefixes.map((p) => [...p]);
    targets.forEach((target, t) => {
      const point = combined.value.plaintextPoints[t];
      const value = point === undefined ? null : lookup(point);
      if (value === null)
        failures['V10.4'].push({
          message: `round ${index}, row ${target.row}: value not in 0 … n`,
        });
      else next[target.row]?.push(value);
    });
    prefixes = next;
  }
  if (!prefixes.every((p) => p.includes(RANKING_STOP)))
    failures['V10.4'].push({ message: 'the rounds end before every row reaches STOP' });

  // V10.5
  if (record.rankings.length !== count)
    failures['V10.5'].push({
      message: `${record.rankings.length} rankings published for ${count} rows`,
    });
  prefixes.forEach((prefix, row) => {
    const ranking = rankingFromPrefix(candidates, prefix);
    const published = record.rankings[row];
    if (published === undefined) return;
    if (ranking === null) {
      failures['V10.5'].push({
        ballot: row,
        message: `row ${row}: not decrypted up to its STOP`,
      });
      return;
    }
    if (published.length !== ranking.length || published.some((c, i) => c !== ranking[i]))
      failures['V10.5'].push({
        ballot: row,
        message: `row ${row}: published ${published.join('>')}, decrypted ${ranking.join('>')}`,
      });
  });
  return { failures, faults };
}
