/**
 * @module Receipts (spec §10.4): the board's signed statement that a ballot (by its tracker) is at
 * a position of the log, at a board time, as an event with a given hash. Signed once, stored with
 * the ballot, and returned identically to every resubmission of the same ballot.
 */
import { type Receipt, receiptMessage, signStatement } from '@scrutineer/record';
import { type Queryable, toNumber } from '../database/database.ts';
import type { ElectionRecord } from '../elections/election-cache.ts';
import type { ServiceContext } from '../service-context.ts';

export function signReceipt(
  context: ServiceContext,
  election: ElectionRecord,
  unsigned: Omit<Receipt, 'signature'>
): Receipt {
  const signature = signStatement(
    context.group,
    election.manifestHash,
    election.boardSecretKey,
    receiptMessage(unsigned)
  );
  return { ...unsigned, signature };
}

export interface StoredBallot {
  readonly kind: 'cast' | 'audited';
  /** Canonical JSON of the ballot as published. */
  readonly body: string;
  readonly credential: string | null;
  readonly receipt: Receipt;
}

/**
 * The receipt again if `stored` is this very ballot from this member (an idempotent resubmission,
 * or a retry after a lost answer), else null: a copy under another credential is no replay.
 */
export function replayOf(
  stored: StoredBallot | null,
  cast: { readonly body: string; readonly credential: string }
): Receipt | null {
  return stored !== null &&
    stored.kind === 'cast' &&
    stored.body === cast.body &&
    stored.credential === cast.credential
    ? stored.receipt
    : null;
}

export async function findBallot(
  database: Queryable,
  electionId: string,
  tracker: string
): Promise<StoredBallot | null> {
  const rows = await database.query<BallotRow>(
    `SELECT ${BALLOT_COLUMNS} FROM ballots WHERE election_id = $1 AND tracker = $2`,
    [electionId, tracker]
  );
  return storedBallotFromRow(electionId, tracker, rows[0]);
}

export interface BallotRow {
  kind: 'cast' | 'audited';
  body: string;
  credential: string | null;
  position: unknown;
  time: string;
  event_hash: string;
  receipt_signature: string;
}

export const BALLOT_COLUMNS =
  'kind, body, credential, position, time, event_hash, receipt_signature';

export function storedBallotFromRow(
  electionId: string,
  tracker: string,
  row: BallotRow | null | undefined
): StoredBallot | null {
  if (row === null || row === undefined) return null;
  return {
    kind: row.kind,
    body: row.body,
    credential: row.credential,
    receipt: {
      election: electionId,
      tracker,
      position: toNumber(row.position),
      time: row.time,
      eventHash: row.event_hash,
      signature: row.receipt_signature,
    },
  };
}

export function storeBallot(
  transaction: Queryable,
  kind: 'cast' | 'audited',
  body: string,
  credential: string | null,
  receipt: Receipt
): Promise<void> {
  return storeBallots(transaction, kind, [{ body, credential, receipt }]);
}

/** Stores several ballots of one kind in one statement (the cast path's group commit). */
export async function storeBallots(
  transaction: Queryable,
  kind: 'cast' | 'audited',
  ballots: readonly { body: string; credential: string | null; receipt: Receipt }[]
): Promise<void> {
  if (ballots.length === 0) return;
  await transaction.query(
    `INSERT INTO ballots (election_id, tracker, kind, credential, position, body, time, event_hash, receipt_signature)
     SELECT $1, tracker, $2, credential, position, body, time, event_hash, receipt_signature
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS b(tracker, credential, position, body, time, event_hash, receipt_signature)`,
    [
      ballots[0]?.receipt.election,
      kind,
      ballots.map((b) => b.receipt.tracker),
      ballots.map((b) => b.credential),
      ballots.map((b) => b.receipt.position),
      ballots.map((b) => b.body),
      ballots.map((b) => b.receipt.time),
      ballots.map((b) => b.receipt.eventHash),
      ballots.map((b) => b.receipt.signature),
    ]
  );
}
