/**
 * @module Benaloh audit (spec §9.4): the voter may challenge an encrypted ballot instead of casting
 * it; the booth then publishes the ciphertexts with their votes and randomness, the board checks
 * the openings with the verifier's own code (V5.10) and appends a `ballot-audited` event. It is
 * never counted and is published without credential, proofs or signature.
 *
 * The request carries no session either: the board must not learn which credential tested which
 * choices, since a member who checks a device usually casts the same choices next (outside
 * review, F10). What is left is the network: an audit and a sign-in from one address close in
 * time can be matched by whoever sees the traffic, which the booth tells the member. Its
 * ciphertexts can never be cast afterwards (V5.7): the booth encrypts afresh.
 *
 * Each audit is a permanent board event, so one address may publish only so many an hour
 * (`AUDITS_PER_ADDRESS_PER_HOUR`, audit-posts.ts), claimed in the append's transaction.
 */
import { type Receipt, canonicalize, computeTracker, parseAuditedBallot } from '@scrutineer/record';
import { verifyBallotBatch } from '@scrutineer/verifier';
import { appendEvent } from '../board/append-event.ts';
import { lockHead, readHead } from '../board/board-head.ts';
import { checkpointAfterAppend } from '../board/checkpoints.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { alphasOf, assertNoneOnBoard, claimUnique } from './ballot-copies.ts';
import { parseFaultToError } from './ballot-faults.ts';
import { claimAuditPost } from './audit-posts.ts';
import { findBallot, signReceipt, storeBallot } from './receipts.ts';
import { assertVotingOpen } from './voting-window.ts';

/**
 * Publishes an audited ballot. `addressKey` is the stored form of the requester's limit key
 * (SignInMonitor.addressKey): it counts against the per-address limit and is kept an hour.
 */
export async function auditBallot(
  context: ServiceContext,
  electionId: string,
  addressKey: string,
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
    await claimAuditPost(transaction, electionId, addressKey, context.clock().getTime());
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
