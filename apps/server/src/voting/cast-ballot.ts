/**
 * @module Casting a ballot: the one path by which a vote reaches the board. In order: the request
 * is parsed by the record's ballot decoder; the ballot must be signed for the signed-in credential;
 * a resubmission of a ballot already on the board gets its stored receipt (idempotent); the
 * election must be open (V5.8), the credential active and unused (§9.7), no ciphertext or proof
 * already on the board (V5.7); then the verifier's own single-ballot check (V5.4–V5.6). Only then
 * one transaction claims the credential, the ciphertexts and the proofs (UNIQUE keys), locks the
 * board head, appends the `ballot-cast` event and stores the signed receipt, which is returned
 * after the commit. The early checks only give precise refusals; the transaction decides.
 */
import { type Receipt, canonicalize, computeTracker, parseBallot } from '@scrutineer/record';
import { verifyBallotAlone } from '@scrutineer/verifier';
import type { Session } from '../auth/hmac-stamps.ts';
import { appendEvent } from '../board/append-event.ts';
import { lockHead, readHead } from '../board/board-head.ts';
import { checkpointAfterAppend } from '../board/checkpoints.ts';
import { type ErrorCode, ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { alphasOf, assertNoneOnBoard, claimUnique, proofFingerprintsOf } from './ballot-copies.ts';
import { parseFaultToError, verifyFaultToError } from './ballot-faults.ts';
import { assertCredentialActive, readCredentialState } from './credential-state.ts';
import { recordCrossChannelRefusal } from './cross-channel-refusal.ts';
import { type StoredBallot, findBallot, signReceipt, storeBallot } from './receipts.ts';
import { assertVotingOpen } from './voting-window.ts';

export interface CastOutcome {
  readonly receipt: Receipt;
  /** True when this exact ballot was already on the board and its receipt is returned again. */
  readonly replayed: boolean;
}

export async function castBallot(
  context: ServiceContext,
  electionId: string,
  session: Session,
  value: unknown
): Promise<CastOutcome> {
  const election = await context.elections.get(electionId);
  const parsed = parseBallot(election.manifest, value);
  if (!parsed.ok) throw parseFaultToError(parsed.error);
  const ballot = parsed.value;
  const tracker = computeTracker(ballot);
  const body = canonicalize(ballot);
  const { database } = context;
  /** The same ballot from the same member: answered with its receipt (idempotent resubmission). */
  const ownReplay = (stored: StoredBallot | null): CastOutcome | null =>
    stored !== null &&
    stored.kind === 'cast' &&
    stored.body === body &&
    stored.credential === session.credential
      ? { receipt: stored.receipt, replayed: true }
      : null;

  const alphas = alphasOf(ballot);
  const fingerprints = proofFingerprintsOf(ballot);
  const [stored, head, state] = await Promise.all([
    findBallot(database, electionId, tracker),
    readHead(database, electionId),
    readCredentialState(database, electionId, session.credential),
  ]);
  // A ballot already on the board: its own voter gets the same receipt again; anyone else sent a
  // copy (A7), whatever credential it names.
  const replay = ownReplay(stored);
  if (replay !== null) return replay;
  if (stored !== null) throw new ServiceError('ballot/ciphertext-reused');
  if (ballot.credential !== session.credential)
    throw new ServiceError('ballot/credential-mismatch');
  assertVotingOpen(head, election.manifest, context.clock());
  assertCredentialActive(state);
  if (state.channel === 'postal') {
    await recordCrossChannelRefusal(context, election, session.credential, 'online');
    throw new ServiceError('ballot/credential-used-by-post');
  }
  if (state.channel === 'online' && election.manifest.policy === 'first-ballot-final')
    throw new ServiceError('ballot/credential-already-used');
  await assertNoneOnBoard(database, electionId, 'alpha', alphas);
  await assertNoneOnBoard(database, electionId, 'proof', fingerprints);

  if (head.electionKey === null || head.baseHash === null)
    throw new Error('an open election has a key and base hash');
  const verdict = verifyBallotAlone(
    context.elections.ballotContext(election, head.electionKey, head.baseHash),
    ballot
  );
  if (!verdict.ok) throw verifyFaultToError(verdict.fault);

  const outcome = await database.transaction(
    async (transaction): Promise<CastOutcome | 'used-by-post'> => {
      // Claims first, on row-level UNIQUE keys, before the board lock: a concurrent claim of the same
      // key waits for the other transaction and then sees its outcome, and the head stays locked
      // only for the append itself. (Every transaction takes the head lock last, so none deadlock.)
      const refuse = async (code: ErrorCode): Promise<CastOutcome> => {
        const again = ownReplay(await findBallot(transaction, electionId, tracker));
        if (again !== null) return again;
        throw new ServiceError(code);
      };
      // Spec §9.7: the credential-use key decides "one credential, one ballot" and "one channel".
      const claimed = await transaction.query(
        `INSERT INTO credential_uses (election_id, credential, channel) VALUES ($1, $2, 'online')
       ON CONFLICT (election_id, credential) DO NOTHING RETURNING 1`,
        [electionId, session.credential]
      );
      if (claimed.length === 0) {
        const rows = await transaction.query<{ channel: string }>(
          'SELECT channel FROM credential_uses WHERE election_id = $1 AND credential = $2',
          [electionId, session.credential]
        );
        if (rows[0]?.channel === 'postal') return 'used-by-post';
        if (election.manifest.policy === 'first-ballot-final')
          return refuse('ballot/credential-already-used');
      }
      if (!(await claimUnique(transaction, electionId, 'alpha', alphas)))
        return refuse('ballot/ciphertext-reused');
      if (!(await claimUnique(transaction, electionId, 'proof', fingerprints)))
        return refuse('ballot/proof-reused');

      const locked = await lockHead(transaction, electionId);
      const now = context.clock();
      assertVotingOpen(locked, election.manifest, now);
      assertCredentialActive(
        await readCredentialState(transaction, electionId, session.credential)
      );
      const appended = await appendEvent(
        transaction,
        locked,
        'ballot-cast',
        { ballot, tracker },
        now
      );
      const receipt = signReceipt(context, election, {
        election: electionId,
        tracker,
        position: appended.position,
        time: appended.time,
        eventHash: appended.hash,
      });
      await storeBallot(transaction, 'cast', body, session.credential, receipt);
      return { receipt, replayed: false };
    }
  );
  if (outcome === 'used-by-post') {
    await recordCrossChannelRefusal(context, election, session.credential, 'online');
    throw new ServiceError('ballot/credential-used-by-post');
  }
  if (!outcome.replayed) await checkpointAfterAppend(context, electionId, outcome.receipt.position);
  return outcome;
}
