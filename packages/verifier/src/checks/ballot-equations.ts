/**
 * @module The cryptographic content of one ballot as group equations (V5.4–V5.6, V10.1, spec
 * §5.3–§5.4, §9.4, §11.2): its signature, every selection's [0, 1] proof, every contest's total
 * proof and every ranked entry's ranking proof. The same
 * code serves the board's single-ballot check at cast time and the verifier's batched check.
 */
import {
  type Ciphertext,
  type Equation,
  type Group,
  type Point,
  GroupError,
  decodeCiphertext,
  decodeRangeProof,
  decodeShuffleProof,
  decodeSignature,
  encodeU64,
  hexToBytes,
  rangeEquations,
  rankedBallotEquations,
  signatureEquation,
  sumCiphertexts,
} from '@scrutineer/crypto';
import {
  type Ballot,
  type Manifest,
  ballotContestIndexes,
  ballotSigningMessage,
} from '@scrutineer/record';
import type { CheckId } from '../check-catalogue.ts';

/** What a ballot is checked against: the election's manifest, key K and base hash h. */
export interface BallotContext {
  readonly group: Group;
  readonly manifest: Manifest;
  readonly electionKey: Point;
  readonly baseHash: Uint8Array;
}

/** A ballot's equations, grouped by the check each serves, and its decoded ciphertexts. */
export interface BallotEquations {
  /**
   * A group with a `fault` (a proof whose challenges do not sum to its Fiat–Shamir challenge) has
   * failed whatever its equations say; the ballot's other checks are still judged.
   */
  readonly groups: readonly {
    readonly check: CheckId;
    readonly equations: readonly Equation[];
    readonly fault?: string;
  }[];
  /** Per ballot entry (per contest of the manifest without styles), per option. */
  readonly ciphertexts: readonly (readonly Ciphertext[])[];
  /**
   * Each ranked entry's positions as decoded for its proof, with the contest's manifest index: the
   * cascade's input (spec §11.5), so that the verifier decodes a ranked ballot once.
   */
  readonly ranked: readonly RankedEntryPositions[];
}

/** A ranked entry's n + 1 ciphertexts, decoded, and the contest (manifest index) it ranks. */
export interface RankedEntryPositions {
  readonly contest: number;
  readonly positions: readonly Ciphertext[];
}

/** A ballot that failed before any equation: an undecodable element or a broken challenge sum. */
export interface BallotFault {
  readonly check: CheckId;
  readonly message: string;
  /** The decoder's error code (e.g. `group/non-canonical-point`) when an element did not decode. */
  readonly decodeError?: string;
}

export type BallotEquationsOutcome =
  | { readonly ok: true; readonly value: BallotEquations }
  | { readonly ok: false; readonly fault: BallotFault };

/** Carries a fault out of the decoding steps to the one place that turns it into an outcome. */
class FaultSignal extends Error {
  readonly fault: BallotFault;
  constructor(fault: BallotFault) {
    super(fault.message);
    this.fault = fault;
  }
}

function decodeAs<T>(check: CheckId, what: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof GroupError) {
      throw new FaultSignal({
        check,
        message: `${what}: ${error.message}`,
        decodeError: error.code,
      });
    }
    if (error instanceof RangeError)
      throw new FaultSignal({ check, message: `${what}: ${error.message}` });
    throw error;
  }
}

/**
 * Decodes a shape-checked ballot (record/checkBallotShape) and returns every equation it must
 * satisfy. Spec §9.4: selection proofs in context (h; C, c, j), totals in (h; C, c), the signature
 * over the ballot's signing message.
 */
export function ballotEquations(context: BallotContext, ballot: Ballot): BallotEquationsOutcome {
  try {
    return { ok: true, value: collectEquations(context, ballot) };
  } catch (signal) {
    if (signal instanceof FaultSignal) return { ok: false, fault: signal.fault };
    throw signal;
  }
}

/**
 * Spec §11.2: a ranked entry's proof equations, in the ballot context (h; C, c), decoded from the
 * entry's hex, and its decoded positions: what the ballot check makes of it, and what the ranked
 * benchmark times. Throws the fault signal {@link ballotEquations} reports as V10.1 when an
 * element does not decode.
 */
export function rankedEntryEquations(
  context: Pick<BallotContext, 'group' | 'electionKey' | 'baseHash'>,
  credential: Uint8Array,
  contest: number,
  candidates: number,
  ranked: { readonly ciphertexts: readonly string[]; readonly proof: string }
): { equations: Equation[]; positions: Ciphertext[] } {
  const { group, electionKey, baseHash } = context;
  const where = `contest ${contest} ranking`;
  const positions = ranked.ciphertexts.map((hex, i) =>
    decodeAs('V10.1', `${where} position ${i}`, () =>
      decodeCiphertext(group, hexToBytes(hex), { allowIdentity: false })
    )
  );
  const proof = decodeAs('V10.1', `${where} proof`, () =>
    decodeShuffleProof(group, hexToBytes(ranked.proof), positions.length, 1)
  );
  const equations = decodeAs('V10.1', where, () =>
    rankedBallotEquations(
      group,
      electionKey,
      { baseHash, bindings: [credential, encodeU64(contest)] },
      candidates,
      positions,
      proof
    )
  );
  return { equations, positions };
}

