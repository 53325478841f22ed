/**
 * @module What voters and the public may ask during voting: where a tracker is on the board, what
 * became of one's own credential (signed-in members only), and the turnout by channel. Nothing
 * here, or anywhere before the result, counts anything per candidate (docs/threat-model.md A26).
 */
import { readHead } from '../board/board-head.ts';
import { type Queryable, toNumber } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import { MAX_FAILED_ATTEMPTS } from '../auth/sign-in.ts';

export interface TrackerEntry {
  readonly tracker: string;
  readonly kind: 'cast' | 'audited';
  readonly position: number;
  readonly time: string;
  readonly eventHash: string;
  /** Under last-ballot-counts: a later ballot of the same credential replaced this one. */
  readonly superseded: boolean;
}

export async function lookupTracker(
  database: Queryable,
  electionId: string,
  tracker: string
): Promise<TrackerEntry> {
  const rows = await database.query<{
    kind: 'cast' | 'audited';
    position: unknown;
    time: string;
    event_hash: string;
    superseded: boolean;
  }>(
    `SELECT b.kind, b.position, b.time, b.event_hash,
            EXISTS (SELECT 1 FROM ballots later WHERE later.election_id = b.election_id AND later.kind = 'cast'
                      AND later.credential = b.credential AND later.position > b.position) AS superseded
       FROM ballots b WHERE b.election_id = $1 AND b.tracker = $2`,
    [electionId, tracker]
  );
  const row = rows[0];
  if (row === undefined) {
    await readHead(database, electionId);
    throw new ServiceError('board/tracker-not-found');
  }
  return {
    tracker,
    kind: row.kind,
    position: toNumber(row.position),
    time: row.time,
    eventHash: row.event_hash,
    superseded: row.superseded,
  };
}

export interface CredentialReport {
  readonly credential: string;
  readonly status: 'active' | 'revoked';
  readonly locked: boolean;
  /** How this credential was used: null if not at all. */
  readonly channel: 'online' | 'postal' | null;
  readonly ballots: readonly {
    readonly tracker: string;
    readonly position: number;
    readonly time: string;
  }[];
}

export async function credentialReport(
  database: Queryable,
  electionId: string,
  credential: string
): Promise<CredentialReport> {
  const rows = await database.query<{
    status: 'active' | 'revoked';
    failed_attempts: number;
    channel: 'online' | 'postal' | null;
  }>(
    `SELECT c.status, c.failed_attempts, u.channel FROM credentials c
       LEFT JOIN credential_uses u ON u.election_id = c.election_id AND u.credential = c.credential
      WHERE c.election_id = $1 AND c.credential = $2`,
    [electionId, credential]
  );
  const row = rows[0];
  if (row === undefined)
    throw new ServiceError('auth/invalid-token', 'The signed-in credential is not on this board.');
  const ballots = await database.query<{ tracker: string; position: unknown; time: string }>(
    "SELECT tracker, position, time FROM ballots WHERE election_id = $1 AND credential = $2 AND kind = 'cast' ORDER BY position",
    [electionId, credential]
  );
  return {
    credential,
    status: row.status,
    locked: row.failed_attempts >= MAX_FAILED_ATTEMPTS,
    channel: row.channel,
    ballots: ballots.map((b) => ({
      tracker: b.tracker,
      position: toNumber(b.position),
      time: b.time,
    })),
  };
}

export interface Turnout {
  /** Members who voted online (a re-vote under last-ballot-counts counts once). */
  readonly online: number;
  readonly postal: number;
  readonly total: number;
  /** Credentials published at open (null before). */
  readonly eligible: number | null;
  readonly stage: string;
}

export async function turnout(database: Queryable, electionId: string): Promise<Turnout> {
  const head = await readHead(database, electionId);
  const rows = await database.query<{ channel: string; count: unknown }>(
    'SELECT channel, count(*) AS count FROM credential_uses WHERE election_id = $1 GROUP BY channel',
    [electionId]
  );
  const count = (channel: string): number => {
    const row = rows.find((r) => r.channel === channel);
    return row === undefined ? 0 : toNumber(row.count);
  };
  const online = count('online');
  const postal = count('postal');
  return {
    online,
    postal,
    total: online + postal,
    eligible: head.credentialCount,
    stage: head.stage,
  };
}
