/**
 * @module A trustee's key file on disk (`trustee keygen`): the format, and everything done with
 * it, is @scrutineer/protocol's (trustee-files, spec §7.9), shared with the trustee's page so a
 * trustee can move between the CLI and the browser. Here only reading and writing the file (0600).
 * Beside it, `<file>.public.json` is the manifest's entry for this trustee (§9.2.2).
 */
import {
  type TrusteeKeyFile,
  parseTrusteeKeyFile,
  secretShareOf as secretShareIn,
} from '@scrutineer/protocol';
import { readFileSync } from 'node:fs';
import { writeJsonFile } from '../roll/roll-files.ts';

export {
  TRUSTEE_KEY_FORMAT,
  type TrusteeKeyFile,
  type TrusteeManifestEntry,
  createTrusteeKeyFile,
  manifestEntry,
  trusteeKeyPair,
  withSecretShare,
} from '@scrutineer/protocol';

export function readTrusteeKeyFile(path: string): TrusteeKeyFile {
  const parsed = parseTrusteeKeyFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.value;
}

export function writeTrusteeKeyFile(path: string, file: TrusteeKeyFile): void {
  writeJsonFile(path, file, { secret: true });
}

export function secretShareOf(file: TrusteeKeyFile): bigint {
  const share = secretShareIn(file);
  if (share === undefined)
    throw new Error(
      `trustee ${file.trustee} has no secret share yet: run \`trustee ceremony\` first`
    );
  return share;
}
