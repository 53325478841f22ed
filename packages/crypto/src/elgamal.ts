/**
 * @module Exponential ElGamal on ristretto255 (spec §4.1): Enc_K(m; r) = (α, β) = (r·G, m·G + r·K).
 * Ciphertexts add component-wise, so the product of encryptions encrypts the sum of the messages.
 */
import type { Group, Point } from './group.ts';
import { concatBytes } from './bytes.ts';
import { decodePacked } from './point-transfer.ts';
import { GROUP_ORDER, addScalars, randomScalar } from './scalar.ts';

export interface Ciphertext {
  readonly alpha: Point;
  readonly beta: Point;
}

/** An encryption and the randomness r that made it (secret: the booth's to keep or reveal on audit). */
export interface Encryption {
  readonly ciphertext: Ciphertext;
  readonly randomness: bigint;
}

function assertMessage(message: bigint): void {
  if (message < 0n || message >= GROUP_ORDER - 1n)
    throw new RangeError('elgamal/message-out-of-range');
}

/**
 * Spec §4.1 with the randomness given. Exposed for audited (Benaloh) ballots and vectors; callers
 * that need fresh randomness use {@link encrypt}.
 */
export function encryptWithRandomness(
  group: Group,
  publicKey: Point,
  message: bigint,
  randomness: bigint
): Ciphertext {
  assertMessage(message);
  // m·G as (m+1)·G − G: the backends return early for a zero scalar, and a vote of 0 must take
  // as long to encrypt as a vote of 1, or the timing would tell the vote.
  const messagePoint = group.subtract(group.multiplyBase(message + 1n), group.generator);
  return {
    alpha: group.multiplyBase(randomness),
    beta: group.add(messagePoint, group.multiply(publicKey, randomness)),
  };
}

/** Encrypts a small message under K with fresh randomness from the CSPRNG. */
export function encrypt(group: Group, publicKey: Point, message: bigint): Encryption {
  const randomness = randomScalar();
  return { ciphertext: encryptWithRandomness(group, publicKey, message, randomness), randomness };
}

export function addCiphertexts(group: Group, a: Ciphertext, b: Ciphertext): Ciphertext {
  return { alpha: group.add(a.alpha, b.alpha), beta: group.add(a.beta, b.beta) };
}

/** The encryption of 0 with randomness 0: the neutral element of ciphertext addition. */
export function zeroCiphertext(group: Group): Ciphertext {
  return { alpha: group.identity, beta: group.identity };
}

/** Σ of ciphertexts (the homomorphic tally). */
export function sumCiphertexts(group: Group, ciphertexts: Iterable<Ciphertext>): Ciphertext {
  let sum = zeroCiphertext(group);
  for (const c of ciphertexts) sum = addCiphertexts(group, sum, c);
  return sum;
}

/**
 * Spec §13.4: w·(α, β), the encryption of w·m under the randomness w·r — how a weighted tally counts
 * one ballot w times. Weights are public, so variable time is fine. Weight 1 returns the ciphertext itself (most credentials have weight 1).
 */
export function scaleCiphertext(group: Group, ciphertext: Ciphertext, weight: bigint): Ciphertext {
  if (weight < 1n) throw new RangeError('elgamal/invalid-weight: a weight is a positive integer');
  if (weight === 1n) return ciphertext;
  return {
    alpha: group.multiplyUnsafe(ciphertext.alpha, weight),
    beta: group.multiplyUnsafe(ciphertext.beta, weight),
  };
}

/** Sum of the randomness of several encryptions: the randomness of their sum. */
export function sumRandomness(randomness: Iterable<bigint>): bigint {
  let sum = 0n;
  for (const r of randomness) sum = addScalars(sum, r);
  return sum;
}

/** m·G from a ciphertext with the whole secret key x: β − x·α. Tests and single-key use only. */
export function decryptToPoint(group: Group, secretKey: bigint, ciphertext: Ciphertext): Point {
  return group.subtract(ciphertext.beta, group.multiply(ciphertext.alpha, secretKey));
}

/** Spec §2.5: α ‖ β, 64 bytes. */
export function encodeCiphertext(group: Group, ciphertext: Ciphertext): Uint8Array {
  return concatBytes(group.encodePoint(ciphertext.alpha), group.encodePoint(ciphertext.beta));
}

/**
 * Spec §2.5: decodes α ‖ β. The identity is allowed in ciphertexts that are sums (a tally of no
 * ballots); a ballot's own ciphertext never has α = O, since r ≠ 0 (the caller forbids it).
 */
export function decodeCiphertext(
  group: Group,
  bytes: Uint8Array,
  options: { readonly allowIdentity: boolean }
): Ciphertext {
  if (bytes.length !== 64)
    throw new RangeError('elgamal/wrong-length: ciphertext must be 64 bytes');
  return {
    alpha: group.decodePoint(bytes.subarray(0, 32), options),
    beta: group.decodePoint(bytes.subarray(32, 64), { allowIdentity: true }),
  };
}

/**
 * Concatenated ciphertexts (64 bytes each) decoded at once by {@link decodeCiphertext}'s rules,
 * their α, β in `packPoints`' form (point-transfer.ts) for a verifier's threads; null when one
 * does not decode (decode them one by one to learn which and why).
 */
export function decodeCiphertextsPacked(
  group: Group,
  bytes: Uint8Array,
  options: { readonly allowIdentity: boolean }
): Uint8Array | null {
  if (bytes.length % 64 !== 0) return null;
  const decoded = decodePacked(group, bytes, [!options.allowIdentity, false]);
  return decoded.ok ? decoded.packed : null;
}
