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
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { EventBody } from '@scrutineer/record';
import { writeFileAtomic } from '../roll/roll-files.ts';
import type { TrusteeKeyFile } from './trustee-key-file.ts';

export const CEREMONY_STATE_FORMAT = 'scrutineer/trustee-ceremony-state/v1';

/** The sealed content. */
export interface CeremonyState {
  /** sᵢᵢ, hex scalar. */
  readonly ownShare: string;
  readonly commitments: EventBody<'trustee-commitments'>;
  readonly shares: EventBody<'trustee-shares'>;
}

/** The file as written. */
interface SealedStateFile {
  readonly format: typeof CEREMONY_STATE_FORMAT;
  readonly electionId: string;
  readonly trustee: number;
  readonly manifestHash: string;
  readonly nonce: string;
  readonly sealed: string;
}

export function ceremonyStatePath(keyPath: string): string {
  return `${keyPath}.ceremony`;
}

function sealingKey(file: TrusteeKeyFile): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(file.secretKey, 'hex'),
      Buffer.from(CEREMONY_STATE_FORMAT, 'utf8'),
      Buffer.from(`${file.electionId}\u0000${file.trustee}`, 'utf8'),
      32
    )
  );
}

function additionalData(file: TrusteeKeyFile, manifestHash: string): Buffer {
  return Buffer.from(
    `${CEREMONY_STATE_FORMAT}\u0000${file.electionId}\u0000${file.trustee}\u0000${manifestHash}`,
    'utf8'
  );
}

/** Seals and writes the state (0600, atomically, synced) before anything is posted. */
export function saveCeremonyState(
  path: string,
  file: TrusteeKeyFile,
  manifestHash: string,
  state: CeremonyState
): void {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(file), nonce);
  cipher.setAAD(additionalData(file, manifestHash));
  const sealed = Buffer.concat([
    cipher.update(JSON.stringify(state), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const written: SealedStateFile = {
    format: CEREMONY_STATE_FORMAT,
    electionId: file.electionId,
    trustee: file.trustee,
    manifestHash,
    nonce: nonce.toString('hex'),
    sealed: sealed.toString('base64'),
  };
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
  let stored: Partial<SealedStateFile>;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<SealedStateFile>;
  } catch (error) {
    throw new Error(`${path}: not a ceremony state file (${(error as Error).message})`);
  }
  if (stored.format !== CEREMONY_STATE_FORMAT)
    throw new Error(`${path}: not a ${CEREMONY_STATE_FORMAT} file`);
  if (stored.electionId !== file.electionId || stored.trustee !== file.trustee)
    throw new Error(`${path}: kept by another trustee or for another election`);
  if (stored.manifestHash !== manifestHash)
    throw new Error(`${path}: kept for another manifest of ${file.electionId}`);
  try {
    const bytes = Buffer.from(stored.sealed ?? '', 'base64');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealingKey(file),
      Buffer.from(stored.nonce ?? '', 'hex')
    );
    decipher.setAAD(additionalData(file, manifestHash));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - 16)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as CeremonyState;
  } catch {
    throw new Error(`${path}: does not open under this key file (altered, or not this trustee's)`);
  }
}

/** Once the secret share is in the key file, sᵢᵢ has no further use: remove it. */
export function removeCeremonyState(path: string): void {
  rmSync(path, { force: true });
}
