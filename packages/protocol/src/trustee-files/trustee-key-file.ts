/**
 * @module A trustee's key file (spec §7.2, §7.9): the ceremony key pair for one election and,
 * after the ceremony, the trustee's secret share xₗ (§7.6). One format for the CLI (`trustee
 * keygen` writes it to disk) and the trustee's page (made in the browser, downloaded), so a
 * trustee can move between them. Private: it never leaves the trustee.
 */
import {
  type Group,
  type TrusteeKeyPair,
  bytesToHex,
  decodeScalar,
  decodeSchnorrProof,
  encodeScalar,
  encodeSchnorrProof,
  hexToBytes,
} from '@scrutineer/crypto';
import { type Manifest, type Result, err, ok } from '@scrutineer/record';
import { createCeremonyKey } from '../trustee.ts';

export const TRUSTEE_KEY_FORMAT = 'scrutineer/trustee-key/v1';

export interface TrusteeKeyFile {
  readonly format: typeof TRUSTEE_KEY_FORMAT;
  readonly electionId: string;
  readonly trustee: number;
  readonly name: string;
  readonly secretKey: string;
  readonly publicKey: string;
  readonly keyProof: string;
  /** xₗ, once the ceremony has concluded. */
  readonly secretShare?: string;
}

/** The manifest's `trustees.members` entry. */
export interface TrusteeManifestEntry {
  readonly index: number;
  readonly name: string;
  readonly publicKey: string;
  readonly keyProof: string;
}

export type TrusteeKeyFileErrorCode =
  'trustee/officer-key-file' | 'trustee/not-a-key-file' | 'trustee/key-not-in-manifest';

export interface TrusteeKeyFileError {
  readonly code: TrusteeKeyFileErrorCode;
  readonly message: string;
}

export function createTrusteeKeyFile(
  group: Group,
  electionId: string,
  trustee: number,
  name: string
): TrusteeKeyFile {
  const key = createCeremonyKey(group, electionId, trustee);
  return {
    format: TRUSTEE_KEY_FORMAT,
    electionId,
    trustee,
    name,
    secretKey: bytesToHex(encodeScalar(key.secretKey)),
    publicKey: bytesToHex(group.encodePoint(key.publicKey.publicKey)),
    keyProof: bytesToHex(encodeSchnorrProof(group, key.publicKey.proof)),
  };
}

const HEX64 = /^[0-9a-f]{64}$/;
/** `election keygen` writes 256 random bits as base64url on one line (officer-key.ts). */
const OFFICER_KEY = /^[A-Za-z0-9_-]{32,}$/;

/**
 * Reads a key file's text. An officer's key (a single line of base64url) is refused with its own
 * code, so a page or command can say plainly that this is the wrong kind of key.
 */
export function parseTrusteeKeyFile(text: string): Result<TrusteeKeyFile, TrusteeKeyFileError> {
  if (OFFICER_KEY.test(text.trim()))
    return err({
      code: 'trustee/officer-key-file',
      message: "this is a returning officer's key, not a trustee's key file",
    });
  let value: Partial<TrusteeKeyFile> | null;
  try {
    value = JSON.parse(text) as Partial<TrusteeKeyFile> | null;
  } catch {
    value = null;
  }
  const valid =
    value !== null &&
    typeof value === 'object' &&
    value.format === TRUSTEE_KEY_FORMAT &&
    typeof value.electionId === 'string' &&
    Number.isSafeInteger(value.trustee) &&
    typeof value.name === 'string' &&
    typeof value.secretKey === 'string' &&
    HEX64.test(value.secretKey) &&
    typeof value.publicKey === 'string' &&
    typeof value.keyProof === 'string' &&
    (value.secretShare === undefined ||
      (typeof value.secretShare === 'string' && HEX64.test(value.secretShare)));
  if (!valid)
    return err({ code: 'trustee/not-a-key-file', message: `not a ${TRUSTEE_KEY_FORMAT} file` });
  return ok(value as TrusteeKeyFile);
}

export function trusteeKeyPair(group: Group, file: TrusteeKeyFile): TrusteeKeyPair {
  return {
    secretKey: decodeScalar(hexToBytes(file.secretKey)),
    publicKey: {
      trustee: file.trustee,
      publicKey: group.decodePoint(hexToBytes(file.publicKey)),
      proof: decodeSchnorrProof(group, hexToBytes(file.keyProof)),
    },
  };
}

export function manifestEntry(file: TrusteeKeyFile): TrusteeManifestEntry {
  return {
    index: file.trustee,
    name: file.name,
    publicKey: file.publicKey,
    keyProof: file.keyProof,
  };
}

/** Whether the key file is this manifest's trustee entry (same election, same public key). */
export function keyFileMatchesManifest(
  manifest: Manifest,
  file: TrusteeKeyFile
): Result<void, TrusteeKeyFileError> {
  const entry = manifest.trustees.members.find((m) => m.index === file.trustee);
  if (manifest.electionId !== file.electionId || entry?.publicKey !== file.publicKey)
    return err({
      code: 'trustee/key-not-in-manifest',
      message: `this key file is not trustee ${file.trustee}'s key in ${manifest.electionId}'s manifest`,
    });
  return ok(undefined);
}

/** xₗ, or undefined before the ceremony has concluded for this trustee. */
export function secretShareOf(file: TrusteeKeyFile): bigint | undefined {
  return file.secretShare === undefined ? undefined : decodeScalar(hexToBytes(file.secretShare));
}

export function withSecretShare(file: TrusteeKeyFile, share: bigint): TrusteeKeyFile {
  return { ...file, secretShare: bytesToHex(encodeScalar(share)) };
}
