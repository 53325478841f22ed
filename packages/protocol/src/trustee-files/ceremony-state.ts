/**
 * @module What a trustee keeps between dealing and the end of the ceremony (spec §7.9): its own
 * share sᵢᵢ of its polynomial (never on the board) and the commitments and encrypted shares it
 * posts, sealed BEFORE anything is posted, so a trustee stopped mid-ceremony resumes with the same
 * dealing rather than dealing twice. AES-256-GCM under a key derived (HKDF-SHA-256) from the
 * trustee's ceremony secret key; the additional data binds the format, the election, the trustee
 * and the manifest's hash, so a state from another ceremony is refused. The CLI writes it beside
 * the key file (`<key>.ceremony`); the page keeps it in the browser and offers it as a download.
 */
import { bytesToHex, deriveSealingKey, hexToBytes, openBytes, sealBytes } from '@scrutineer/crypto';
import { type EventBody, type Result, err, ok } from '@scrutineer/record';
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
export interface SealedCeremonyState {
  readonly format: typeof CEREMONY_STATE_FORMAT;
  readonly electionId: string;
  readonly trustee: number;
  readonly manifestHash: string;
  readonly nonce: string;
  readonly sealed: string;
}

export type CeremonyStateErrorCode =
  | 'trustee/not-a-ceremony-state'
  | 'trustee/state-of-another-ceremony'
  | 'trustee/state-does-not-open';

export interface CeremonyStateError {
  readonly code: CeremonyStateErrorCode;
  readonly message: string;
}

const utf8 = new TextEncoder();

function sealingKey(file: TrusteeKeyFile): Uint8Array {
  return deriveSealingKey(
    hexToBytes(file.secretKey),
    CEREMONY_STATE_FORMAT,
    `${file.electionId}\u0000${file.trustee}`
  );
}

function additionalData(file: TrusteeKeyFile, manifestHash: string): Uint8Array {
  return utf8.encode(
    `${CEREMONY_STATE_FORMAT}\u0000${file.electionId}\u0000${file.trustee}\u0000${manifestHash}`
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function sealCeremonyState(
  file: TrusteeKeyFile,
  manifestHash: string,
  state: CeremonyState
): SealedCeremonyState {
  const { nonce, sealed } = sealBytes(
    sealingKey(file),
    utf8.encode(JSON.stringify(state)),
    additionalData(file, manifestHash)
  );
  return {
    format: CEREMONY_STATE_FORMAT,
    electionId: file.electionId,
    trustee: file.trustee,
    manifestHash,
    nonce: bytesToHex(nonce),
    sealed: toBase64(sealed),
  };
}

/** Opens a sealed state's text for this key file and manifest, naming the first rule broken. */
export function openCeremonyState(
  text: string,
  file: TrusteeKeyFile,
  manifestHash: string
): Result<CeremonyState, CeremonyStateError> {
  let stored: Partial<SealedCeremonyState>;
  try {
    stored = JSON.parse(text) as Partial<SealedCeremonyState>;
  } catch (error) {
    return err({
      code: 'trustee/not-a-ceremony-state',
      message: `not a ceremony state file (${(error as Error).message})`,
    });
  }
  if (stored?.format !== CEREMONY_STATE_FORMAT)
    return err({
      code: 'trustee/not-a-ceremony-state',
      message: `not a ${CEREMONY_STATE_FORMAT} file`,
    });
  if (stored.electionId !== file.electionId || stored.trustee !== file.trustee)
    return err({
      code: 'trustee/state-of-another-ceremony',
      message: 'kept by another trustee or for another election',
    });
  if (stored.manifestHash !== manifestHash)
    return err({
      code: 'trustee/state-of-another-ceremony',
      message: `kept for another manifest of ${file.electionId}`,
    });
  let plain: Uint8Array | undefined;
  try {
    plain = openBytes(
      sealingKey(file),
      hexToBytes(stored.nonce ?? ''),
      fromBase64(stored.sealed ?? ''),
      additionalData(file, manifestHash)
    );
  } catch {
    plain = undefined;
  }
  if (plain === undefined)
    return err({
      code: 'trustee/state-does-not-open',
      message: "does not open under this key file (altered, or not this trustee's)",
    });
  return ok(JSON.parse(new TextDecoder().decode(plain)) as CeremonyState);
}
