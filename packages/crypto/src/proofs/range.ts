/**
 * @module Disjunctive (Cramer–Damgård–Schoenmakers) range proof (spec §5.3): an exponential ElGamal
 * ciphertext (α, β) = (r·G, m·G + r·K) under the election key K encrypts an integer m ∈ [min, max].
 * One proof type serves the per-option 0/1 proof (range [0, 1]) and the contest-total proof on the
 * sum of a contest's ciphertexts ([1, 1] for 1-of-n, [min, max] for approval). The proof carries
 * every branch's commitments, so its checks are plain group equations that batch (spec §5.6).
 */
import { GroupError, POINT_BYTES, type Group, type Point } from '../group.ts';
import { concatBytes, encodeU64 } from '../bytes.ts';
import { DomainTag, hashToScalar } from '../hash.ts';
import { type Equation, allHoldUnsafe, equationOf } from '../equation.ts';
import type { Ciphertext, Encryption } from '../elgamal.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  SCALAR_BYTES,
  addScalars,
  decodeScalar,
  encodeScalar,
  multiplyScalars,
  randomScalar,
  subtractScalars,
} from '../scalar.ts';

/** The widest range a proof may cover: max − min ≤ 100, so at most 101 branches (spec §5.3). */
export const MAX_RANGE_WIDTH = 100n;

/** The closed integer interval [min, max] the plaintext lies in (0 ≤ min ≤ max < 2^64). */
export interface IntegerRange {
  readonly min: bigint;
  readonly max: bigint;
}

/** Branch j of the disjunction "m = j", for j = min, …, max in that order. */
export interface RangeProofBranch {
  /** a_j = z_j·G − c_j·α. */
  readonly commitment1: Point;
  /** b_j = z_j·K − c_j·(β − j·G). */
  readonly commitment2: Point;
  /** c_j; the c_j sum to the Fiat–Shamir challenge c. */
  readonly challenge: bigint;
  /** z_j. */
  readonly response: bigint;
}

export interface RangeProof {
  /** One branch per j ∈ [min, max], in increasing j. */
  readonly branches: readonly RangeProofBranch[];
}

/**
 * The prover's randomness: the real branch's nonce u, and (c_j, z_j) for every other j in
 * increasing order (spec §5.3 step 1). Given explicitly only by tests and the vector generator.
 */
export interface RangeProofNonces {
  readonly nonce: bigint;
  readonly simulated: readonly { readonly challenge: bigint; readonly response: bigint }[];
}

export type RangeProofErrorCode = 'range-proof/invalid-range' | 'range-proof/message-out-of-range';

/** Thrown for a range the protocol does not allow or a statement the prover knows to be false. */
export class RangeProofError extends RangeError {
  readonly code: RangeProofErrorCode;
  constructor(code: RangeProofErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'RangeProofError';
    this.code = code;
  }
}

/** Bytes of one encoded branch: a_j ‖ b_j ‖ c_j ‖ z_j (spec §5.3 encoding). */
const BRANCH_BYTES = 2 * POINT_BYTES + 2 * SCALAR_BYTES;

/** Number of branches, max − min + 1, after checking the range is one the protocol allows. */
function branchCount(range: IntegerRange): number {
  const { min, max } = range;
  if (min < 0n || max < min || max >= 1n << 64n || max - min > MAX_RANGE_WIDTH) {
    throw new RangeProofError(
      'range-proof/invalid-range',
      `need 0 ≤ min ≤ max < 2^64 and max − min ≤ ${MAX_RANGE_WIDTH}, got [${min}, ${max}]`
    );
  }
  return Number(max - min) + 1;
}

/**
 * Spec §5.3 eq. (5.6): c = H(range-proof tag, baseHash, bindings…, K, α, β, u64(min), u64(max),
 * a_min, b_min, …, a_max, b_max).
 */
