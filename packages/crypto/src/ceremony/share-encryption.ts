/**
 * @module Encryption of a dealer's share to its recipient (spec §7.4, message M3): ephemeral
 * Diffie–Hellman on ristretto255, a SHA-512 key derivation under DomainTag.shareEncryptionKey, and
 * ChaCha20-Poly1305 (RFC 8439) whose associated data binds ceremony, dealer and recipient. The
 * shared point S is all a recipient needs to reveal for anyone to re-open the share (§7.5).
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { concatBytes, encodeU32, encodeU64 } from '../bytes.ts';
import type { Group, Point } from '../group.ts';
import { DomainTag, frameParts, hashParts } from '../hash.ts';
import {
  GROUP_ORDER,
  SCALAR_BYTES,
  bytesToNumberLE,
  encodeScalar,
  randomScalar,
} from '../scalar.ts';
import {
  CeremonyError,
  type CeremonyParameters,
  assertTrusteeIndex,
  ceremonyHeader,
} from './ceremony-parameters.ts';
import { MessageReader } from './message-reader.ts';
import type { ScalarSource } from './polynomial.ts';

/** Poly1305 tag length. */
const TAG_BYTES = 16;
/** The ciphertext of a 32-byte scalar with its tag. */
export const SHARE_CIPHERTEXT_BYTES = SCALAR_BYTES + TAG_BYTES;
/** Bytes of an encoded {@link EncryptedShare}: u32le dealer ‖ u32le recipient ‖ Y ‖ ciphertext. */
export const ENCRYPTED_SHARE_BYTES = 4 + 4 + 32 + SHARE_CIPHERTEXT_BYTES;

/** Spec §7.7 M3: the share sᵢₗ = fᵢ(l) from dealer i, readable only with recipient l's key. */
export interface EncryptedShare {
  readonly dealer: number;
  readonly recipient: number;
  /** Y = y·G for the dealer's one-time secret y. */
  readonly ephemeralKey: Point;
  /** ChaCha20-Poly1305(encodeScalar(sᵢₗ)): 48 bytes. */
  readonly ciphertext: Uint8Array;
}

/** Why a share could not be used: each makes a recipient's complaint justified (spec §7.5). */
export type ShareFaultCode =
  'ceremony/share-decryption-failed' | 'ceremony/share-malformed' | 'ceremony/share-inconsistent';

export type ShareOpening =
  | { readonly ok: true; readonly value: bigint }
  | {
      readonly ok: false;
      readonly error: { readonly code: ShareFaultCode; readonly message: string };
    };

/**
 * Spec §7.4 eq. (7.6): d = Hparts(tag, context, u64le n, u64le k, u64le i, u64le l, Eₗ, Y, S);
 * key = d[0..32), nonce = d[32..44).
 * A fresh y per message makes every key single-use, so a derived nonce is safe.
 */
export function deriveShareCipherKey(
  group: Group,
  parameters: CeremonyParameters,
  indices: { readonly dealer: number; readonly recipient: number },
  recipientKey: Point,
  ephemeralKey: Point,
  sharedPoint: Point
): { readonly key: Uint8Array; readonly nonce: Uint8Array } {
  const digest = hashParts(DomainTag.shareEncryptionKey, [
    parameters.context,
    ...ceremonyHeader(parameters),
    encodeU64(indices.dealer),
    encodeU64(indices.recipient),
    group.encodePoint(recipientKey),
    group.encodePoint(ephemeralKey),
    group.encodePoint(sharedPoint),
  ]);
  return { key: digest.slice(0, 32), nonce: digest.slice(32, 44) };
}

/** Spec §7.4 eq. (7.7): AD = frame(context) ‖ frame(u64le n) ‖ frame(u64le k) ‖ frame(u64le i) ‖ frame(u64le l). */
export function shareAssociatedData(
  parameters: CeremonyParameters,
  indices: { readonly dealer: number; readonly recipient: number }
): Uint8Array {
  return frameParts([
    parameters.context,
    ...ceremonyHeader(parameters),
    encodeU64(indices.dealer),
    encodeU64(indices.recipient),
  ]);
}

