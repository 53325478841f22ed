/**
 * @module Schnorr proof of knowledge of a discrete logarithm (spec §5.1): knowledge of x with
 * X = x·G. Used for trustees' polynomial coefficients and, through signature.ts, for ballots.
 */
import { GroupError, POINT_BYTES, type Group, type Point } from '../group.ts';
import { concatBytes } from '../bytes.ts';
import { DomainTag, hashToScalar } from '../hash.ts';
import { type Equation, equationOf, holdsUnsafe } from '../equation.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  SCALAR_BYTES,
  addScalars,
  decodeScalar,
  encodeScalar,
  multiplyScalars,
  randomScalar,
} from '../scalar.ts';

export interface SchnorrProof {
  /** A = a·G for the prover's secret nonce a. */
  readonly commitment: Point;
  /** z = a + c·x mod ℓ. */
  readonly response: bigint;
}

/** Spec §5.1 eq. (5.1): c = H(tag, baseHash, bindings…, X, A). */
export function schnorrChallenge(
  group: Group,
  tag: DomainTag,
  context: ProofContext,
  publicKey: Point,
  commitment: Point
): bigint {
  return hashToScalar(tag, context.baseHash, [
    ...context.bindings,
    group.encodePoint(publicKey),
    group.encodePoint(commitment),
  ]);
}

/** Proves knowledge of `secret` for `publicKey` = secret·G with the nonce given (vectors, tests). */
export function proveSchnorrWithNonce(
  group: Group,
  context: ProofContext,
  secret: bigint,
  nonce: bigint,
  tag: DomainTag = DomainTag.schnorrProof
): SchnorrProof {
  const publicKey = group.multiplyBase(secret);
  const commitment = group.multiplyBase(nonce);
  const challenge = schnorrChallenge(group, tag, context, publicKey, commitment);
  return { commitment, response: addScalars(nonce, multiplyScalars(challenge, secret)) };
}

/** Proves knowledge of `secret` (spec §5.1) with a fresh CSPRNG nonce. */
export function proveSchnorr(
  group: Group,
  context: ProofContext,
  secret: bigint,
  tag: DomainTag = DomainTag.schnorrProof
): SchnorrProof {
  return proveSchnorrWithNonce(group, context, secret, randomScalar(), tag);
}

/** Spec §5.1 eq. (5.2): z·G = A + c·X, as an equation for single or batch checking. */
export function schnorrEquation(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  proof: SchnorrProof,
  tag: DomainTag = DomainTag.schnorrProof
): Equation {
  const challenge = schnorrChallenge(group, tag, context, publicKey, proof.commitment);
  return equationOf([
    [proof.response, group.generator],
    [-1n, proof.commitment],
    [-challenge, publicKey],
  ]);
}

/** Verifies a Schnorr proof; a bad proof is an answer (false), not an exception. */
export function verifySchnorr(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  proof: SchnorrProof,
  tag: DomainTag = DomainTag.schnorrProof
): boolean {
  return holdsUnsafe(group, schnorrEquation(group, context, publicKey, proof, tag));
}

/** Spec §5.1 encoding: A ‖ z, 64 bytes (point per spec §2.3, scalar per spec §2.2). */
export function encodeSchnorrProof(group: Group, proof: SchnorrProof): Uint8Array {
  return concatBytes(group.encodePoint(proof.commitment), encodeScalar(proof.response));
}

/**
 * Decodes A ‖ z. Throws GroupError on a wrong length, a non-canonical or identity commitment, or
 * a response ≥ ℓ: an honest A = a·G is never the identity, since a ≠ 0.
 */
export function decodeSchnorrProof(group: Group, bytes: Uint8Array): SchnorrProof {
  if (bytes.length !== POINT_BYTES + SCALAR_BYTES) {
    throw new GroupError('group/wrong-length', `a Schnorr proof is 64 bytes, got ${bytes.length}`);
  }
  return {
    commitment: group.decodePoint(bytes.subarray(0, POINT_BYTES)),
    response: decodeScalar(bytes.subarray(POINT_BYTES)),
  };
}
