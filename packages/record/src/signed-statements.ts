/**
 * @module The messages that officials sign (spec §9.5, §10.3, §10.4): trustee board messages,
 * checkpoints and receipts. Each is a SHA-256 over framed parts under its own tag, signed with the
 * Schnorr signature of spec §5.4 using the manifest hash in the base-hash slot, so no signature
 * moves between elections or between kinds of statement.
 */
import {
  type Group,
  type Point,
  decodeSignature,
  encodeSignature,
  bytesToHex,
  encodeU64,
  frameParts,
  hexToBytes,
  sha256,
  sign,
  utf8,
  verifySignature,
  RecordTag,
} from '@scrutineer/crypto';
import { z } from 'zod';
import { canonicalBytes } from './canonical-json.ts';
import { hexBytes, recordErrorFromZod } from './hex.ts';
import { instantSchema } from './instant.ts';
import { type RecordError, type Result, err, ok } from './result.ts';

/** Spec §9.5: what a trustee signs for a board event of `type` (body without its signature). */
export function trusteeMessage(type: string, body: Readonly<Record<string, unknown>>): Uint8Array {
  const { signature: _signature, ...unsigned } = body;
  return sha256(frameParts([utf8(RecordTag.trusteeMessage), utf8(type), canonicalBytes(unsigned)]));
}

export const checkpointSchema = z.strictObject({
  size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  root: hexBytes(32),
  time: instantSchema,
  signature: hexBytes(64),
});

/** A checkpoint (spec §10.3): the board's signed statement of the log's size and Merkle root. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** Spec §10.3: parses an untrusted value as a checkpoint (signature not checked here). */
export function parseCheckpoint(value: unknown): Result<Checkpoint, RecordError> {
  const parsed = checkpointSchema.safeParse(value);
  return parsed.success
    ? ok(parsed.data)
    : err(recordErrorFromZod(parsed.error, 'record/invalid-checkpoint'));
}

/** Spec §10.3: the checkpoint message. */
export function checkpointMessage(
  electionId: string,
  checkpoint: Omit<Checkpoint, 'signature'>
): Uint8Array {
  return sha256(
    frameParts([
      utf8(RecordTag.checkpoint),
      utf8(electionId),
      encodeU64(checkpoint.size),
      hexToBytes(checkpoint.root),
      utf8(checkpoint.time),
    ])
  );
}

/** Spec §10.4: a receipt as it travels (in a dispute, §9.5.5). */
export const receiptSchema = z.strictObject({
  election: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'an election id'),
  tracker: hexBytes(32),
  position: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  time: instantSchema,
  eventHash: hexBytes(32),
  signature: hexBytes(64),
});

/** A receipt (spec §10.4): the board's signed promise that a ballot is at a position of the log. */
export interface Receipt {
  readonly election: string;
  readonly tracker: string;
  readonly position: number;
  readonly time: string;
  readonly eventHash: string;
  readonly signature: string;
}

/** Spec §10.4: the receipt message. */
export function receiptMessage(receipt: Omit<Receipt, 'signature'>): Uint8Array {
  return sha256(
    frameParts([
      utf8(RecordTag.receipt),
      utf8(receipt.election),
      hexToBytes(receipt.tracker),
      encodeU64(receipt.position),
      utf8(receipt.time),
      hexToBytes(receipt.eventHash),
    ])
  );
}

/** Signs an official message (spec §5.4 with the manifest hash as base hash); hex signature. */
export function signStatement(
  group: Group,
  manifestHash: string,
  secretKey: bigint,
  message: Uint8Array
): string {
  return bytesToHex(
    encodeSignature(group, sign(group, hexToBytes(manifestHash), secretKey, message))
  );
}

/**
 * Verifies an official signature; false for a bad or malformed signature (never throws on
 * untrusted hex that has already passed the schema's length check).
 */
export function verifyStatement(
  group: Group,
  manifestHash: string,
  publicKey: Point,
  message: Uint8Array,
  signatureHex: string
): boolean {
  let signature;
  try {
    signature = decodeSignature(group, hexToBytes(signatureHex));
  } catch {
    return false;
  }
  return verifySignature(group, hexToBytes(manifestHash), publicKey, message, signature);
}

/**
 * Spec §10.5: the voter's sign-in statement. The booth derives the credential key from the code
 * (spec §6) and signs a fresh board challenge with it, so the board learns that the requester
 * holds the code of credential C without ever seeing the code, and nobody who merely reads the
 * public credential list can spend C's answer attempts. The answers, exactly as sent, are signed
 * too: a request captured on the way cannot be replayed with other answers to spend the member's
 * attempts (the challenge is single-use, so it cannot be replayed with the same ones either). Its
 * tag differs from the ballot's, so a sign-in signature never passes as a ballot signature.
 */
export function signInMessage(
  electionId: string,
  challengeHex: string,
  answers: Readonly<Record<string, string>>
): Uint8Array {
  return sha256(
    frameParts([
      utf8(RecordTag.signIn),
      utf8(electionId),
      hexToBytes(challengeHex),
      canonicalBytes(answers),
    ])
  );
}

/** The booth's signature over {@link signInMessage} (manifest hash in the base-hash slot), hex. */
export function signSignIn(
  group: Group,
  manifestHash: string,
  electionId: string,
  challengeHex: string,
  answers: Readonly<Record<string, string>>,
  credentialSecretKey: bigint
): string {
  return signStatement(
    group,
    manifestHash,
    credentialSecretKey,
    signInMessage(electionId, challengeHex, answers)
  );
}
