/**
 * @module The hashes that pin an election's setup (spec §9.3): manifest hash, credential list
 * hash, base hash and the human fingerprint printed on ballot packs.
 */
import {
  bytesToHex,
  encodeU64,
  frameParts,
  hexToBytes,
  sha256,
  utf8,
  RecordTag,
} from '@scrutineer/crypto';
import { canonicalBytes } from './canonical-json.ts';
import type { Manifest } from './manifest.ts';

/** Spec §9.3: SHA-256 of the manifest's canonical bytes, hex. */
export function manifestHash(manifest: Manifest): string {
  return bytesToHex(sha256(canonicalBytes(manifest)));
}

/**
 * Spec §9.3: the credential list hash, fed one key at a time so a verifier can stream a
 * million-key list: SHA-256(frame("scrutineer/v1/credential-list") ‖ frame(C₁) ‖ … ‖ frame(C_N)).
 */
export class CredentialListHasher {
  readonly #hash = sha256.create();
  #count = 0;
  constructor() {
    this.#hash.update(frameParts([utf8(RecordTag.credentialList)]));
  }
  /** Adds the next credential key (hex, as published). */
  add(keyHex: string): void {
    this.#hash.update(frameParts([hexToBytes(keyHex)]));
    this.#count++;
  }
  get count(): number {
    return this.#count;
  }
  digestHex(): string {
    return bytesToHex(this.#hash.digest());
  }
}

/** Spec §9.3 eq. (9.1): the base hash h that enters every ballot proof and signature. */
export function computeBaseHash(input: {
  readonly manifestHash: string;
  readonly electionKey: string;
  readonly credentialListHash: string;
  readonly credentialCount: number;
}): string {
  return bytesToHex(
    sha256(
      frameParts([
        utf8(RecordTag.baseHash),
        hexToBytes(input.manifestHash),
        utf8('ristretto255'),
        hexToBytes(input.electionKey),
        hexToBytes(input.credentialListHash),
        encodeU64(input.credentialCount),
      ])
    )
  );
}

/** Spec §9.3: the first 20 hex digits of h in groups of 4, as printed on packs and shown in the booth. */
export function electionFingerprint(baseHash: string): string {
  return (baseHash.slice(0, 20).match(/.{4}/g) ?? []).join(' ').toUpperCase();
}
