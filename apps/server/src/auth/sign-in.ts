/**
 * @module Voter sign-in. The requester proves it holds the code of credential C by signing a board
 * challenge with C's key (record's signInMessage, spec §10.5); only then are its answers checked against the
 * stored Argon2id hash. Each check first reserves one of the credential's five attempts with an
 * atomic conditional UPDATE (never read-then-write), so even a burst of concurrent guesses gets at
 * most five; a right answer gives the attempts back. An unknown credential and wrong answers get
 * the same code and message.
 *
 * A key that is not on the credential list is refused without running Argon2id: the list is
 * public (spec §6.2, published before polls open), so answering it fast reveals nothing a reader
 * of the board does not know, while hashing for it let anyone with a self-made key spend ~40 ms
 * of server CPU per request. Argon2id thus runs only for a requester who signed the challenge
 * with the secret key of a listed credential — who holds a voting code — and at most five times
 * per credential; it runs on worker threads with a bounded queue (answers-pool.ts).
 */
import { hexToBytes } from '@scrutineer/crypto';
import { verifyStatement } from '@scrutineer/record';
import { ServiceError } from '../http-errors.ts';
import { writeAuditLog } from '../officials/audit-log.ts';
import type { ServiceContext } from '../service-context.ts';
import { checkChallenge, issueSessionToken } from './hmac-stamps.ts';
import { verifySecurityAnswers } from '@scrutineer/protocol';
import { signInMessage } from '@scrutineer/record';

/** docs/threat-model.md B2 (as Swiss Post does): five wrong answers lock a credential. */
export const MAX_FAILED_ATTEMPTS = 5;
export const SESSION_LIFETIME_SECONDS = 30 * 60;

export interface SignInRequest {
  readonly credential: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly challenge: string;
  readonly signature: string;
}

export interface SignInResult {
  readonly token: string;
  readonly credential: string;
  readonly expires: string;
  readonly style?: string;
}

export async function signIn(
  context: ServiceContext,
  electionId: string,
  request: SignInRequest
): Promise<SignInResult> {
  const election = await context.elections.get(electionId);
  const now = context.clock();
  const expiry = checkChallenge(election.hmacKey, electionId, request.challenge, now);
  let credentialKey;
  try {
    credentialKey = context.group.decodePoint(hexToBytes(request.credential));
  } catch {
    throw new ServiceError('auth/invalid-signature', 'The credential is not a valid key.');
  }
  const message = signInMessage(electionId, request.challenge, request.answers);
  if (
    !verifyStatement(
      context.group,
      election.manifestHash,
      credentialKey,
      message,
      request.signature
    )
  ) {
    throw new ServiceError('auth/invalid-signature');
  }
  // A key not on the (public) list is refused at once, with the code wrong answers get: no
  // Argon2id, and no challenge spent (a guess with a self-made key needs neither).
  const listed = await context.database.query(
    'SELECT 1 FROM credentials WHERE election_id = $1 AND credential = $2',
    [electionId, request.credential]
  );
  if (listed.length === 0) throw new ServiceError('auth/sign-in-failed');
  // Spent only now, once the signature shows the holder of a listed key: a replay of this
  // request, captured on the way, is refused before it can spend one of the member's attempts.
  await spendChallenge(context, electionId, request.challenge, expiry, now);

  const questionIds = election.manifest.securityQuestions.map((q) => q.id);
  // Shed load before an attempt is reserved: a 503 must not spend one of the member's five.
  const slot = context.answersPool?.enter();
  try {
    return await reserveAndCheck(context, election, electionId, request, questionIds, now);
  } finally {
    slot?.leave();
  }
}

/** Reserves one of the credential's attempts, checks the answers, and issues the session. */
async function reserveAndCheck(
  context: ServiceContext,
  election: { readonly hmacKey: Uint8Array },
  electionId: string,
  request: SignInRequest,
  questionIds: readonly string[],
  now: Date
): Promise<SignInResult> {
  const reserved = await context.database.query<{
    answers_hash: string;
    failed_attempts: number;
    style: string | null;
  }>(
    `UPDATE credentials SET failed_attempts = failed_attempts + 1
      WHERE election_id = $1 AND credential = $2 AND status = 'active' AND failed_attempts < $3
      RETURNING answers_hash, failed_attempts, style`,
    [electionId, request.credential, MAX_FAILED_ATTEMPTS]
  );
  const attempt = reserved[0];
  if (attempt === undefined) {
    const rows = await context.database.query<{ status: string }>(
      'SELECT status FROM credentials WHERE election_id = $1 AND credential = $2',
      [electionId, request.credential]
    );
    const status = rows[0]?.status;
    if (status === 'revoked') throw new ServiceError('auth/credential-revoked');
    if (status === 'active') throw new ServiceError('auth/credential-locked');
    // Gone from the list since the check above (never in practice): as for an unknown key.
    throw new ServiceError('auth/sign-in-failed');
  }

  const check = { questionIds, answers: request.answers, storedHash: attempt.answers_hash };
  const right = await (context.answersPool === undefined
    ? verifySecurityAnswers(check.questionIds, check.answers, check.storedHash)
    : context.answersPool.check(check));
  if (!right) {
    if (attempt.failed_attempts >= MAX_FAILED_ATTEMPTS) {
      await writeAuditLog(context.database, electionId, 'board', 'credential-locked', {
        credential: request.credential,
      });
      context.logger.warn({ electionId }, 'a credential was locked after too many wrong answers');
    }
    throw new ServiceError('auth/sign-in-failed');
  }
  await context.database.query(
    'UPDATE credentials SET failed_attempts = 0 WHERE election_id = $1 AND credential = $2',
    [electionId, request.credential]
  );
  const expiry = Math.floor(now.getTime() / 1000) + SESSION_LIFETIME_SECONDS;
  return {
    token: issueSessionToken(election.hmacKey, {
      electionId,
      credential: request.credential,
      expiry,
    }),
    credential: request.credential,
    expires: new Date(expiry * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    // Spec §13.2: the booth shows, and encrypts, exactly this style's contests (public anyway).
    ...(attempt.style === null ? {} : { style: attempt.style }),
  };
}

let spentSinceSweep = 0;

/** Marks the challenge used, or refuses it as `auth/challenge-used`; sweeps expired ones now and then. */
async function spendChallenge(
  context: ServiceContext,
  electionId: string,
  challenge: string,
  expiry: number,
  now: Date
): Promise<void> {
  const spent = await context.database.query(
    `INSERT INTO spent_challenges (election_id, challenge, expires_at)
     VALUES ($1, $2, to_timestamp($3::double precision)) ON CONFLICT DO NOTHING RETURNING 1`,
    [electionId, challenge, expiry]
  );
  if (spent.length === 0) throw new ServiceError('auth/challenge-used');
  if (++spentSinceSweep >= 100) {
    spentSinceSweep = 0;
    await context.database.query(
      'DELETE FROM spent_challenges WHERE expires_at < to_timestamp($1::double precision)',
      [now.getTime() / 1000]
    );
  }
}
