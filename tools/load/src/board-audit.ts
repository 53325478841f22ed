/**
 * @module The checks after a load or chaos run: the published record fetched over HTTP,
 * every `ballot-cast` event compared with the receipts the generator holds. Acknowledged but not
 * on the board (or on it under another hash) = missing; one credential or tracker twice =
 * duplicate; on the board but never acknowledged = a commit without a receipt.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ReceiptFields } from './cast-driver.ts';
import type { LoadClient } from './http-client.ts';
import type { LoadRun } from './load-run.ts';

export interface BoardAudit {
  readonly events: number;
  readonly ballotsOnBoard: number;
  readonly acknowledged: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly committedWithoutReceipt: number;
  /** Tracker → member, for every ballot on the board that the generator sent. */
  readonly onBoard: ReadonlyMap<string, number>;
}

/** Writes format.json, board.jsonl and checkpoints.jsonl as the board publishes them. */
export async function fetchRecord(
  client: LoadClient,
  target: { readonly url: string },
  electionId: string,
  directory: string
): Promise<string> {
  await mkdir(directory, { recursive: true });
  for (const file of ['format.json', 'board.jsonl', 'checkpoints.jsonl'])
    await client.download(
      target.url,
      `/api/elections/${electionId}/record/${file}`,
      join(directory, file)
    );
  return join(directory, 'board.jsonl');
}

/** {@link fetchRecord} into `directory`, then {@link auditBoard} against the receipts. */
export async function fetchAndAuditBoard(
  client: LoadClient,
  target: { readonly url: string },
  electionId: string,
  directory: string,
  receipts: ReadonlyMap<number, ReceiptFields>,
  credentials: readonly string[]
): Promise<BoardAudit> {
  const board = await fetchRecord(client, target, electionId, directory);
  return auditBoard(
    createInterface({ input: createReadStream(board, 'utf8'), crlfDelay: Infinity }),
    receipts,
    credentials
  );
}

/** {@link fetchAndAuditBoard} for a load run's election, in a temporary directory removed after. */
export async function auditLoadRun(
  run: LoadRun,
  receipts: ReadonlyMap<number, ReceiptFields>
): Promise<BoardAudit> {
  const directory = await mkdtemp(join(tmpdir(), 'scrutineer-audit-'));
  try {
    const { election } = run.prepared;
    return await fetchAndAuditBoard(
      run.client,
      run.target,
      election.electionId,
      directory,
      receipts,
      election.voters.map((v) => v.credential)
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export async function auditBoard(
  /** board.jsonl, line by line. */
  boardLines: AsyncIterable<string> | Iterable<string>,
  receipts: ReadonlyMap<number, ReceiptFields>,
  /** Member i's credential, hex. */
  credentials: readonly string[]
): Promise<BoardAudit> {
  const memberByCredential = new Map(credentials.map((credential, member) => [credential, member]));
  let events = 0;
  const seenCredentials = new Set<string>();
  const onBoard = new Map<string, number>();
  const hashAt = new Map<number, string>();
  let duplicates = 0;
  let ballots = 0;
  for await (const line of boardLines) {
    if (line === '') continue;
    events++;
    const event = JSON.parse(line) as {
      position: number;
      type: string;
      body: { tracker?: string; ballot?: { credential?: string } };
    };
    hashAt.set(event.position, createHash('sha256').update(line).digest('hex'));
    if (event.type !== 'ballot-cast') continue;
    ballots++;
    const credential = event.body.ballot?.credential ?? '';
    const tracker = event.body.tracker ?? '';
    if (seenCredentials.has(credential) || onBoard.has(tracker)) duplicates++;
    seenCredentials.add(credential);
    const member = memberByCredential.get(credential);
    if (member !== undefined) onBoard.set(tracker, member);
  }
  let missing = 0;
  for (const receipt of receipts.values())
    if (!onBoard.has(receipt.tracker) || hashAt.get(receipt.position) !== receipt.eventHash)
      missing++;
  const acknowledgedTrackers = new Set([...receipts.values()].map((r) => r.tracker));
  const committedWithoutReceipt = [...onBoard.keys()].filter(
    (tracker) => !acknowledgedTrackers.has(tracker)
  ).length;
  return {
    events,
    ballotsOnBoard: ballots,
    acknowledged: receipts.size,
    missing,
    duplicates,
    committedWithoutReceipt,
    onBoard,
  };
}
