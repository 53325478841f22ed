/**
 * @module What a trustee keeps on disk between dealing and the end of the ceremony (spec §7.9.1), so
 * that a crash, a reboot or a killed process resumes instead of wrecking the ceremony: the signed
 * commitments and shares exactly as posted (so a re-post is the same message) and sᵢᵢ = fᵢ(i), the
 * only part of the polynomial the trustee still needs (its own share, spec §7.6). The rest of fᵢ
 * is never written: once the shares are dealt it has no further use.
 *
 * The file `<key file>.ceremony` is written (whole, synced, then renamed) BEFORE the first message
 * is posted, and removed once the secret share is in the key file. It is sealed with AES-256-GCM
 * under a key derived by HKDF-SHA-256 from the trustee's ceremony secret key in the key file it
 * already holds, not from a passphrase: the key file is the one secret the trustee must keep
 * anyway (whoever holds it can open every share dealt to the trustee, which is worth more than
 * sᵢᵢ), a resumed process must not wait for someone to type, and a copy of the state file alone
 * (a backup, a shared disk) then reveals nothing. The additional data binds the file to the
 * election, the trustee and the manifest's hash, so a state file from another ceremony is refused.
 * The sealing is @scrutineer/protocol's (trustee-files), shared with the trustee's page: a state
 * sealed here opens there and back.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import {
  type CeremonyState,
  type TrusteeKeyFile,
  openCeremonyState,
  sealCeremonyState,
} from '@scrutineer/protocol';
import { writeFileAtomic } from '../roll/roll-files.ts';

export { CEREMONY_STATE_FORMAT, type CeremonyState } from '@scrutineer/protocol';

export function ceremonyStatePath(keyPath: string): string {
  return `${keyPath}.ceremony`;
}

/** Seals and writes the state (0600, atomically, synced) before anything is posted. */
export function saveCeremonyState(
  path: string,
  file: TrusteeKeyFile,
  manifestHash: string,
  state: CeremonyState
): void {
  const written = sealCeremonyState(file, manifestHash, state);
  writeFileAtomic(path, `${JSON.stringify(written, null, 2)}\n`, { secret: true });
}

/**
 * The state kept at `path` for this key file and manifest, or undefined if there is none.
 * @throws Error naming the file if it is unreadable, from another ceremony, or not sealed under
 *   this key file (tampered with, or another trustee's).
 */
export function loadCeremonyState(
  path: string,
  file: TrusteeKeyFile,
  manifestHash: string
): CeremonyState | undefined {
  if (!existsSync(path)) return undefined;
  const opened = openCeremonyState(readFileSync(path, 'utf8'), file, manifestHash);
  if (!opened.ok) throw new Error(`${path}: ${opened.error.message}`);
  return opened.value;
}

/** Once the secret share is in the key file, sᵢᵢ has no further use: remove it. */
export function removeCeremonyState(path: string): void {
  rmSync(path, { force: true });
}
