/**
 * @module Postal return secrets (spec §9.5.3): 16 bytes from the CSPRNG per pack, printed on its
 * return slip (with the credential key, in the QR code scanned at intake); the board publishes
 * only the commitment, with the credential list.
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

/**
 * A return slip as scanned at intake: the pack's credential key and its return secret (lower-case
 * hex). The slip names the credential, not the registrar's pack id, so that the board needs no
 * table from pack ids to credentials (spec §9.5.3); the slip travels in the outer envelope, apart
 * from the ballot paper, and carries no name.
 */
export interface ReturnSlip {
  readonly credential: string;
  readonly returnSecret: string;
}

export interface ReturnSlipError {
  readonly code: 'pack/invalid-return-slip';
  readonly message: string;
}

/**
 * Spec §9.5.3: the text of the return slip's QR code, `RETURN2:<credential>:<secret>`, both in
 * upper-case hex so that the QR code uses its alphanumeric mode.
 */
export function encodeReturnSlip(slip: ReturnSlip): string {
  return `RETURN2:${slip.credential.toUpperCase()}:${slip.returnSecret.toUpperCase()}`;
}

/** Reads a scanned return slip (hex in either case); whether it opens a commitment is the board's check. */
export function parseReturnSlip(text: string): Result<ReturnSlip, ReturnSlipError> {
  const match = /^RETURN2:([0-9A-Fa-f]{64}):([0-9A-Fa-f]{32})$/.exec(text.trim());
  if (match === null)
    return err({
      code: 'pack/invalid-return-slip',
      message: 'a return slip reads RETURN2:<64 hex digits>:<32 hex digits>',
    });
  return ok({
    credential: (match[1] as string).toLowerCase(),
    returnSecret: (match[2] as string).toLowerCase(),
  });
}
