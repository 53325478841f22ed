/**
 * @module Decryption shares (spec §8.2, message D1): trustee l's Dₗ = xₗ·α for a ciphertext
 * (α, β), with a Chaum–Pedersen proof (§5.2 under DomainTag.decryptionProof) that
 * log_G Vₗ = log_α Dₗ, bound to the election and to which aggregate it decrypts. A trustee handles
 * all aggregates in one batch: one share and one proof per ciphertext.
 */
import { concatBytes, encodeU32, encodeU64 } from '../bytes.ts';
import { MessageReader, type ReadFailure } from '../ceremony/message-reader.ts';
import type { ScalarSource } from '../ceremony/polynomial.ts';
import { type Ciphertext, encodeCiphertext } from '../elgamal.ts';
import {
  type Equation,
  allHoldUnsafe,
  batchHoldsUnsafe,
  batchWeights,
  holdsUnsafe,
} from '../equation.ts';
import { type Group, type Point, POINT_BYTES } from '../group.ts';
import { DomainTag } from '../hash.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  type ChaumPedersenProof,
  type EqualLogsStatement,
  chaumPedersenChallenge,
  chaumPedersenEquations,
  decodeChaumPedersenProof,
  encodeChaumPedersenProof,
  proveChaumPedersenWithCommitments,
} from '../proofs/chaum-pedersen.ts';
import { decodePacked } from '../point-transfer.ts';
import { decodeScalar, modOrder, randomScalar } from '../scalar.ts';
import { DecryptionError } from './decryption-error.ts';

/** One aggregate to decrypt and what identifies it (spec §8.1). */
export interface DecryptionTarget {
  readonly ciphertext: Ciphertext;
  /** Which aggregate this is, e.g. {@link aggregateBindings}(contest, option); entered into the proof. */
  readonly bindings: readonly Uint8Array[];
}

/**
 * Spec §8.2: the signed board checkpoint (§10.3) the trustee checked before decrypting: the log
 * prefix of `size` events with Merkle root `root` holds the `encrypted-tally` it decrypts. Entered
 * into every proof, so a share is valid only for a tally sealed on the public log.
 */
export interface DecryptionCheckpoint {
  readonly size: number;
  /** The 32-byte Merkle root of that prefix (§10.2). */
  readonly root: Uint8Array;
}

/** Spec §8.7 D1: trustee l's share of one ciphertext. */
export interface DecryptionShare {
  readonly trustee: number;
  /** The checkpoint its proof binds (carried once per batch, D2). */
  readonly checkpoint: DecryptionCheckpoint;
  /** Dₗ = xₗ·α. */
  readonly share: Point;
  /** log_G Vₗ = log_α Dₗ under {@link DomainTag.decryptionProof}. */
  readonly proof: ChaumPedersenProof;
}

/** Bytes of an encoded {@link DecryptionShare}: u32le trustee ‖ D ‖ A₁ ‖ A₂ ‖ z. */
export const DECRYPTION_SHARE_BYTES = 4 + 32 * 4;

/** Spec §8.1: the bindings of a tally aggregate: (u64le contest index, u64le option index). */
export function aggregateBindings(contestIndex: number, optionIndex: number): Uint8Array[] {
  return [encodeU64(contestIndex), encodeU64(optionIndex)];
}

/**
 * Spec §8.2 eq. (8.1): h = the election base hash; bindings = (u64le l, u64le size, root, target
 * bindings…, α ‖ β). The §5.2 statement (G, Vₗ, α, Dₗ) and commitments follow in the challenge,
 * so a share cannot move to another trustee, checkpoint, aggregate, ciphertext or election.
 */
export function decryptionProofContext(
  group: Group,
  baseHash: Uint8Array,
  trustee: number,
  checkpoint: DecryptionCheckpoint,
  target: DecryptionTarget
): ProofContext {
  if (checkpoint.root.length !== 32)
    throw new DecryptionError('decryption/mismatched-inputs', 'a checkpoint root is 32 bytes');
  return {
    baseHash,
    bindings: [
      encodeU64(trustee),
      encodeU64(checkpoint.size),
      checkpoint.root,
      ...target.bindings,
      encodeCiphertext(group, target.ciphertext),
    ],
  };
}

function decryptionStatement(
  group: Group,
  verificationKey: Point,
  target: DecryptionTarget,
  share: Point
): EqualLogsStatement {
  return {
    base1: group.generator,
    value1: verificationKey,
    base2: target.ciphertext.alpha,
    value2: share,
  };
}

/**
 * Spec §8.2, trustee l: Dₗ = xₗ·α and its proof for every target (constant time in xₗ).
 * @param trustee l, its secret share xₗ from the key ceremony (§7.6), and the checkpoint it checked.
 */
