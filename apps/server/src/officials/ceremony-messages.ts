/**
 * @module The board's check of a ceremony message's content (spec §7.7, "The board"), after its
 * trustee's signature: commitments with k valid points and a valid proof of the constant term,
 * one decodable share for every other trustee, a complaint that names a published share and
 * proves it. They are the verifier's own checks (`@scrutineer/record` ceremony-checks), so the
 * board never appends a ceremony message that a verifier would hold against the record.
 */
import type { Group } from '@scrutineer/crypto';
import {
  type EventBody,
  type Manifest,
  checkCommitmentsBody,
  checkComplaintBody,
  checkSharesBody,
  eventBodySchemas,
  trusteeKeysOf,
} from '@scrutineer/record';
import { readEventLine } from '../board/board-reader.ts';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';

/** Spec §7.3, §7.6 step 2: refuses bad commitments or shares before anything is locked. */
export function checkDealerMessage(
  group: Group,
  manifest: Manifest,
  type: 'trustee-commitments' | 'trustee-shares',
  body: EventBody<'trustee-commitments'> | EventBody<'trustee-shares'>
): void {
  if (type === 'trustee-commitments') {
    const problem = checkCommitmentsBody(group, manifest, body as EventBody<'trustee-commitments'>);
    if (problem !== null)
      throw new ServiceError('ceremony/invalid-commitments', `${problem.code}: ${problem.message}`);
  } else {
    const problem = checkSharesBody(group, manifest, body as EventBody<'trustee-shares'>);
    if (problem !== null)
      throw new ServiceError('ceremony/invalid-shares', `${problem.code}: ${problem.message}`);
  }
}

/**
 * Spec §7.5: a complaint must name the share its dealer published to the complainer and prove the
 * shared point it reveals. Runs under the head lock, so the share it names cannot change.
 */
export async function checkComplaintOnBoard(
  transaction: Queryable,
  group: Group,
  manifest: Manifest,
  electionId: string,
  body: EventBody<'trustee-complaint'>
): Promise<void> {
  const rows = await transaction.query<{ position: unknown }>(
    `SELECT position FROM trustee_messages
     WHERE election_id = $1 AND trustee = $2 AND type = 'trustee-shares' AND subject = 0`,
    [electionId, body.dealer]
  );
  let dealerShares: EventBody<'trustee-shares'> | undefined;
  if (rows[0] !== undefined) {
    const { line } = await readEventLine(transaction, electionId, Number(rows[0].position));
    const event = JSON.parse(line) as { body: unknown };
    dealerShares = eventBodySchemas['trustee-shares'].parse(event.body);
  }
  const problem = checkComplaintBody(
    group,
    manifest,
    trusteeKeysOf(group, manifest),
    body,
    dealerShares
  );
  if (problem === null) return;
  const code =
    problem.code === 'ceremony/complaint-without-share' ||
    problem.code === 'ceremony/self-addressed'
      ? 'ceremony/complaint-without-share'
      : 'ceremony/complaint-proof-invalid';
  throw new ServiceError(code, `${problem.code}: ${problem.message}`);
}
