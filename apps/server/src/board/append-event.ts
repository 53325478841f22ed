/**
 * @module Appending one event to the board (spec §9.5, §10.2) inside the caller's transaction,
 * after the caller locked the head (board-head.ts). The event's position and `previous` come from
 * the locked head, its time from the board clock; its canonical line, event hash and Merkle leaf
 * are stored with the perfect subtrees it completes, and the head moves on, all in the same
 * transaction: either the whole event is on the board or none of it.
 */
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import {
  type BoardEvent,
  type EventBody,
  type EventType,
  canonicalize,
  hashChildren,
  hashLeaf,
  makeBoardEvent,
  parseBoardEvent,
} from '@scrutineer/record';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import { nextBoardTime } from './board-clock.ts';
import { type BoardHead, writeHead } from './board-head.ts';
import { isAllowedIn, stageAfter } from './stages.ts';

export interface AppendedEvent {
  readonly event: BoardEvent;
  readonly position: number;
  readonly time: string;
  /** Event hash (spec §9.5), hex. */
  readonly hash: string;
  /** The canonical line, without newline. */
  readonly line: string;
}

/**
 * Appends `type`/`body` after `head` (locked by the caller) and updates `head` in memory and in
 * the database. Refuses an event the stage does not admit (V2.5) with `election/wrong-stage`.
 */
export async function appendEvent<T extends EventType>(
  transaction: Queryable,
  head: BoardHead,
  type: T,
  body: EventBody<T>,
  now: Date
): Promise<AppendedEvent> {
  if (!isAllowedIn(type, head.stage)) {
    throw new ServiceError(
      'election/wrong-stage',
      `${type} cannot be posted while the election is at stage ${head.stage}`
    );
  }
  const time = nextBoardTime(now, head.lastTime);
  const previous = head.size === 0 ? null : { position: head.size - 1, hash: head.headHash };
  const event = makeBoardEvent(previous, type, time, body);
  // The board never writes a line a verifier would refuse (V2.1): a bug here must not reach it.
  const checked = parseBoardEvent(JSON.parse(canonicalize(event)));
  if (!checked.ok)
    throw new Error(
      `board refused its own ${type} event: ${checked.error.code} ${checked.error.message}`
    );
  const line = canonicalize(event);
  const lineBytes = utf8(line);
  const hash = bytesToHex(sha256(lineBytes));
  const position = event.position;

  // Spec §10.2.2: appending a leaf merges equal perfect subtrees like a binary counter; every
  // subtree completed is stored, so proofs for any size read O(log n) nodes.
  const nodes: { level: number; index: number; hash: Uint8Array }[] = [];
  let carried = hashLeaf(lineBytes);
  let index = position;
  let level = 0;
  nodes.push({ level, index, hash: carried });
  let remaining = position;
  while (remaining % 2 === 1) {
    carried = hashChildren(head.frontier.pop() as Uint8Array, carried);
    remaining = (remaining - 1) / 2;
    index = Math.floor(index / 2);
    level++;
    nodes.push({ level, index, hash: carried });
  }
  head.frontier.push(carried);

  await transaction.query(
    'INSERT INTO events (election_id, position, type, line, event_hash, time) VALUES ($1, $2, $3, $4, $5, $6)',
    [head.electionId, position, type, line, hash, time]
  );
  await transaction.query(
    `INSERT INTO merkle_nodes (election_id, level, node_index, hash)
     SELECT $1, level, node_index, decode(hash, 'hex') FROM unnest($2::smallint[], $3::bigint[], $4::text[]) AS n(level, node_index, hash)`,
    [
      head.electionId,
      nodes.map((n) => n.level),
      nodes.map((n) => n.index),
      nodes.map((n) => bytesToHex(n.hash)),
    ]
  );
  head.size = position + 1;
  head.headHash = hash;
  head.lastTime = time;
  head.stage = stageAfter(type, head.stage);
  await writeHead(transaction, head);
  return { event, position, time, hash, line };
}
