/**
 * @module The public count of replacement packs (spec §9.5 `credential-replaced`): how many are on
 * the board, by reason. The board checks the manifest's limit against it, and the election summary
 * shows it, so an unusual number of replacements is visible while voting is open.
 */
import { REPLACEMENT_REASONS, type ReplacementReason } from '@scrutineer/record';
import type { Queryable } from '../database/database.ts';

export interface ReplacementCount {
  readonly total: number;
  readonly byReason: Record<ReplacementReason, number>;
}

/** Spec §9.5: the replacements already on the board, by reason (the public count). */
export async function countReplacements(
  database: Queryable,
  electionId: string
): Promise<ReplacementCount> {
  const rows = await database.query<{ line: string }>(
    "SELECT line FROM events WHERE election_id = $1 AND type = 'credential-replaced'",
    [electionId]
  );
  const byReason = Object.fromEntries(REPLACEMENT_REASONS.map((r) => [r, 0])) as Record<
    ReplacementReason,
    number
  >;
  for (const { line } of rows) {
    const reason = (JSON.parse(line) as { body: { reason: ReplacementReason } }).body.reason;
    byReason[reason] += 1;
  }
  return { total: rows.length, byReason };
}
