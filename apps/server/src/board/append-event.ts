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

/** An event built in memory after `head`, with the Merkle nodes it completes (spec §10.2.2). */
interface PreparedEvent {
  readonly appended: AppendedEvent;
  readonly type: EventType;
  readonly nodes: readonly { level: number; index: number; hash: Uint8Array }[];
}

/**
 * Builds `type`/`body` as the event after `head` and moves `head` on in memory (not yet in the
 * database). Refuses an event the stage does not admit (V2.5) with `election/wrong-stage`.
 */
function prepareEvent<T extends EventType>(
  head: BoardHead,
  type: T,
  body: EventBody<T>,
  now: Date
): PreparedEvent {
  if (!isAllowedIn(type, head.stage)) {
    throw new ServiceError(
      'election/wrong-stage',
      `${type} cannot be posted while the election is at stage ${head.stage}`
    );
  }
  const time = nextBoardTime(now, head.lastTime);
  const previous = head.size === 0 ? null : { position: head.size - 1, hash: head.headHash };
  const event = makeBoardEvent(previous, type, time, body);
  const line = canonicalize(event);
  // The board never writes a line a verifier would refuse (V2.1): a bug here must not reach it.
  const checked = parseBoardEvent(JSON.parse(line));
  if (!checked.ok)
    throw new Error(
      `board refused its own ${type} event: ${checked.error.code} ${checked.error.message}`
    );
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
  head.size = position + 1;
  head.headHash = hash;
  head.lastTime = time;
  head.stage = stageAfter(type, head.stage);
  return { appended: { event, position, time, hash, line }, type, nodes };
}

/** Writes prepared events, their Merkle nodes and the moved head: three statements in all. */
async function writeEvents(
  transaction: Queryable,
  head: BoardHead,
  prepared: readonly PreparedEvent[]
): Promise<void> {
  const nodes = prepared.flatMap((p) => p.nodes);
  await transaction.query(
    `INSERT INTO events (election_id, position, type, line, event_hash, time)
     SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      head.electionId,
      prepared.map((p) => p.appended.position),
      prepared.map((p) => p.type),
      prepared.map((p) => p.appended.line),
      prepared.map((p) => p.appended.hash),
      prepared.map((p) => p.appended.time),
    ]
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
  await writeHead(transaction, head);
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
  const prepared = prepareEvent(head, type, body, now);
  await writeEvents(transaction, head, [prepared]);
  return prepared.appended;
}

/**
 * Appends several events of one type in order after `head` (locked by the caller), in three
 * statements whatever their number: the group commit of the cast path. All or none.
 */
export async function appendEvents<T extends EventType>(
  transaction: Queryable,
  head: BoardHead,
  type: T,
  bodies: readonly EventBody<T>[],
  now: Date
): Promise<AppendedEvent[]> {
  if (bodies.length === 0) return [];
  const prepared = bodies.map((body) => prepareEvent(head, type, body, now));
  await writeEvents(transaction, head, prepared);
  return prepared.map((p) => p.appended);
}
