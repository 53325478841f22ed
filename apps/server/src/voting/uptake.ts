/**
 * @module Verification uptake (spec §9.10): privacy-safe aggregate counts of what voters and
 * observers checked — trackers looked up, "was my pack used?" queries, verifier runs reported back
 * voluntarily (valid or not) — and the ballots challenged (device checks), counted from the board.
 * Only totals are kept: no tracker, credential, address or time. They are published with the
 * result, never during voting, so a count's change cannot be tied to a moment or a person.
 */
import { type Queryable, toNumber } from '../database/database.ts';
import type { ServiceContext } from '../service-context.ts';

export const UPTAKE_KINDS = [
  'tracker-lookup',
  'pack-check',
  'verifier-report-valid',
  'verifier-report-invalid',
] as const;
export type UptakeKind = (typeof UPTAKE_KINDS)[number];

export interface VerificationUptake {
  readonly trackerLookups: number;
  readonly ballotsChallenged: number;
  readonly packChecks: number;
  readonly verifierReports: { readonly valid: number; readonly invalid: number };
}

/**
 * Adds one to a count. Never fails the request it counts: a lost increment understates uptake,
 * which is logged, while a failed lookup would stop a voter checking.
 */
export async function countUptake(
  context: ServiceContext,
  electionId: string,
  kind: UptakeKind
): Promise<void> {
  await context.database
    .query(
      `INSERT INTO verification_uptake (election_id, kind, count) VALUES ($1, $2, 1)
       ON CONFLICT (election_id, kind) DO UPDATE SET count = verification_uptake.count + 1`,
      [electionId, kind]
    )
    .catch((error: unknown) =>
      context.logger.warn({ electionId, kind, err: String(error) }, 'uptake count lost')
    );
}

export async function readUptake(
  database: Queryable,
  electionId: string
): Promise<VerificationUptake> {
  const rows = await database.query<{ kind: string; count: unknown }>(
    'SELECT kind, count FROM verification_uptake WHERE election_id = $1',
    [electionId]
  );
  const count = (kind: UptakeKind): number =>
    toNumber(rows.find((r) => r.kind === kind)?.count ?? 0);
  const audited = await database.query<{ count: unknown }>(
    "SELECT count(*) AS count FROM events WHERE election_id = $1 AND type = 'ballot-audited'",
    [electionId]
  );
  return {
    trackerLookups: count('tracker-lookup'),
    ballotsChallenged: toNumber(audited[0]?.count ?? 0),
    packChecks: count('pack-check'),
    verifierReports: {
      valid: count('verifier-report-valid'),
      invalid: count('verifier-report-invalid'),
    },
  };
}
