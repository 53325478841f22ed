/**
 * @module Sealing a party's own state at rest (spec §7.9): AES-256-GCM under a key derived with
 * HKDF-SHA-256 from a secret the party already keeps. The same bytes in Node and in a browser
 * (noble, no Web Crypto promise), so a state sealed by the CLI opens in the trustee's page and back.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from './random.ts';

const utf8 = new TextEncoder();

/** HKDF-SHA-256 (RFC 5869) of `secret`, 32 bytes. */
export function deriveSealingKey(secret: Uint8Array, salt: string, info: string): Uint8Array {
  return hkdf(sha256, secret, utf8.encode(salt), utf8.encode(info), 32);
}

/** AES-256-GCM: a fresh 12-byte nonce, and ciphertext ‖ 16-byte tag. */
export function sealBytes(
  key: Uint8Array,
  plaintext: Uint8Array,
  additionalData: Uint8Array
): { readonly nonce: Uint8Array; readonly sealed: Uint8Array } {
  const nonce = randomBytes(12);
  return { nonce, sealed: gcm(key, nonce, additionalData).encrypt(plaintext) };
}

/** Opens what {@link sealBytes} sealed; undefined if it was altered or sealed under another key. */
export function openBytes(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  additionalData: Uint8Array
): Uint8Array | undefined {
  try {
    return gcm(key, nonce, additionalData).decrypt(sealed);
  } catch {
    return undefined;
  }
}
