/**
 * @module Casting a ballot: the one path by which a vote reaches the board. In order: the request
 * is parsed by the record's ballot decoder; the ballot must be signed for the signed-in credential;
 * a resubmission of a ballot already on the board gets its stored receipt (idempotent); the
 * election must be open (V5.8), the credential active and unused (§9.7), no ciphertext or proof
 * already on the board (V5.7); then the verifier's own single-ballot check (V5.4–V5.6), on a
 * worker thread if the server has a verify pool. Only then is the ballot queued for the next group
 * commit of its election (cast-appender.ts, commit-casts.ts): one transaction claims the
 * credential, the ciphertexts and the proofs (UNIQUE keys), locks the board head, appends the
 * `ballot-cast` events and stores the signed receipts, which are returned after the commit. The
 * early checks only give precise refusals; the transaction decides.
 */
import {
  type Receipt,
  canonicalize,
  computeTracker,
  parseBallot,
  styleRefusal,
} from '@scrutineer/record';
import { verifyBallotAlone } from '@scrutineer/verifier';
import type { Session } from '../auth/hmac-stamps.ts';
import { type ErrorCode, ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { alphasOf, proofFingerprintsOf } from './ballot-copies.ts';
import { submitCast } from './cast-appender.ts';
import { readCastFacts } from './cast-facts.ts';
import { parseFaultToError, verifyFaultToError } from './ballot-faults.ts';
import { assertCredentialActive } from './credential-state.ts';
import { recordCrossChannelRefusal } from './cross-channel-refusal.ts';
import { replayOf } from './receipts.ts';
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
  const alphas = alphasOf(ballot);
  const fingerprints = proofFingerprintsOf(ballot);
  const { stored, head, state, alphaOnBoard, proofOnBoard } = await readCastFacts(
    context.database,
    electionId,
    { credential: session.credential, tracker, alphas, fingerprints }
  );
  // A ballot already on the board: its own voter gets the same receipt again; anyone else sent a
  // copy (A7), whatever credential it names.
  const replay = replayOf(stored, { body, credential: session.credential });
  if (replay !== null) return { receipt: replay, replayed: true };
  if (stored !== null) throw new ServiceError('ballot/ciphertext-reused');
  if (ballot.credential !== session.credential)
    throw new ServiceError('ballot/credential-mismatch');
  assertVotingOpen(head, election.manifest, context.clock());
  assertCredentialActive(state);
  // Spec §13.2 (V12.3): a ballot covers exactly the contests of its credential's style.
  const outOfStyle = styleRefusal(
    election.manifest,
    state.style === null ? { weight: state.weight } : { style: state.style, weight: state.weight },
    ballot
  );
  if (outOfStyle !== null)
    throw new ServiceError(
      outOfStyle.code === 'record/style-incomplete'
        ? 'ballot/style-incomplete'
        : 'ballot/contest-not-in-style',
      outOfStyle.message
    );
  if (state.channel === 'postal') {
    await recordCrossChannelRefusal(context, election, session.credential, 'online');
    throw new ServiceError('ballot/credential-used-by-post');
  }
  if (state.channel === 'online' && election.manifest.policy === 'first-ballot-final')
    throw new ServiceError('ballot/credential-already-used');
  assertDistinct(alphas, 'ballot/ciphertext-reused');
  assertDistinct(fingerprints, 'ballot/proof-reused');
  if (alphaOnBoard) throw new ServiceError('ballot/ciphertext-reused');
  if (proofOnBoard) throw new ServiceError('ballot/proof-reused');

  if (head.electionKey === null || head.baseHash === null)
    throw new Error('an open election has a key and base hash');
  const verdict =
    context.verifyPool === undefined
      ? verifyBallotAlone(
          context.elections.ballotContext(election, head.electionKey, head.baseHash),
          ballot
        )
      : await context.verifyPool.verify(
          electionId,
          {
            manifest: election.manifest,
            electionKeyHex: head.electionKey,
            baseHashHex: head.baseHash,
          },
          body
        );
  if (!verdict.ok) throw verifyFaultToError(verdict.fault);

  const settlement = await submitCast(context, election, {
    credential: session.credential,
    ballot,
    tracker,
    body,
    alphas,
    fingerprints,
  });
  if (settlement.kind === 'used-by-post') {
    await recordCrossChannelRefusal(context, election, session.credential, 'online');
    throw new ServiceError('ballot/credential-used-by-post');
  }
  if (settlement.kind === 'refused') throw settlement.error;
  return settlement.outcome;
}

function assertDistinct(values: readonly string[], code: ErrorCode): void {
  if (new Set(values).size !== values.length)
    throw new ServiceError(code, 'The ballot repeats a value within itself.');
}
