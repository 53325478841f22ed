/**
 * @module A mix server's key file (`scrutineer mixer keygen`, spec §9.2.10, §11.8): the secret that
 * signs its mixes, kept by the mix server alone (mode 0600). Beside it, `<file>.public.json` is the
 * manifest's entry `{name, publicKey}` for `election create --mixer`. The officer never holds it:
 * a mix the officer made would not carry it (V10.6), so the officer cannot know every permutation.
 */
import { existsSync } from 'node:fs';
import {
  type Group,
  bytesToHex,
  decodeScalar,
  encodeScalar,
  hexToBytes,
  randomScalar,
} from '@scrutineer/crypto';
import type { Manifest } from '@scrutineer/record';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';

export const MIXER_KEY_FORMAT = 'scrutineer/mixer-key/v1';

export interface MixerKeyFile {
  readonly format: typeof MIXER_KEY_FORMAT;
  readonly name: string;
  readonly secretKey: string;
  readonly publicKey: string;
}

export function createMixerKeyFile(group: Group, name: string): MixerKeyFile {
  const secretKey = randomScalar();
  return {
    format: MIXER_KEY_FORMAT,
    name,
    secretKey: bytesToHex(encodeScalar(secretKey)),
    publicKey: bytesToHex(group.encodePoint(group.multiplyBase(secretKey))),
  };
}

export function mixerPublicPath(keyPath: string): string {
  return keyPath.replace(/\.json$/, '') + '.public.json';
}

/** Writes the secret file (0600) and the manifest entry beside it; never over an existing key. */
export function writeMixerKeyFile(path: string, file: MixerKeyFile): void {
  if (existsSync(path)) throw new Error(`${path} exists: a key is never overwritten`);
  writeJsonFile(path, file, { secret: true });
  writeJsonFile(mixerPublicPath(path), { name: file.name, publicKey: file.publicKey });
}

export function readMixerKeyFile(path: string): MixerKeyFile {
  const value = readJsonFile(path) as Partial<MixerKeyFile> | null;
  if (
    value?.format !== MIXER_KEY_FORMAT ||
    typeof value.secretKey !== 'string' ||
    typeof value.publicKey !== 'string' ||
    typeof value.name !== 'string'
  )
    throw new Error(`${path}: not a ${MIXER_KEY_FORMAT} file`);
  return value as MixerKeyFile;
}

export function mixerSecretKey(file: MixerKeyFile): bigint {
  return decodeScalar(hexToBytes(file.secretKey));
}

/**
 * Spec §9.2.10: refuses to mix as mix server m with a key the manifest does not list for m (the
 * board would refuse the mix, mix/invalid-signature, after the minutes the shuffle takes).
 */
export function checkMixerKey(
  manifest: Pick<Manifest, 'mixers'>,
  mixer: number,
  file: MixerKeyFile
): void {
  const listed = manifest.mixers?.members[mixer - 1];
  if (listed?.publicKey !== file.publicKey)
    throw new Error(
      `the manifest lists ${listed === undefined ? 'no key' : `the key ${listed.publicKey}`} for mix server ${mixer}, not this key ${file.publicKey}`
    );
}