export function rangeChallenge(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  ciphertext: Ciphertext,
  range: IntegerRange,
  commitments: readonly Pick<RangeProofBranch, 'commitment1' | 'commitment2'>[]
): bigint {
  const parts: Uint8Array[] = [
    ...context.bindings,
    group.encodePoint(publicKey),
    group.encodePoint(ciphertext.alpha),
    group.encodePoint(ciphertext.beta),
    encodeU64(range.min),
    encodeU64(range.max),
  ];
  for (const { commitment1, commitment2 } of commitments) {
    parts.push(group.encodePoint(commitment1), group.encodePoint(commitment2));
  }
  return hashToScalar(DomainTag.rangeProof, context.baseHash, parts);
}

/**
 * t·G computed as (t + 1)·G − G. The real branch has t = 0, and both backends short-cut a zero
 * scalar; this keeps the work of every branch alike so the position of the vote m does not show
 * in the prover's timing.
 */
function multiplyBaseEvenly(group: Group, scalar: bigint): Point {
  return group.subtract(group.multiplyBase(addScalars(scalar, 1n)), group.generator);
}

/**
 * Proves that `encryption` encrypts `message` ∈ `range` with the prover's randomness given
 * (tests and vectors only; callers use {@link proveRange}). Spec §5.3 eq. (5.5): with α = r·G and
 * β − j·G = (m − j)·G + r·K, each simulated branch is a_j = s_j·G, b_j = s_j·K + c_j·(j − m)·G for
 * s_j = z_j − c_j·r, so every multiplication has the fixed base G or K (prepare K with
 * `group.prepareFixedBase` for speed).
 * @throws RangeProofError when the range is not allowed or `message` lies outside it: a prover
 * never produces a proof of a false statement.
 */
export function proveRangeWithNonces(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  encryption: Encryption,
  message: bigint,
  range: IntegerRange,
  nonces: RangeProofNonces
): RangeProof {
  const count = branchCount(range);
  if (message < range.min || message > range.max) {
    throw new RangeProofError(
      'range-proof/message-out-of-range',
      `message ${message} is outside [${range.min}, ${range.max}]`
    );
  }
  if (nonces.simulated.length !== count - 1) {
    throw new RangeError(`range-proof: expected ${count - 1} simulated branches`);
  }
  const r = encryption.randomness;
  const commitments: Pick<RangeProofBranch, 'commitment1' | 'commitment2'>[] = [];
  let simulatedIndex = 0;
  for (let j = range.min; j <= range.max; j++) {
    let s = nonces.nonce;
    let t = 0n;
    if (j !== message) {
      const simulated = nonces.simulated[simulatedIndex++];
      if (!simulated) throw new Error('unreachable: simulated branch count checked above');
      s = subtractScalars(simulated.response, multiplyScalars(simulated.challenge, r));
      t = multiplyScalars(simulated.challenge, j - message);
    }
    const keyTerm = group.multiply(publicKey, s);
    commitments.push({
      commitment1: group.multiplyBase(s),
      // A single branch ([1, 1]) has no position to hide, so it skips the t·G term (t = 0).
      commitment2: count === 1 ? keyTerm : group.add(keyTerm, multiplyBaseEvenly(group, t)),
    });
  }
  const c = rangeChallenge(group, context, publicKey, encryption.ciphertext, range, commitments);
  let realChallenge = c;
  for (const simulated of nonces.simulated) {
    realChallenge = subtractScalars(realChallenge, simulated.challenge);
  }
  const realResponse = addScalars(nonces.nonce, multiplyScalars(realChallenge, r));
  simulatedIndex = 0;
  const branches = commitments.map((commitment, index): RangeProofBranch => {
    if (range.min + BigInt(index) === message) {
      return { ...commitment, challenge: realChallenge, response: realResponse };
    }
    const simulated = nonces.simulated[simulatedIndex++];
    if (!simulated) throw new Error('unreachable: simulated branch count checked above');
    return { ...commitment, challenge: simulated.challenge, response: simulated.response };
  });
  return { branches };
}

