/**
 * @module Schnorr signatures by a voter's credential key (spec §5.4). A signature is a Schnorr
 * proof of knowledge of the credential secret x (spec §5.1) under its own domain tag, with the
 * signed message as the proof's only binding: c = H(signature tag, baseHash, message, X, A). It
 * therefore shares the Schnorr code, encoding and verification equation.
 */
import type { Group, Point } from './group.ts';
import { DomainTag } from './hash.ts';
import { type Equation, holdsUnsafe } from './equation.ts';
import type { ProofContext } from './proof-context.ts';
import {
  type SchnorrProof,
  decodeSchnorrProof,
  encodeSchnorrProof,
  proveSchnorrWithNonce,
  schnorrChallenge,
  schnorrEquation,
} from './proofs/schnorr.ts';
import { randomScalar } from './scalar.ts';

/** (A, z): A = a·G for the signer's secret nonce a, z = a + c·x mod ℓ. */
export type Signature = SchnorrProof;

/** Encoded length: A ‖ z. */
export const SIGNATURE_BYTES = 64;

/** Spec §5.4: the signed message is the single binding of the Schnorr proof's context. */
function signatureContext(baseHash: Uint8Array, message: Uint8Array): ProofContext {
  return { baseHash, bindings: [message] };
}

/** Spec §5.4 eq. (5.9): c = H(signature tag, baseHash, message, X, A). */
export function signatureChallenge(
  group: Group,
  baseHash: Uint8Array,
  publicKey: Point,
  message: Uint8Array,
  commitment: Point
): bigint {
  return schnorrChallenge(
    group,
    DomainTag.signature,
    signatureContext(baseHash, message),
    publicKey,
    commitment
  );
}

/** Signs with the nonce given (tests and vectors only; callers use {@link sign}). */
export function signWithNonce(
  group: Group,
  baseHash: Uint8Array,
  secretKey: bigint,
  message: Uint8Array,
  nonce: bigint
): Signature {
  return proveSchnorrWithNonce(
    group,
    signatureContext(baseHash, message),
    secretKey,
    nonce,
    DomainTag.signature
  );
}

/** Signs `message` for the election `baseHash` with the credential secret key (spec §5.4). */
export function sign(
  group: Group,
  baseHash: Uint8Array,
  secretKey: bigint,
  message: Uint8Array
): Signature {
  return signWithNonce(group, baseHash, secretKey, message, randomScalar());
}

/** Spec §5.4 eq. (5.10): z·G = A + c·X, for single or batch checking. */
export function signatureEquation(
  group: Group,
  baseHash: Uint8Array,
  publicKey: Point,
  message: Uint8Array,
  signature: Signature
): Equation {
  return schnorrEquation(
    group,
    signatureContext(baseHash, message),
    publicKey,
    signature,
    DomainTag.signature
  );
}

/** Verifies a signature; a bad signature is an answer (false), not an exception. */
export function verifySignature(
  group: Group,
  baseHash: Uint8Array,
  publicKey: Point,
  message: Uint8Array,
  signature: Signature
): boolean {
  return holdsUnsafe(group, signatureEquation(group, baseHash, publicKey, message, signature));
}

/** Spec §5.4 encoding: A ‖ z, 64 bytes (the Schnorr proof encoding of spec §5.1). */
export function encodeSignature(group: Group, signature: Signature): Uint8Array {
  return encodeSchnorrProof(group, signature);
}

/** Decodes A ‖ z; throws GroupError on a wrong length, a bad or identity A, or z ≥ ℓ. */
export function decodeSignature(group: Group, bytes: Uint8Array): Signature {
  return decodeSchnorrProof(group, bytes);
}
