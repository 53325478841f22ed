/**
 * @module A trustee's key file (`trustee keygen`): the ceremony key pair for one election (spec
 * §7.2), and after the ceremony the trustee's secret share xₗ (§7.6). Private: it never leaves the
 * trustee. Beside it, `<file>.public.json` is the manifest's entry for this trustee (§9.2.2).
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
import { createCeremonyKey } from '@scrutineer/protocol';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';

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

export function readTrusteeKeyFile(path: string): TrusteeKeyFile {
  const value = readJsonFile(path) as Partial<TrusteeKeyFile> | null;
  if (value?.format !== TRUSTEE_KEY_FORMAT || typeof value.secretKey !== 'string')
    throw new Error(`${path}: not a ${TRUSTEE_KEY_FORMAT} file`);
  return value as TrusteeKeyFile;
}

export function writeTrusteeKeyFile(path: string, file: TrusteeKeyFile): void {
  writeJsonFile(path, file, { secret: true });
}

export function secretShareOf(file: TrusteeKeyFile): bigint {
  if (file.secretShare === undefined)
    throw new Error(
      `trustee ${file.trustee} has no secret share yet: run \`trustee ceremony\` first`
    );
  return decodeScalar(hexToBytes(file.secretShare));
}

export function withSecretShare(file: TrusteeKeyFile, share: bigint): TrusteeKeyFile {
  return { ...file, secretShare: bytesToHex(encodeScalar(share)) };
}
