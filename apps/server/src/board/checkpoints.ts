/**
 * @module Checkpoints (spec §10.3): the board's signed statements of its log's size and Merkle
 * root. Signed under the head lock, so checkpoints are totally ordered with the events and their
 * sizes strictly increase, whichever instance signs. The policy signs after every N events,
 * on a timer if the log grew, at close, and on the officer's demand.
 */
import { type Checkpoint, checkpointMessage, signStatement } from '@scrutineer/record';
import { type Queryable, toNumber } from '../database/database.ts';
import type { ElectionRecord } from '../elections/election-cache.ts';
import type { ServiceContext } from '../service-context.ts';
import { nextBoardTime } from './board-clock.ts';
import { type BoardHead, frontierRoot, lockHead } from './board-head.ts';

interface CheckpointRow {
  size: unknown;
  root: string;
  time: string;
  signature: string;
}

function fromRow(row: CheckpointRow): Checkpoint {
  return { size: toNumber(row.size), root: row.root, time: row.time, signature: row.signature };
}

/** Signs a checkpoint of the head inside the caller's transaction, unless one of this size exists. */
export async function signCheckpointLocked(
  context: ServiceContext,
  transaction: Queryable,
  election: ElectionRecord,
  head: BoardHead
): Promise<Checkpoint | null> {
  if (head.size === 0) return null;
  const latest = await transaction.query<{ size: unknown }>(
    'SELECT max(size) AS size FROM checkpoints WHERE election_id = $1',
    [election.electionId]
  );
  const latestSize =
    latest[0]?.size === null || latest[0] === undefined ? 0 : toNumber(latest[0].size);
  if (latestSize >= head.size) return null;
  const unsigned = {
    size: head.size,
    root: frontierRoot(head.frontier),
    time: nextBoardTime(context.clock(), head.lastTime),
  };
  const signature = signStatement(
    context.group,
    election.manifestHash,
    election.boardSecretKey,
    checkpointMessage(election.electionId, unsigned)
  );
  const checkpoint: Checkpoint = { ...unsigned, signature };
  await transaction.query(
    'INSERT INTO checkpoints (election_id, size, root, time, signature) VALUES ($1, $2, $3, $4, $5)',
    [election.electionId, checkpoint.size, checkpoint.root, checkpoint.time, checkpoint.signature]
  );
  return checkpoint;
}

/** Signs a checkpoint of the current log now (if it grew since the last one); returns the latest. */
export async function signCheckpoint(
  context: ServiceContext,
  electionId: string
): Promise<Checkpoint | null> {
  const election = await context.elections.get(electionId);
  await context.database.transaction(async (transaction) => {
    const head = await lockHead(transaction, electionId);
    await signCheckpointLocked(context, transaction, election, head);
  });
  return latestCheckpoint(context.database, electionId);
}

/**
 * After a committed append at `position`: signs a checkpoint when the log reaches a multiple of the
 * policy's event count (the timer catches up on anything missed). A failure is logged, never
 * raised: the event is already committed and its receipt must not become an error.
 */
export async function checkpointAfterAppend(
  context: ServiceContext,
  electionId: string,
  position: number
): Promise<void> {
  if ((position + 1) % context.checkpoints.everyEvents !== 0) return;
  await signCheckpoint(context, electionId).catch((error: unknown) =>
    context.logger.error({ electionId, err: String(error) }, 'checkpoint after append failed')
  );
}

export async function latestCheckpoint(
  database: Queryable,
  electionId: string
): Promise<Checkpoint | null> {
  const rows = await database.query<CheckpointRow>(
    'SELECT size, root, time, signature FROM checkpoints WHERE election_id = $1 ORDER BY size DESC LIMIT 1',
    [electionId]
  );
  return rows[0] === undefined ? null : fromRow(rows[0]);
}

export async function listCheckpoints(
  database: Queryable,
  electionId: string,
  from = 0,
  limit = 1000
): Promise<Checkpoint[]> {
  const rows = await database.query<CheckpointRow>(
    'SELECT size, root, time, signature FROM checkpoints WHERE election_id = $1 AND size >= $2 ORDER BY size LIMIT $3',
    [electionId, from, limit]
  );
  return rows.map(fromRow);
}

export async function checkpointAt(
  database: Queryable,
  electionId: string,
  size: number
): Promise<Checkpoint | null> {
  const rows = await database.query<CheckpointRow>(
    'SELECT size, root, time, signature FROM checkpoints WHERE election_id = $1 AND size = $2',
    [electionId, size]
  );
  return rows[0] === undefined ? null : fromRow(rows[0]);
}
