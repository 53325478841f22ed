/**
 * @module The officials' audit log: every official action leaves a row here (and most also a board
 * event). Details are short JSON without secrets: never a key, token, code or answer.
 */
import type { Queryable } from '../database/database.ts';

export type Actor = 'officer' | 'operator' | `trustee-${number}` | `mixer-${number}` | 'board';

export async function writeAuditLog(
  database: Queryable,
  electionId: string | null,
  actor: Actor,
  action: string,
  detail: Record<string, unknown> = {}
): Promise<void> {
  await database.query(
    'INSERT INTO audit_log (election_id, actor, action, detail) VALUES ($1, $2, $3, $4)',
    [electionId, actor, action, JSON.stringify(detail)]
  );
}

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly detail: Record<string, unknown>;
  readonly at: string;
}

export async function readAuditLog(database: Queryable, electionId: string): Promise<AuditEntry[]> {
  const rows = await database.query<{
    actor: string;
    action: string;
    detail: string;
    at: Date | string;
  }>('SELECT actor, action, detail, at FROM audit_log WHERE election_id = $1 ORDER BY id', [
    electionId,
  ]);
  return rows.map((row) => ({
    actor: row.actor,
    action: row.action,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    at: new Date(row.at).toISOString(),
  }));
}
