/**
 * @module Reading the board: pages of events, one event with its Merkle leaf, the election summary,
 * and the record bundle of spec §9.1 — `format.json`, `board.jsonl` and `checkpoints.jsonl`
 * streamed page by page, so a 160,000-ballot board never sits in memory, and `nominations.json`
 * once the officer has published it — or written to a directory for `scrutineer verify`.
 */
import type { ElectionSummary } from '@scrutineer/api-contract';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { canonicalize, electionFingerprint } from '@scrutineer/record';
import { type Queryable, toNumber } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import { readHead } from './board-head.ts';
import { countReplacements } from './replacement-count.ts';
import { listCheckpoints } from './checkpoints.ts';
import { listCosignatures } from './cosignatures.ts';

export const FORMAT_JSON = canonicalize({ format: 'scrutineer-record', version: 1 });
const PAGE = 1000;

export interface EventPage {
  /** The canonical lines of the events, in order. */
  readonly lines: string[];
  /** The position to ask for next, or null at the head. */
  readonly next: number | null;
  readonly size: number;
}

export async function readEventLines(
  database: Queryable,
  electionId: string,
  from: number,
  limit: number
): Promise<EventPage> {
  const head = await readHead(database, electionId);
  const rows = await database.query<{ line: string }>(
    'SELECT line FROM events WHERE election_id = $1 AND position >= $2 ORDER BY position LIMIT $3',
    [electionId, from, limit]
  );
  const end = from + rows.length;
  return { lines: rows.map((r) => r.line), next: end < head.size ? end : null, size: head.size };
}

export async function readEventLine(
  database: Queryable,
  electionId: string,
  position: number
): Promise<{ line: string; hash: string }> {
  const rows = await database.query<{ line: string; event_hash: string }>(
    'SELECT line, event_hash FROM events WHERE election_id = $1 AND position = $2',
    [electionId, position]
  );
  if (rows[0] === undefined) {
    await readHead(database, electionId);
    throw new ServiceError('board/position-out-of-range');
  }
  return { line: rows[0].line, hash: rows[0].event_hash };
}

/** What the board's head says of an election: the contract's summary without the election's keys. */
export type BoardSummary = Omit<ElectionSummary, 'manifestHash' | 'boardPublicKey'>;

export async function electionSummary(
  database: Queryable,
  electionId: string
): Promise<BoardSummary> {
  const head = await readHead(database, electionId);
  return {
    electionId,
    stage: head.stage,
    size: head.size,
    headHash: head.headHash,
    electionKey: head.electionKey,
    baseHash: head.baseHash,
    fingerprint: head.baseHash === null ? null : electionFingerprint(head.baseHash),
    credentialCount: head.credentialCount,
    replacements: await countReplacements(database, electionId),
  };
}

/** `board.jsonl` (spec §9.1, §10.1.4): every line with its newline, page by page. */
export async function* boardJsonl(database: Queryable, electionId: string): AsyncGenerator<string> {
  await readHead(database, electionId);
  let from = 0;
  for (;;) {
    const rows = await database.query<{ line: string; position: unknown }>(
      'SELECT line, position FROM events WHERE election_id = $1 AND position >= $2 ORDER BY position LIMIT $3',
      [electionId, from, PAGE]
    );
    if (rows.length > 0) yield rows.map((r) => `${r.line}\n`).join('');
    if (rows.length < PAGE) return;
    from = toNumber((rows[rows.length - 1] as { position: unknown }).position) + 1;
  }
}

/** `checkpoints.jsonl` (spec §9.1, §10.3): in increasing size. */
export async function* checkpointsJsonl(
  database: Queryable,
  electionId: string
): AsyncGenerator<string> {
  await readHead(database, electionId);
  let from = 1;
  for (;;) {
    const checkpoints = await listCheckpoints(database, electionId, from, PAGE);
    if (checkpoints.length > 0) yield checkpoints.map((c) => `${canonicalize(c)}\n`).join('');
    if (checkpoints.length < PAGE) return;
    from = (checkpoints[checkpoints.length - 1]?.size ?? 0) + 1;
  }
}

async function writeStream(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/**
 * The published `nominations.json` (spec §9.1, §9.2.6), the exact text the officer uploaded (its
 * SHA-256 is what V1.3 checks), or undefined while none is published.
 */
/**
 * `cosignatures.jsonl` (spec §9.1, §10.6.2): by size, then witness key, of checkpoints of size ≤
 * `to` only: a bundle carries co-signatures of its own checkpoints, so whoever wrote
 * `checkpoints.jsonl` first passes its last size (a checkpoint signed and co-signed in between
 * would otherwise be co-signed in the bundle but missing from it).
 */
export async function* cosignaturesJsonl(
  database: Queryable,
  electionId: string,
  to = Number.MAX_SAFE_INTEGER
): AsyncGenerator<string> {
  await readHead(database, electionId);
  let from = 1;
  for (;;) {
    const page = await listCosignatures(database, electionId, from, to, PAGE);
    const lines = (list: typeof page) => list.map((c) => `${canonicalize(c)}\n`).join('');
    if (page.length < PAGE) {
      if (page.length > 0) yield lines(page);
      return;
    }
    // The last size may go on in the next page, so it starts there. A full page spans at least
    // 50 sizes (at most 20 witnesses co-sign one, §9.2.8), so this always moves on.
    const last = (page.at(-1) as (typeof page)[number]).size;
    yield lines(page.filter((c) => c.size < last));
    from = last;
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** The size of the last line of a `checkpoints.jsonl` text (0 when it has none). */
export function lastCheckpointSize(text: string): number {
  const last = text.trimEnd().split('\n').at(-1) ?? '';
  return last === '' ? 0 : (JSON.parse(last) as { size: number }).size;
}

export async function publishedNominations(
  database: Queryable,
  electionId: string
): Promise<string | undefined> {
  const rows = await database.query<{ document: string }>(
    'SELECT document FROM nominations WHERE election_id = $1',
    [electionId]
  );
  return rows[0]?.document;
}

/**
 * Writes the record bundle of `electionId` to `directory` (created if missing): what
 * `scrutineer verify <directory>` reads. A board that is still growing gives a consistent prefix:
 * the checkpoints are read first, so none claims more than the board lines written after.
 * `nominations.json` is written only when published: the bundle has none otherwise (spec §9.1
 * makes it optional, and V1.3 asks for it only when the manifest names nominations).
 */
export async function writeRecordBundle(
  database: Queryable,
  electionId: string,
  directory: string
): Promise<void> {
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, 'format.json'), `${FORMAT_JSON}\n`);
  const checkpoints = await collect(checkpointsJsonl(database, electionId));
  await writeFile(join(directory, 'checkpoints.jsonl'), checkpoints);
  const lastSize = lastCheckpointSize(checkpoints);
  await writeStream(
    join(directory, 'cosignatures.jsonl'),
    cosignaturesJsonl(database, electionId, lastSize)
  );
  await writeStream(join(directory, 'board.jsonl'), boardJsonl(database, electionId));
  const nominations = await publishedNominations(database, electionId);
  if (nominations !== undefined) await writeFile(join(directory, 'nominations.json'), nominations);
}
