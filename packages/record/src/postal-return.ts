/**
 * @module Postal return secrets (spec §9.5 `postal-received`, V6.5). Each pack's return slip
 * carries a 16-byte secret s drawn by the registrar; the board publishes only its commitment
 * R = SHA-256(frame("scrutineer/v1/postal-return") ‖ frame(C) ‖ frame(s)) with the credential C,
 * before `election-open`. A postal return must show s, so nobody without the printed slip (the
 * officer, the board operator) can mark a credential received by post.
 */
import { bytesToHex, frameParts, hexToBytes, sha256, utf8, RecordTag } from '@scrutineer/crypto';

/** Spec §3.3: the tag of the postal return commitment. */
export const POSTAL_RETURN_TAG = RecordTag.postalReturn;

/** Bytes of a return secret (spec §9.5). */
export const RETURN_SECRET_BYTES = 16;

/** Spec §9.5: the commitment R (hex) to return secret `secretHex` (hex 32) of credential `credentialHex`. */
export function postalReturnCommitment(credentialHex: string, secretHex: string): string {
  return bytesToHex(
    sha256(frameParts([utf8(POSTAL_RETURN_TAG), hexToBytes(credentialHex), hexToBytes(secretHex)]))
  );
}

/** Whether `secretHex` opens `commitmentHex` for `credentialHex` (false on malformed hex). */
export function opensPostalReturn(
  commitmentHex: string,
  credentialHex: string,
  secretHex: string
): boolean {
  if (!/^[0-9a-f]{32}$/.test(secretHex)) return false;
  try {
    return postalReturnCommitment(credentialHex, secretHex) === commitmentHex;
  } catch {
    return false;
  }
}