/** Proves (spec §5.3) that `encryption` encrypts `message` ∈ `range`, with CSPRNG randomness. */
export function proveRange(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  encryption: Encryption,
  message: bigint,
  range: IntegerRange
): RangeProof {
  const count = branchCount(range);
  const simulated = Array.from({ length: count - 1 }, () => ({
    challenge: randomScalar(),
    response: randomScalar(),
  }));
  return proveRangeWithNonces(group, context, publicKey, encryption, message, range, {
    nonce: randomScalar(),
    simulated,
  });
}

/**
 * Spec §5.3 eqs. (5.7)–(5.8): null when the branch count is wrong or Σ c_j ≠ c (not a group
 * equation), otherwise for each j the equations z_j·G = a_j + c_j·α and
 * z_j·K = b_j + c_j·β − (j·c_j)·G, for single or batch checking.
 * @throws RangeProofError when the range itself is not allowed (a caller's bug, not a bad proof).
 */
export function rangeEquations(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  ciphertext: Ciphertext,
  range: IntegerRange,
  proof: RangeProof
): Equation[] | null {
  if (proof.branches.length !== branchCount(range)) return null;
  const c = rangeChallenge(group, context, publicKey, ciphertext, range, proof.branches);
  let sum = 0n;
  for (const branch of proof.branches) sum = addScalars(sum, branch.challenge);
  if (sum !== c) return null;
  return proof.branches.flatMap((branch, index) => {
    const j = range.min + BigInt(index);
    return [
      equationOf([
        [branch.response, group.generator],
        [-1n, branch.commitment1],
        [-branch.challenge, ciphertext.alpha],
      ]),
      equationOf([
        [branch.response, publicKey],
        [-1n, branch.commitment2],
        [-branch.challenge, ciphertext.beta],
        [branch.challenge * j, group.generator],
      ]),
    ];
  });
}

/** Verifies a range proof; a bad proof is an answer (false), not an exception. */
export function verifyRange(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  ciphertext: Ciphertext,
  range: IntegerRange,
  proof: RangeProof
): boolean {
  const equations = rangeEquations(group, context, publicKey, ciphertext, range, proof);
  return equations !== null && allHoldUnsafe(group, equations);
}

/** Spec §5.3 encoding: for j = min, …, max in order, a_j ‖ b_j ‖ c_j ‖ z_j (128 bytes each). */
export function encodeRangeProof(group: Group, proof: RangeProof): Uint8Array {
  return concatBytes(
    ...proof.branches.flatMap((branch) => [
      group.encodePoint(branch.commitment1),
      group.encodePoint(branch.commitment2),
      encodeScalar(branch.challenge),
      encodeScalar(branch.response),
    ])
  );
}

/**
 * Decodes a range proof for `range` (the statement fixes the branch count). Throws GroupError on a
 * wrong length, a non-canonical or identity commitment, or a scalar ≥ ℓ (spec §2.2–§2.3).
 */
export function decodeRangeProof(group: Group, bytes: Uint8Array, range: IntegerRange): RangeProof {
  const count = branchCount(range);
  if (bytes.length !== count * BRANCH_BYTES) {
    throw new GroupError(
      'group/wrong-length',
      `a range proof over [${range.min}, ${range.max}] is ${count * BRANCH_BYTES} bytes, got ${bytes.length}`
    );
  }
  const branches: RangeProofBranch[] = [];
  for (let offset = 0; offset < bytes.length; offset += BRANCH_BYTES) {
    const at = (start: number, length: number): Uint8Array =>
      bytes.subarray(offset + start, offset + start + length);
    branches.push({
      commitment1: group.decodePoint(at(0, POINT_BYTES)),
      commitment2: group.decodePoint(at(POINT_BYTES, POINT_BYTES)),
      challenge: decodeScalar(at(2 * POINT_BYTES, SCALAR_BYTES)),
      response: decodeScalar(at(2 * POINT_BYTES + SCALAR_BYTES, SCALAR_BYTES)),
    });
  }
  return { branches };
}
