/**
 * @module The head of an election's board: the one row every append locks. It holds what the next
 * event needs (size, last event hash, last time), the Merkle frontier (the roots of the perfect
 * subtrees of the log, spec §10.2.2), the stage (§9.6) and the facts fixed when the election was
 * keyed and opened. Reading it `FOR UPDATE` is the board's sequencing: concurrent appends, from
 * this process or another server instance, queue on the row lock.
 */
import { bytesToHex, concatBytes } from '@scrutineer/crypto';
import { EMPTY_TREE_ROOT, hashChildren } from '@scrutineer/record';
import { type Queryable, toBytes, toNumber } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import { type Stage, isStage } from './stages.ts';

export interface BoardHead {
  readonly electionId: string;
  size: number;
  headHash: string;
  lastTime: string;
  /** Roots of the perfect subtrees of the log, largest (leftmost) first. */
  frontier: Uint8Array[];
  stage: Stage;
  electionKey: string | null;
  baseHash: string | null;
  credentialCount: number | null;
  shareCount: number;
}

export interface HeadRow {
  size: unknown;
  head_hash: string;
  last_time: string;
  frontier: unknown;
  stage: string;
  election_key: string | null;
  base_hash: string | null;
  credential_count: unknown;
  share_count: number;
}

/** The head's columns, for a statement that reads the head with other facts (cast-facts.ts). */
export const HEAD_COLUMNS =
  'size, head_hash, last_time, frontier, stage, election_key, base_hash, credential_count, share_count';

export function headFromRow(electionId: string, row: HeadRow | undefined): BoardHead {
  if (row === undefined) throw new ServiceError('election/not-found');
  if (!isStage(row.stage)) throw new Error(`corrupt stage ${row.stage}`);
  const frontierBytes = toBytes(row.frontier);
  const frontier: Uint8Array[] = [];
  for (let offset = 0; offset < frontierBytes.length; offset += 32)
    frontier.push(frontierBytes.slice(offset, offset + 32));
  return {
    electionId,
    size: toNumber(row.size),
    headHash: row.head_hash,
    lastTime: row.last_time,
    frontier,
    stage: row.stage,
    electionKey: row.election_key,
    baseHash: row.base_hash,
    credentialCount: row.credential_count === null ? null : toNumber(row.credential_count),
    shareCount: row.share_count,
  };
}

/** The head as of now, without a lock: for reads and early refusals, never for decisions. */
export async function readHead(database: Queryable, electionId: string): Promise<BoardHead> {
  const rows = await database.query<HeadRow>(
    `SELECT ${HEAD_COLUMNS} FROM board_heads WHERE election_id = $1`,
    [electionId]
  );
  return headFromRow(electionId, rows[0]);
}

/** Locks the head row until the transaction ends: the board's only sequencing point. */
export async function lockHead(transaction: Queryable, electionId: string): Promise<BoardHead> {
  const rows = await transaction.query<HeadRow>(
    `SELECT ${HEAD_COLUMNS} FROM board_heads WHERE election_id = $1 FOR UPDATE`,
    [electionId]
  );
  return headFromRow(electionId, rows[0]);
}

export async function writeHead(transaction: Queryable, head: BoardHead): Promise<void> {
  await transaction.query(
    `UPDATE board_heads SET size = $2, head_hash = $3, last_time = $4, frontier = $5, stage = $6,
       election_key = $7, base_hash = $8, credential_count = $9, share_count = $10 WHERE election_id = $1`,
    [
      head.electionId,
      head.size,
      head.headHash,
      head.lastTime,
      concatBytes(...head.frontier),
      head.stage,
      head.electionKey,
      head.baseHash,
      head.credentialCount,
      head.shareCount,
    ]
  );
}

/** Spec §10.2.2: the Merkle root of the log, folding the frontier from the right. */
export function frontierRoot(frontier: readonly Uint8Array[]): string {
  if (frontier.length === 0) return bytesToHex(EMPTY_TREE_ROOT);
  let root = frontier[frontier.length - 1] as Uint8Array;
  for (let i = frontier.length - 2; i >= 0; i--)
    root = hashChildren(frontier[i] as Uint8Array, root);
  return bytesToHex(root);
}
