/**
 * @module Postal return secrets (spec §9.5): 16 bytes from the CSPRNG per pack, printed on its
 * return slip (with the pack id, in the QR code scanned at intake); the board publishes only the
 * commitment, with the credential list.
 */
import { bytesToHex, randomBytes } from '@scrutineer/crypto';
import {
  type Result,
  RETURN_SECRET_BYTES,
  err,
  ok,
  postalReturnCommitment,
} from '@scrutineer/record';

export interface PostalReturn {
  /** The secret s, 32 lower-case hex digits, printed on the return slip. */
  readonly secret: string;
  /** R = SHA-256(frame("scrutineer/v1/postal-return") ‖ frame(C) ‖ frame(s)), hex. */
  readonly commitment: string;
}

/** Draws a return secret for credential `credentialHex` and commits to it (spec §9.5). */
export function generatePostalReturn(credentialHex: string): PostalReturn {
  const secret = bytesToHex(randomBytes(RETURN_SECRET_BYTES));
  return { secret, commitment: postalReturnCommitment(credentialHex, secret) };
}

/** A return slip as scanned at intake: the pack id and the return secret (lower-case hex). */
export interface ReturnSlip {
  readonly packId: string;
  readonly returnSecret: string;
}

export interface ReturnSlipError {
  readonly code: 'pack/invalid-return-slip';
  readonly message: string;
}

/**
 * Spec §9.5: the text of the return slip's QR code, `RETURN1:<pack id>:<secret>`, the secret in
 * upper-case hex so that the QR code uses its alphanumeric mode.
 */
export function encodeReturnSlip(slip: ReturnSlip): string {
  return `RETURN1:${slip.packId}:${slip.returnSecret.toUpperCase()}`;
}

/** Reads a scanned return slip (the secret in either case); the pack id is checked by the board. */
export function parseReturnSlip(text: string): Result<ReturnSlip, ReturnSlipError> {
  const match = /^RETURN1:([A-Za-z0-9-]{1,64}):([0-9A-Fa-f]{32})$/.exec(text.trim());
  if (match === null)
    return err({
      code: 'pack/invalid-return-slip',
      message: 'a return slip reads RETURN1:<pack id>:<32 hex digits>',
    });
  return ok({
    packId: match[1] as string,
    returnSecret: (match[2] as string).toLowerCase(),
  });
}
