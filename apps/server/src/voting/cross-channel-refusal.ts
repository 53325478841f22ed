/**
 * @module Publishing a cross-channel refusal (spec §9.5 `cast-refused`, §9.7, docs/threat-model.md A16):
 * an online ballot for a credential that voted by post, or a postal return for one that voted
 * online. It goes on the board once per credential, channel and reason — the first attempt is the
 * evidence; repeats would only let one member fill the board.
 */
import type { EventBody } from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import { lockHead } from '../board/board-head.ts';
import type { Queryable } from '../database/database.ts';
import type { ElectionRecord } from '../elections/election-cache.ts';
import { writeAuditLog } from '../officials/audit-log.ts';
import type { ServiceContext } from '../service-context.ts';

type Channel = EventBody<'cast-refused'>['channel'];

/** Inside a transaction that already locked the head. Returns the position, or null if already recorded. */
export async function appendCrossChannelRefusal(
  context: ServiceContext,
  transaction: Queryable,
  head: Awaited<ReturnType<typeof lockHead>>,
  credential: string,
  channel: Channel
): Promise<number | null> {
  const reason = channel === 'online' ? 'already-voted-by-post' : 'already-voted-online';
  const claimed = await transaction.query(
    `INSERT INTO cast_refusals (election_id, credential, channel, reason, position) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [head.electionId, credential, channel, reason, head.size]
  );
  if (claimed.length === 0) return null;
  const appended = await appendEvent(
    transaction,
    head,
    'cast-refused',
    { credential, channel, reason },
    context.clock()
  );
  await writeAuditLog(transaction, head.electionId, 'board', 'cast-refused', {
    position: appended.position,
    channel,
    reason,
  });
  return appended.position;
}

/** In its own transaction. */
export async function recordCrossChannelRefusal(
  context: ServiceContext,
  election: ElectionRecord,
  credential: string,
  channel: Channel
): Promise<void> {
  await context.database.transaction(async (transaction) => {
    const head = await lockHead(transaction, election.electionId);
    await appendCrossChannelRefusal(context, transaction, head, credential, channel);
  });
}
