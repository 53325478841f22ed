/**
 * @module Trustees post their own messages (spec §7, §8, §9.5): ceremony commitments, shares and
 * complaints, and decryption shares. A trustee authenticates by its signature alone: the board
 * accepts a message only if it verifies under that trustee's ceremony key from the manifest
 * (`trusteeMessage` with the manifest hash, spec §9.5), and each kind once per trustee (a complaint
 * once per dealer). A ceremony message's content is checked as a verifier checks it (V3.1–V3.3,
 * spec §7.7 "The board"), and a decryption share in full (decryption-share-check.ts: its
 * checkpoint binding and proofs, V8.1–V8.2), before it is appended, so the board never appends a
 * message the verifier refuses. A decryption rehearsal share (spec §8.10) is checked against the
 * published verification keys (rehearsal-check.ts), between the key and the open.
 */
import { TRUSTEE_EVENT_TYPES, type TrusteeEventType } from '@scrutineer/api-contract';
import { hexToBytes } from '@scrutineer/crypto';
import { type EventBody, trusteeMessage, verifyStatement } from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';
import { checkComplaintOnBoard, checkDealerMessage } from './ceremony-messages.ts';
import { checkDecryptionShare } from './decryption-share-check.ts';
import { checkRehearsalOnBoard } from './rehearsal-check.ts';
import { type Appended, parseEventBody, withLockedHead } from './setup-steps.ts';

export function isTrusteeEventType(value: unknown): value is TrusteeEventType {
  return typeof value === 'string' && (TRUSTEE_EVENT_TYPES as readonly string[]).includes(value);
}

export async function postTrusteeMessage(
  context: ServiceContext,
  electionId: string,
  type: string,
  value: unknown
): Promise<Appended> {
  if (!isTrusteeEventType(type)) throw new ServiceError('trustee/wrong-type');
  const body = parseEventBody(type, value) as EventBody<TrusteeEventType>;
  const election = await context.elections.get(electionId);
  const member = election.manifest.trustees.members[body.trustee - 1];
  if (member === undefined) throw new ServiceError('trustee/unknown');
  let trusteeKey;
  try {
    trusteeKey = context.group.decodePoint(hexToBytes(member.publicKey));
  } catch {
    throw new ServiceError('trustee/unknown', 'The trustee key in the manifest is not a point.');
  }
  const message = trusteeMessage(type, body);
  if (!verifyStatement(context.group, election.manifestHash, trusteeKey, message, body.signature))
    throw new ServiceError('trustee/invalid-signature');
  if (type === 'trustee-commitments' || type === 'trustee-shares')
    checkDealerMessage(context.group, election.manifest, type, body as never);
  const subject =
    type === 'trustee-complaint' ? (body as EventBody<'trustee-complaint'>).dealer : 0;
  return withLockedHead(context, electionId, async (transaction, head) => {
    if (type === 'decryption-share')
      await checkDecryptionShare(
        context,
        transaction,
        electionId,
        body as EventBody<'decryption-share'>
      );
    const claimed = await transaction.query(
      `INSERT INTO trustee_messages (election_id, trustee, type, subject, position) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [electionId, body.trustee, type, subject, head.size]
    );
    if (claimed.length === 0) throw new ServiceError('trustee/duplicate-message');
    // After the claim: the named share is read under the head lock, and a refusal rolls back.
    if (type === 'trustee-complaint')
      await checkComplaintOnBoard(
        transaction,
        context.group,
        election.manifest,
        electionId,
        body as EventBody<'trustee-complaint'>
      );
    if (type === 'rehearsal-share')
      await checkRehearsalOnBoard(
        transaction,
        context.group,
        election.manifest,
        electionId,
        body as EventBody<'rehearsal-share'>
      );
    if (type === 'decryption-share') head.shareCount++;
    const appended = await appendEvent(transaction, head, type, body as never, context.clock());
    await writeAuditLog(transaction, electionId, `trustee-${body.trustee}`, type, {
      position: appended.position,
    });
    return { position: appended.position, hash: appended.hash };
  });
}