export function createDecryptionShares(
  group: Group,
  baseHash: Uint8Array,
  trustee: {
    readonly trustee: number;
    readonly secretShare: bigint;
    readonly checkpoint: DecryptionCheckpoint;
  },
  targets: readonly DecryptionTarget[],
  source: ScalarSource = randomScalar
): DecryptionShare[] {
  const verificationKey = group.multiplyBase(trustee.secretShare);
  return targets.map((target) => {
    const nonce = source();
    // Dₗ = xₗ·α and A₂ = a·α share one window table of α (Group.multiplyDual).
    const [share, commitment2] = group.multiplyDual(
      target.ciphertext.alpha,
      trustee.secretShare,
      nonce
    );
    const proof = proveChaumPedersenWithCommitments(
      group,
      DomainTag.decryptionProof,
      decryptionProofContext(group, baseHash, trustee.trustee, trustee.checkpoint, target),
      decryptionStatement(group, verificationKey, target, share),
      trustee.secretShare,
      nonce,
      { commitment1: group.multiplyBase(nonce), commitment2 }
    );
    return { trustee: trustee.trustee, checkpoint: trustee.checkpoint, share, proof };
  });
}

/** Spec §8.2 check as §5.6 equations (two per share). */
export function decryptionShareEquations(
  group: Group,
  baseHash: Uint8Array,
  verificationKey: Point,
  target: DecryptionTarget,
  share: DecryptionShare
): readonly Equation[] {
  return chaumPedersenEquations(
    group,
    DomainTag.decryptionProof,
    decryptionProofContext(group, baseHash, share.trustee, share.checkpoint, target),
    decryptionStatement(group, verificationKey, target, share.share),
    share.proof
  );
}

/**
 * Verifies one share against the trustee's public verification key Vₗ (spec §7.6): both of its
 * {@link decryptionShareEquations} hold.
 */
export function verifyDecryptionShare(
  group: Group,
  baseHash: Uint8Array,
  verificationKey: Point,
  target: DecryptionTarget,
  share: DecryptionShare
): boolean {
  return allHoldUnsafe(
    group,
    decryptionShareEquations(group, baseHash, verificationKey, target, share)
  );
}

/**
 * Spec §8.4, §5.6: checks one trustee's batch (shares[t] for targets[t]) with one random-weighted
 * equation, and only if that fails checks each share alone. Returns the positions that fail.
 */
export function findInvalidDecryptionSharesUnsafe(
  group: Group,
  baseHash: Uint8Array,
  verificationKey: Point,
  targets: readonly DecryptionTarget[],
  shares: readonly DecryptionShare[]
): number[] {
  if (targets.length !== shares.length) {
    throw new DecryptionError('decryption/mismatched-inputs', 'one share per target is needed');
  }
  const perShare = shares.map((share, t) =>
    decryptionShareEquations(
      group,
      baseHash,
      verificationKey,
      targets[t] as DecryptionTarget,
      share
    )
  );
  if (batchHoldsUnsafe(group, perShare.flat())) return [];
  const invalid: number[] = [];
  perShare.forEach((equations, t) => {
    if (!equations.every((equation) => holdsUnsafe(group, equation))) invalid.push(t);
  });
  return invalid;
}

/** One trustee's shares of a batch of targets, with its verification key Vₗ (§7.6). */
export interface TrusteeShareBatch {
  readonly verificationKey: Point;
  readonly shares: readonly DecryptionShare[];
}

/**
 * Spec §8.4 step 2 with §5.6: several trustees' batches for the same targets checked in one
 * weighted equation, each share's two equations of (5.12) weighted apart as
 * {@link batchHoldsUnsafe} weighs them, the terms merged point by point: G and each Vₗ once, each
 * target's α once for all the trustees (every share of a target has it as its second base), and
 * each share's Dₗ, A₁, A₂. A verifier with k trustees' shares of a round multiplies α once rather
 * than k times. True when every share holds (a false one passes with probability at most 2⁻¹²⁸);
 * false says only that some share fails: {@link findInvalidDecryptionSharesUnsafe}, batch by
 * batch, says which.
 */
export function decryptionShareBatchesHoldUnsafe(
  group: Group,
  baseHash: Uint8Array,
  targets: readonly DecryptionTarget[],
  batches: readonly TrusteeShareBatch[]
): boolean {
  if (batches.some((batch) => batch.shares.length !== targets.length)) {
    throw new DecryptionError('decryption/mismatched-inputs', 'one share per target is needed');
  }
  const weights = batchWeights(2 * targets.length * batches.length);
  const points: Point[] = [];
  const scalars: bigint[] = [];
  // Sums of scalars, reduced once at the end: z·w₁ on G (each share's first equation), z·w₂ on
  // its target's α (the second).
  let generator = 0n;
  const alpha = targets.map(() => 0n);
  batches.forEach(({ verificationKey, shares }, b) => {
    let key = 0n;
    shares.forEach((share, t) => {
      const target = targets[t] as DecryptionTarget;
      const c = chaumPedersenChallenge(
        group,
        DomainTag.decryptionProof,
        decryptionProofContext(group, baseHash, share.trustee, share.checkpoint, target),
        decryptionStatement(group, verificationKey, target, share.share),
        share.proof.commitment1,
        share.proof.commitment2
      );
      const w1 = weights[2 * (b * targets.length + t)] as bigint;
      const w2 = weights[2 * (b * targets.length + t) + 1] as bigint;
      const z = share.proof.response;
      generator += w1 * z;
      key -= w1 * c;
      alpha[t] = (alpha[t] as bigint) + w2 * z;
      points.push(share.proof.commitment1, share.proof.commitment2, share.share);
      scalars.push(modOrder(-w1), modOrder(-w2), modOrder(-w2 * c));
    });
    points.push(verificationKey);
    scalars.push(modOrder(key));
  });
  targets.forEach((target, t) => {
    points.push(target.ciphertext.alpha);
    scalars.push(modOrder(alpha[t] as bigint));
  });
  points.push(group.generator);
  scalars.push(modOrder(generator));
  return group.isIdentity(group.multiScalarMultiplyUnsafe(points, scalars, { distinct: true }));
}

