/**
 * @module Replacement packs (spec §9.2.7, §9.5 `credential-replaced`, V4.5): when a member's pack is
 * lost, damaged, never arrived, locked or compromised, the registrar issues a new one and signs an
 * approval; the officer posts it. The board revokes the old credential and lists the new key with
 * its answers hash (and, with a postal channel, the new return slip's commitment), in one
 * transaction, only if the registrar's approval verifies under the
 * manifest's `replacements.approverKey`, the reason is one of the spec's, the manifest's limit is
 * not reached and the close is not within `stopsBeforeClose` (board time). The officer's key alone
 * therefore replaces nothing. A credential that was already used (online or by post) cannot be
 * replaced: that would give its member a second vote.
 */
import {
  type EventBody,
  REPLACEMENT_REFUSALS,
  type ReplacementReason,
  replacementRefusal,
  verifyReplacementApproval,
} from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import { nextBoardTime } from '../board/board-clock.ts';
import { countReplacements } from '../board/replacement-count.ts';
import { type ErrorCode, ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';
import { type CredentialReference, resolveCredential } from './postal.ts';
import {
  type Appended,
  type CredentialEntry,
  checkCredentialEntries,
  insertCredentials,
  withLockedHead,
} from './setup-steps.ts';

export interface ReplacementRequest {
  readonly revoke: CredentialReference;
  readonly replacement: CredentialEntry;
  readonly reason: ReplacementReason;
  /** The registrar's signature over the event body without it (spec §9.5), hex. */
  readonly approval: string;
}

const REFUSAL_CODES = {
  'not-allowed': 'replacement/not-allowed',
  'limit-reached': 'replacement/limit-reached',
  'too-close-to-close': 'replacement/too-close-to-close',
} as const satisfies Record<string, ErrorCode>;

export async function replaceCredential(
  context: ServiceContext,
  electionId: string,
  request: ReplacementRequest
): Promise<Appended> {
  const { manifest: published } = await context.elections.get(electionId);
  checkCredentialEntries(context, [request.replacement], published, true);
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    const { manifest } = election;
    // The time the event will carry: the same `now` goes to appendEvent below.
    const now = context.clock();
    if (head.stage !== 'open' || head.baseHash === null)
      throw new ServiceError(
        'election/wrong-stage',
        `credential-replaced cannot be posted while the election is at stage ${head.stage}`
      );
    const { total } = await countReplacements(transaction, electionId);
    const refusal = replacementRefusal(manifest, total, nextBoardTime(now, head.lastTime));
    if (refusal !== null)
      throw new ServiceError(REFUSAL_CODES[refusal], REPLACEMENT_REFUSALS[refusal]);
    const { credential, status } = await resolveCredential(transaction, electionId, request.revoke);
    const body: EventBody<'credential-replaced'> = {
      revoked: credential,
      replacement: request.replacement.key,
      // Spec §9.5.3: the new pack's return commitment, when the election has a postal channel.
      ...(request.replacement.returnCommitment === undefined
        ? {}
        : { return: request.replacement.returnCommitment }),
      reason: request.reason,
      approval: request.approval,
    };
    const approverKey = manifest.replacements?.approverKey ?? '';
    if (!verifyReplacementApproval(context.group, head.baseHash, approverKey, body))
      throw new ServiceError('replacement/invalid-approval');
    if (status === 'revoked') throw new ServiceError('credential/revoked');
    const used = await transaction.query(
      'SELECT 1 FROM credential_uses WHERE election_id = $1 AND credential = $2',
      [electionId, credential]
    );
    if (used.length > 0) throw new ServiceError('credential/already-used');
    const appended = await appendEvent(transaction, head, 'credential-replaced', body, now);
    await transaction.query(
      "UPDATE credentials SET status = 'revoked' WHERE election_id = $1 AND credential = $2",
      [electionId, credential]
    );
    await insertCredentials(transaction, electionId, [request.replacement]);
    // Spec §13.1, §13.4: the replacement votes in the same contests with the same weight.
    await transaction.query(
      `UPDATE credentials SET (style, weight) = (SELECT style, weight FROM credentials
         WHERE election_id = $1 AND credential = $2) WHERE election_id = $1 AND credential = $3`,
      [electionId, credential, request.replacement.key]
    );
    await writeAuditLog(transaction, electionId, 'officer', 'credential-replaced', {
      position: appended.position,
      reason: request.reason,
    });
    return { position: appended.position, hash: appended.hash };
  });
}