function collectEquations(context: BallotContext, ballot: Ballot): BallotEquations {
  const { group, manifest, electionKey, baseHash } = context;
  const credentialBytes = hexToBytes(ballot.credential);
  const credential = decodeAs('V5.4', 'credential', () => group.decodePoint(credentialBytes));
  const signature = decodeAs('V5.4', 'signature', () =>
    decodeSignature(group, hexToBytes(ballot.signature))
  );
  const signatureEquations = [
    signatureEquation(group, baseHash, credential, ballotSigningMessage(ballot), signature),
  ];
  const selectionEquations: Equation[] = [];
  const totalEquations: Equation[] = [];
  const rankedEquations: Equation[] = [];
  const ranked: RankedEntryPositions[] = [];
  const ciphertexts: Ciphertext[][] = [];
  // The first challenge-sum failure per check is recorded, not thrown: V5.5 and V5.6 are both
  // judged, and the ciphertexts still reach the aggregate (V7.2 is about the tally, not proofs).
  const faults = new Map<CheckId, string>();
  const fault = (check: CheckId, message: string): void => {
    if (!faults.has(check)) faults.set(check, message);
  };
  // Spec §13.2: with ballot styles entry e is the contest it names; proofs bind its manifest index.
  const indexes = ballotContestIndexes(manifest, ballot);
  if (indexes === null)
    throw new FaultSignal({ check: 'V5.5', message: 'entries name no contests of the manifest' });
  if (manifest.styles === undefined && ballot.contests.length < manifest.contests.length)
    throw new FaultSignal({ check: 'V5.5', message: `contest ${ballot.contests.length} missing` });
  for (const [e, wire] of ballot.contests.entries()) {
    const c = indexes[e] as number;
    const contest = manifest.contests[c];
    if (contest === undefined) break;
    if (wire.ranked !== undefined) {
      // Its ciphertexts are mixed (§11.5), never summed: it adds nothing to the aggregate.
      const entry = rankedEntryEquations(
        context,
        credentialBytes,
        c,
        contest.candidates.length,
        wire.ranked
      );
      rankedEquations.push(...entry.equations);
      ranked.push({ contest: c, positions: entry.positions });
      ciphertexts.push([]);
      continue;
    }
    const contestCiphertexts: Ciphertext[] = [];
    for (const [j, selection] of wire.selections.entries()) {
      const where = `contest ${c} option ${j}`;
      const ciphertext = decodeAs('V5.5', `${where} ciphertext`, () =>
        decodeCiphertext(group, hexToBytes(selection.ciphertext), { allowIdentity: false })
      );
      const range = { min: 0n, max: 1n };
      const proof = decodeAs('V5.5', `${where} proof`, () =>
        decodeRangeProof(group, hexToBytes(selection.proof), range)
      );
      const bindings = [credentialBytes, encodeU64(c), encodeU64(j)];
      const equations = rangeEquations(
        group,
        { baseHash, bindings },
        electionKey,
        ciphertext,
        range,
        proof
      );
      if (equations === null) fault('V5.5', `${where}: challenges do not sum to the challenge`);
      else selectionEquations.push(...equations);
      contestCiphertexts.push(ciphertext);
    }
    const range = { min: BigInt(contest.minSelections), max: BigInt(contest.maxSelections) };
    const proof = decodeAs('V5.6', `contest ${c} total proof`, () =>
      decodeRangeProof(group, hexToBytes(wire.totalProof ?? ''), range)
    );
    const total = sumCiphertexts(group, contestCiphertexts);
    const bindings = [credentialBytes, encodeU64(c)];
    const equations = rangeEquations(
      group,
      { baseHash, bindings },
      electionKey,
      total,
      range,
      proof
    );
    if (equations === null)
      fault('V5.6', `contest ${c}: total challenges do not sum to the challenge`);
    else totalEquations.push(...equations.map((e) => spreadSum(e, total, contestCiphertexts)));
    ciphertexts.push(contestCiphertexts);
  }
  return {
    groups: (
      [
        ['V5.4', signatureEquations],
        ['V5.5', selectionEquations],
        ['V5.6', totalEquations],
        ['V10.1', rankedEquations],
      ] as const
    ).map(([check, equations]) => {
      const message = faults.get(check);
      return message === undefined ? { check, equations } : { check, equations, fault: message };
    }),
    ciphertexts,
    ranked,
  };
}

/**
 * Rewrites s·(Σα) and s·(Σβ) in a total-proof equation as s·α₀ + s·α₁ + …: the selections' own
 * points already appear in their proofs' equations, so a combined check multiplies each once and
 * the sums cost nothing (two multiplications saved per contest). The equation is unchanged.
 */
function spreadSum(equation: Equation, total: Ciphertext, parts: readonly Ciphertext[]): Equation {
  const points: Point[] = [];
  const scalars: bigint[] = [];
  equation.points.forEach((point, i) => {
    const scalar = equation.scalars[i] as bigint;
    const spread =
      point === total.alpha
        ? parts.map((p) => p.alpha)
        : point === total.beta
          ? parts.map((p) => p.beta)
          : [point];
    for (const p of spread) {
      points.push(p);
      scalars.push(scalar);
    }
  });
  return { points, scalars };
}