/**
 * Spec §8.4 step 2 for several trustees' batches of the same targets: per batch, the positions
 * that fail, as {@link findInvalidDecryptionSharesUnsafe} finds them; but first all the batches in
 * one equation ({@link decryptionShareBatchesHoldUnsafe}), so that when every share holds — the
 * usual case — each target's α is multiplied once.
 */
export function findInvalidDecryptionShareBatchesUnsafe(
  group: Group,
  baseHash: Uint8Array,
  targets: readonly DecryptionTarget[],
  batches: readonly TrusteeShareBatch[]
): number[][] {
  if (batches.length > 1 && decryptionShareBatchesHoldUnsafe(group, baseHash, targets, batches))
    return batches.map(() => []);
  return batches.map(({ verificationKey, shares }) =>
    findInvalidDecryptionSharesUnsafe(group, baseHash, verificationKey, targets, shares)
  );
}

/** Spec §8.7 D1: u32le trustee ‖ Dₗ ‖ A₁ ‖ A₂ ‖ z (132 bytes). */
export function encodeDecryptionShare(group: Group, share: DecryptionShare): Uint8Array {
  return concatBytes(
    encodeU32(share.trustee),
    group.encodePoint(share.share),
    encodeChaumPedersenProof(group, share.proof)
  );
}

const decryptionFailure = (reason: ReadFailure, message: string): Error =>
  new DecryptionError(`decryption/${reason}`, message);

/**
 * Decodes D1, refusing a trustee outside 1..n, non-canonical points, A₁ = O and z ≥ ℓ. Dₗ and A₂
 * may be the identity: they are multiples of α, which is O for an aggregate of no ballots. The
 * checkpoint is not in D1: it comes once with the batch (D2).
 */
export function decodeDecryptionShare(
  group: Group,
  trusteeCount: number,
  checkpoint: DecryptionCheckpoint,
  bytes: Uint8Array
): DecryptionShare {
  const reader = new MessageReader(bytes, 'decryption share', decryptionFailure);
  const trustee = reader.index(trusteeCount, 'trustee');
  const share = reader.point(group, true);
  const proof = decodeChaumPedersenProof(group, reader.bytes(96));
  reader.end();
  return { trustee, checkpoint, share, proof };
}

/** Where a share's three points lie in its encoding (spec §8.7 D1): after its u32le trustee. */
const SHARE_POINTS_AT = 4;
const SHARE_POINTS = 3;
const SHARE_POINTS_END = SHARE_POINTS_AT + SHARE_POINTS * POINT_BYTES;

/**
 * Many shares (spec §8.7 D1) decoded at once by {@link decodeDecryptionShare}'s rules, for a
 * verifier's threads: each share's Dₗ, A₁, A₂ in `packPoints`' form (point-transfer.ts), its
 * trustee and its response. Null when one does not decode (decode them one by one to learn which
 * and why).
 */
export function decodeDecryptionSharesPacked(
  group: Group,
  trusteeCount: number,
  shares: readonly Uint8Array[]
): { points: Uint8Array; trustees: number[]; responses: bigint[] } | null {
  const encodings = new Uint8Array(shares.length * SHARE_POINTS * POINT_BYTES);
  const trustees: number[] = [];
  const responses: bigint[] = [];
  for (const [i, bytes] of shares.entries()) {
    if (bytes.length !== DECRYPTION_SHARE_BYTES) return null;
    const trustee = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
    if (trustee < 1 || trustee > trusteeCount) return null;
    encodings.set(
      bytes.subarray(SHARE_POINTS_AT, SHARE_POINTS_END),
      i * SHARE_POINTS * POINT_BYTES
    );
    try {
      responses.push(decodeScalar(bytes.subarray(SHARE_POINTS_END)));
    } catch {
      return null;
    }
    trustees.push(trustee);
  }
  // Dₗ and A₂ may be the identity, A₁ may not (decodeChaumPedersenProof).
  const decoded = decodePacked(group, encodings, [false, true, false]);
  return decoded.ok ? { points: decoded.packed, trustees, responses } : null;
}
