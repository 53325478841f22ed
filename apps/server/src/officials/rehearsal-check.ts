/**
 * @module The board's check of a decryption rehearsal share (spec §8.10), under the head lock:
 * the election key is published and voting not yet open (the phase table, §9.6.1), the share is
 * signed by its trustee and its proof verifies against that trustee's verification key in the
 * `election-key` on the board — the verifier's own check (V3.7, `checkRehearsalShare`), so the
 * board never appends a rehearsal share the verifier refuses.
 */
import type { Group } from '@scrutineer/crypto';
import {
  type EventBody,
  type Manifest,
  checkRehearsalShare,
  eventBodySchemas,
} from '@scrutineer/record';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';

export async function checkRehearsalOnBoard(
  transaction: Queryable,
  group: Group,
  manifest: Manifest,
  electionId: string,
  body: EventBody<'rehearsal-share'>
): Promise<void> {
  const rows = await transaction.query<{ line: string }>(
    "SELECT line FROM events WHERE election_id = $1 AND type = 'election-key' ORDER BY position LIMIT 1",
    [electionId]
  );
  if (rows[0] === undefined)
    throw new ServiceError(
      'election/wrong-stage',
      'a decryption rehearsal needs the published election key'
    );
  const key = eventBodySchemas['election-key'].parse(
    (JSON.parse(rows[0].line) as { body: unknown }).body
  );
  const fault = checkRehearsalShare(group, manifest, key, body);
  if (fault !== null)
    throw new ServiceError('rehearsal/invalid-share', `${fault.code}: ${fault.message}`);
}