/** Spec §7.4 step 3: encrypts sᵢₗ to Eₗ with a fresh ephemeral y. */
export function encryptShare(
  group: Group,
  parameters: CeremonyParameters,
  indices: { readonly dealer: number; readonly recipient: number },
  recipientKey: Point,
  share: bigint,
  source: ScalarSource = randomScalar
): EncryptedShare {
  assertTrusteeIndex(parameters, indices.dealer, 'dealer');
  assertTrusteeIndex(parameters, indices.recipient, 'recipient');
  if (indices.dealer === indices.recipient) {
    throw new CeremonyError(
      'ceremony/self-addressed',
      'a dealer keeps its own share; it is never encrypted'
    );
  }
  const ephemeralSecret = source();
  const ephemeralKey = group.multiplyBase(ephemeralSecret);
  const sharedPoint = group.multiply(recipientKey, ephemeralSecret);
  const { key, nonce } = deriveShareCipherKey(
    group,
    parameters,
    indices,
    recipientKey,
    ephemeralKey,
    sharedPoint
  );
  const ciphertext = chacha20poly1305(key, nonce, shareAssociatedData(parameters, indices)).encrypt(
    encodeScalar(share)
  );
  return { dealer: indices.dealer, recipient: indices.recipient, ephemeralKey, ciphertext };
}

/**
 * Opens a share given the shared point S: the recipient's S = eₗ·Y, or the S′ of a complaint, with
 * which anyone can open it (spec §7.5). Fails if authentication fails or the plaintext is not a
 * canonical scalar; the Feldman check is separate ({@link verifyShare}).
 */
export function openShareWithSharedPoint(
  group: Group,
  parameters: CeremonyParameters,
  encrypted: EncryptedShare,
  recipientKey: Point,
  sharedPoint: Point
): ShareOpening {
  const { key, nonce } = deriveShareCipherKey(
    group,
    parameters,
    encrypted,
    recipientKey,
    encrypted.ephemeralKey,
    sharedPoint
  );
  let plaintext: Uint8Array;
  try {
    plaintext = chacha20poly1305(key, nonce, shareAssociatedData(parameters, encrypted)).decrypt(
      encrypted.ciphertext
    );
  } catch {
    return shareFault(
      'ceremony/share-decryption-failed',
      'the share ciphertext does not authenticate'
    );
  }
  const share = plaintext.length === SCALAR_BYTES ? bytesToNumberLE(plaintext) : GROUP_ORDER;
  if (share >= GROUP_ORDER)
    return shareFault('ceremony/share-malformed', 'the share is not a scalar below ℓ');
  return { ok: true, value: share };
}

/** The recipient's side: S = eₗ·Y, then {@link openShareWithSharedPoint}. */
export function decryptShare(
  group: Group,
  parameters: CeremonyParameters,
  recipientSecretKey: bigint,
  recipientKey: Point,
  encrypted: EncryptedShare
): ShareOpening {
  const sharedPoint = group.multiply(encrypted.ephemeralKey, recipientSecretKey);
  return openShareWithSharedPoint(group, parameters, encrypted, recipientKey, sharedPoint);
}

export function shareFault(code: ShareFaultCode, message: string): ShareOpening {
  return { ok: false, error: { code, message } };
}

/** Spec §7.7: the ciphertext field of M3 alone (48 bytes), for decoders of the record's JSON form. */
export function decodeShareCiphertext(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== SHARE_CIPHERTEXT_BYTES) {
    throw new CeremonyError(
      'ceremony/wrong-length',
      `share ciphertext must be ${SHARE_CIPHERTEXT_BYTES} bytes`
    );
  }
  return bytes.slice();
}

/** Spec §7.7 M3: u32le dealer ‖ u32le recipient ‖ Y ‖ ciphertext (88 bytes). */
export function encodeEncryptedShare(group: Group, encrypted: EncryptedShare): Uint8Array {
  if (encrypted.ciphertext.length !== SHARE_CIPHERTEXT_BYTES) {
    throw new CeremonyError(
      'ceremony/wrong-length',
      `share ciphertext must be ${SHARE_CIPHERTEXT_BYTES} bytes`
    );
  }
  return concatBytes(
    encodeU32(encrypted.dealer),
    encodeU32(encrypted.recipient),
    group.encodePoint(encrypted.ephemeralKey),
    encrypted.ciphertext
  );
}

/** Decodes M3, refusing indices outside 1..n, dealer = recipient, Y = O or non-canonical. */
export function decodeEncryptedShare(
  group: Group,
  parameters: CeremonyParameters,
  bytes: Uint8Array
): EncryptedShare {
  const reader = new MessageReader(bytes, 'encrypted share');
  const dealer = reader.index(parameters.trusteeCount, 'dealer');
  const recipient = reader.index(parameters.trusteeCount, 'recipient');
  if (dealer === recipient)
    throw new CeremonyError('ceremony/self-addressed', 'dealer and recipient are the same');
  const ephemeralKey = reader.point(group);
  const ciphertext = reader.bytes(SHARE_CIPHERTEXT_BYTES);
  reader.end();
  return { dealer, recipient, ephemeralKey, ciphertext };
}
