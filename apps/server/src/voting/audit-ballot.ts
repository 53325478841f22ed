/**
 * @module Benaloh audit (spec §9.4): the voter may challenge an encrypted ballot instead of casting
 * it; the booth then publishes the ciphertexts with their votes and randomness, the board checks
 * the openings with the verifier's own code (V5.10) and appends a `ballot-audited` event. It is
 * never counted, does not use up the credential, and is stored without the credential, so the
 * board keeps no link from a member to the choices they tested. Its ciphertexts can never be cast
 * afterwards (V5.7): the booth encrypts afresh.
 *
 * Each audit is a permanent board event, so a credential may publish at most
 * {@link MAX_AUDITS_PER_CREDENTIAL} (a count in `credentials.audits_used`, claimed in the append's
 * transaction), and none once it has voted by either channel: a device check is for before
 * casting, and audits after it only fill the board.
 */
import { type Receipt, canonicalize, computeTracker, parseAuditedBallot } from '@scrutineer/record';
import { verifyBallotBatch } from '@scrutineer/verifier';
import type { Session } from '../auth/hmac-stamps.ts';
import { appendEvent } from '../board/append-event.ts';
import { lockHead, readHead } from '../board/board-head.ts';
import { checkpointAfterAppend } from '../board/checkpoints.ts';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { alphasOf, assertNoneOnBoard, claimUnique } from './ballot-copies.ts';
import { parseFaultToError } from './ballot-faults.ts';
import { assertCredentialActive, readCredentialState } from './credential-state.ts';
import { findBallot, signReceipt, storeBallot } from './receipts.ts';
import { assertVotingOpen } from './voting-window.ts';

/** Benaloh audits one credential may publish (a member checks a device a few times, not hundreds). */
export const MAX_AUDITS_PER_CREDENTIAL = 10;

export async function auditBallot(
  context: ServiceContext,
  electionId: string,
  session: Session,
  value: unknown
): Promise<Receipt> {
  const election = await context.elections.get(electionId);
  const parsed = parseAuditedBallot(election.manifest, value);
  if (!parsed.ok) throw parseFaultToError(parsed.error);
  const audited = parsed.value;
  if (computeTracker(audited) !== audited.tracker)
    throw new ServiceError(
      'ballot/invalid-audit',
      'The tracker is not the hash of these ciphertexts.'
    );
  const body = canonicalize(audited);
  const { database } = context;
  const existing = await findBallot(database, electionId, audited.tracker);
  if (existing !== null) {
    if (existing.kind === 'audited' && existing.body === body) return existing.receipt;
    throw new ServiceError('ballot/ciphertext-reused');
  }
  const head = await readHead(database, electionId);
  assertVotingOpen(head, election.manifest, context.clock());
  const state = await readCredentialState(database, electionId, session.credential);
  assertCredentialActive(state);
  if (state.channel !== null) throw new ServiceError('ballot/audit-after-vote');
  const alphas = alphasOf(audited);
  await assertNoneOnBoard(database, electionId, 'alpha', alphas);
  if (head.electionKey === null || head.baseHash === null)
    throw new Error('an open election has a key and base hash');
  const ballotContext = context.elections.ballotContext(election, head.electionKey, head.baseHash);
  let failures;
  try {
    failures = verifyBallotBatch(ballotContext, [{ kind: 'audited', position: head.size, audited }])
      .outcome.failures;
  } catch (error) {
    throw new ServiceError('ballot/invalid-audit', (error as Error).message);
  }
  if (failures.length > 0) throw new ServiceError('ballot/invalid-audit', failures[0]?.message);

  const receipt = await database.transaction(async (transaction) => {
    // Claims first, the board lock last (as in cast-ballot.ts).
    if (!(await claimUnique(transaction, electionId, 'alpha', alphas))) {
      const again = await findBallot(transaction, electionId, audited.tracker);
      if (again !== null && again.kind === 'audited' && again.body === body) return again.receipt;
      throw new ServiceError('ballot/ciphertext-reused');
    }
    await claimAudit(transaction, electionId, session.credential);
    const locked = await lockHead(transaction, electionId);
    const now = context.clock();
    assertVotingOpen(locked, election.manifest, now);
    const appended = await appendEvent(transaction, locked, 'ballot-audited', audited, now);
    const signed = signReceipt(context, election, {
      election: electionId,
      tracker: audited.tracker,
      position: appended.position,
      time: appended.time,
      eventHash: appended.hash,
    });
    await storeBallot(transaction, 'audited', body, null, signed);
    return signed;
  });
  await checkpointAfterAppend(context, electionId, receipt.position);
  return receipt;
}

/**
 * Counts one audit against the credential, atomically (a conditional UPDATE, so a burst of
 * concurrent audits gets at most the cap), and refuses it if the credential has voted since the
 * first check (the use's UNIQUE claim is read in the same transaction).
 */
async function claimAudit(
  transaction: Queryable,
  electionId: string,
  credential: string
): Promise<void> {
  const claimed = await transaction.query(
    `UPDATE credentials SET audits_used = audits_used + 1
      WHERE election_id = $1 AND credential = $2 AND audits_used < $3 RETURNING audits_used`,
    [electionId, credential, MAX_AUDITS_PER_CREDENTIAL]
  );
  if (claimed.length === 0) throw new ServiceError('ballot/audit-limit-reached');
  const used = await transaction.query(
    'SELECT 1 FROM credential_uses WHERE election_id = $1 AND credential = $2',
    [electionId, credential]
  );
  if (used.length > 0) throw new ServiceError('ballot/audit-after-vote');
}
