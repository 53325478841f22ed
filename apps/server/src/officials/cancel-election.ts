/**
 * @module Cancelling an election that cannot complete (spec §9.6): fewer than k trustees can still
 * decrypt, or the ceremony failed. The officer posts `election-cancelled` with a public reason;
 * the board appends it from any stage before `final`, signs a checkpoint that covers it (a
 * cancelled record is sealed like a final one), and from then on refuses every event (no stage
 * admits one after `cancelled`, V2.5, V2.8). It is one transaction on the locked head, a board
 * event and an audit-log row, like the other officer steps.
 */
import { appendEvent } from '../board/append-event.ts';
import { signCheckpointLocked } from '../board/checkpoints.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';
import { type Appended, parseEventBody, withLockedHead } from './setup-steps.ts';

export async function cancelElection(
  context: ServiceContext,
  electionId: string,
  value: unknown
): Promise<Appended> {
  const body = parseEventBody('election-cancelled', value);
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    const from = head.stage;
    // appendEvent refuses (election/wrong-stage) at `final` and at `cancelled` (spec §9.6.1).
    const appended = await appendEvent(
      transaction,
      head,
      'election-cancelled',
      body,
      context.clock()
    );
    await signCheckpointLocked(context, transaction, election, head);
    await writeAuditLog(transaction, electionId, 'officer', 'cancel', {
      position: appended.position,
      from,
    });
    return { position: appended.position, hash: appended.hash };
  });
}
