/**
 * @module Replacement packs (spec §9.5 `credential-replaced`, V4.5): when a member's credential is
 * locked, lost or compromised, the officer revokes it on the board and adds the new pack's key
 * with its answers hash (and, with a postal channel, the new return slip's commitment), in one
 * transaction. A credential that was already used (online or by
 * post) cannot be replaced: that would give its member a second vote.
 */
import { appendEvent } from '../board/append-event.ts';
import { ServiceError } from '../http-errors.ts';
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

export async function replaceCredential(
  context: ServiceContext,
  electionId: string,
  reference: CredentialReference,
  replacement: CredentialEntry
): Promise<Appended> {
  const election = await context.elections.get(electionId);
  checkCredentialEntries(context, [replacement], election.manifest.channels);
  return withLockedHead(context, electionId, async (transaction, head) => {
    const { credential, status } = await resolveCredential(transaction, electionId, reference);
    if (status === 'revoked') throw new ServiceError('credential/revoked');
    const used = await transaction.query(
      'SELECT 1 FROM credential_uses WHERE election_id = $1 AND credential = $2',
      [electionId, credential]
    );
    if (used.length > 0) throw new ServiceError('credential/already-used');
    const appended = await appendEvent(
      transaction,
      head,
      'credential-replaced',
      // Spec §9.5: the new pack's return commitment, when the election has a postal channel.
      replacement.returnCommitment === undefined
        ? { revoked: credential, replacement: replacement.key }
        : {
            revoked: credential,
            replacement: replacement.key,
            return: replacement.returnCommitment,
          },
      context.clock()
    );
    await transaction.query(
      "UPDATE credentials SET status = 'revoked' WHERE election_id = $1 AND credential = $2",
      [electionId, credential]
    );
    await insertCredentials(transaction, electionId, [replacement]);
    await writeAuditLog(transaction, electionId, 'officer', 'credential-replaced', {
      position: appended.position,
    });
    return { position: appended.position, hash: appended.hash };
  });
}
