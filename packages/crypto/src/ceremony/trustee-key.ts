/**
 * @module A trustee's ceremony key pair (spec §7.2): secret eᵢ, public Eᵢ = eᵢ·G, with a Schnorr
 * proof of possession bound to the election and the trustee's index. Dealers encrypt shares to Eᵢ
 * (§7.4), complaints prove statements about eᵢ (§7.5), and the record signs the trustee's
 * messages with it (§9.5). The keys are listed in the manifest, so the proof of possession cannot
 * be bound to the manifest hash; it is bound to the election id instead.
 */
import { concatBytes, encodeU32, encodeU64 } from '../bytes.ts';
import type { Group, Point } from '../group.ts';
import { DomainTag } from '../hash.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  type SchnorrProof,
  decodeSchnorrProof,
  encodeSchnorrProof,
  proveSchnorrWithNonce,
  verifySchnorr,
} from '../proofs/schnorr.ts';
import { randomScalar } from '../scalar.ts';
import { CeremonyError, type CeremonyParameters, MAX_TRUSTEES } from './ceremony-parameters.ts';
import { MessageReader } from './message-reader.ts';
import type { ScalarSource } from './polynomial.ts';

/** Trustee l's public ceremony key, as the manifest lists it (spec §9.2.2). */
export interface TrusteeKey {
  readonly trustee: number;
  /** Eₗ = eₗ·G. */
  readonly publicKey: Point;
}

/** The key with its proof of possession (spec §7.7 message M1). */
export interface TrusteePublicKey extends TrusteeKey {
  /** Proof of knowledge of eₗ under {@link DomainTag.ceremonyKeyProof}. */
  readonly proof: SchnorrProof;
}

/** A trustee's key pair; `secretKey` never leaves the trustee. */
export interface TrusteeKeyPair {
  readonly secretKey: bigint;
  readonly publicKey: TrusteePublicKey;
}

/** Bytes of an encoded {@link TrusteePublicKey}: u32le index ‖ E ‖ A ‖ z. */
export const TRUSTEE_PUBLIC_KEY_BYTES = 4 + 32 + 32 + 32;

/** Spec §7.2 eq. (7.1): h = keyContext = utf8(electionId), bindings = (u64le l). */
export function trusteeKeyProofContext(keyContext: Uint8Array, trustee: number): ProofContext {
  return { baseHash: keyContext, bindings: [encodeU64(trustee)] };
}

function assertKeyInputs(keyContext: Uint8Array, trustee: number): void {
  if (keyContext.length === 0)
    throw new CeremonyError('ceremony/invalid-context', 'the key context is empty');
  if (!Number.isInteger(trustee) || trustee < 1 || trustee > MAX_TRUSTEES) {
    throw new CeremonyError(
      'ceremony/index-out-of-range',
      `trustee index ${trustee} not in 1..${MAX_TRUSTEES}`
    );
  }
}

/**
 * Spec §7.2: draws eₗ and proves possession of it (a §5.1 Schnorr proof).
 * @param keyContext utf8(electionId) (spec §7.2): fixed before the manifest that lists the key.
 */
export function createTrusteeKey(
  group: Group,
  keyContext: Uint8Array,
  trustee: number,
  source: ScalarSource = randomScalar
): TrusteeKeyPair {
  assertKeyInputs(keyContext, trustee);
  const secretKey = source();
  const context = trusteeKeyProofContext(keyContext, trustee);
  const proof = proveSchnorrWithNonce(
    group,
    context,
    secretKey,
    source(),
    DomainTag.ceremonyKeyProof
  );
  return { secretKey, publicKey: { trustee, publicKey: group.multiplyBase(secretKey), proof } };
}

/** Spec §7.2 check: Eₗ ≠ O and the proof verifies for this election and this index. */
export function verifyTrusteeKey(
  group: Group,
  keyContext: Uint8Array,
  key: TrusteePublicKey
): boolean {
  if (!Number.isInteger(key.trustee) || key.trustee < 1 || key.trustee > MAX_TRUSTEES) return false;
  if (group.isIdentity(key.publicKey)) return false;
  const context = trusteeKeyProofContext(keyContext, key.trustee);
  return verifySchnorr(group, context, key.publicKey, key.proof, DomainTag.ceremonyKeyProof);
}

/** Spec §7.7 M1: u32le index ‖ Eₗ ‖ A ‖ z (100 bytes). */
export function encodeTrusteePublicKey(group: Group, key: TrusteePublicKey): Uint8Array {
  return concatBytes(
    encodeU32(key.trustee),
    group.encodePoint(key.publicKey),
    encodeSchnorrProof(group, key.proof)
  );
}

/** Decodes M1, refusing an index outside 1..n, a non-canonical or identity point, or z ≥ ℓ. */
export function decodeTrusteePublicKey(
  group: Group,
  trusteeCount: number,
  bytes: Uint8Array
): TrusteePublicKey {
  const reader = new MessageReader(bytes, 'trustee public key');
  const trustee = reader.index(trusteeCount, 'trustee');
  const publicKey = reader.point(group);
  const proof = decodeSchnorrProof(group, reader.bytes(64));
  reader.end();
  return { trustee, publicKey, proof };
}

/**
 * Spec §7.2: the ceremony needs E₁…Eₙ in index order, none the identity, no two equal (a copied
 * key would let one trustee read another's shares). Returns the first offending index, or null.
 */
export function findInvalidTrusteeKey(
  group: Group,
  parameters: CeremonyParameters,
  keys: readonly TrusteeKey[]
): number | null {
  if (keys.length !== parameters.trusteeCount) {
    throw new CeremonyError(
      'ceremony/mismatched-messages',
      `expected ${parameters.trusteeCount} trustee keys`
    );
  }
  for (const [position, key] of keys.entries()) {
    if (key.trustee !== position + 1) {
      throw new CeremonyError(
        'ceremony/mismatched-messages',
        'expected the keys of trustees 1..n in order'
      );
    }
    if (group.isIdentity(key.publicKey)) return key.trustee;
    if (keys.slice(0, position).some((earlier) => group.equals(earlier.publicKey, key.publicKey)))
      return key.trustee;
  }
  return null;
}
