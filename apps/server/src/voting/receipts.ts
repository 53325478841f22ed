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

export async function findBallot(
  database: Queryable,
  electionId: string,
  tracker: string
): Promise<StoredBallot | null> {
  const rows = await database.query<{
    kind: 'cast' | 'audited';
    body: string;
    credential: string | null;
    position: unknown;
    time: string;
    event_hash: string;
    receipt_signature: string;
  }>(
    'SELECT kind, body, credential, position, time, event_hash, receipt_signature FROM ballots WHERE election_id = $1 AND tracker = $2',
    [electionId, tracker]
  );
  const row = rows[0];
  if (row === undefined) return null;
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

export async function storeBallot(
  transaction: Queryable,
  kind: 'cast' | 'audited',
  body: string,
  credential: string | null,
  receipt: Receipt
): Promise<void> {
  await transaction.query(
    `INSERT INTO ballots (election_id, tracker, kind, credential, position, body, time, event_hash, receipt_signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      receipt.election,
      receipt.tracker,
      kind,
      credential,
      receipt.position,
      body,
      receipt.time,
      receipt.eventHash,
      receipt.signature,
    ]
  );
}
