/**
 * @module The one table of the API's error codes (the fastify `lib/errors.js` model): each refusal
 * has a stable code, an HTTP status and a default message, and every error response is
 * `{ error: { code, message } }`. Codes never change meaning; the server throws them, and the
 * booth, the CLI and the tests match on them through the {@link ErrorCode} type, never as bare
 * strings. The codes a client makes up itself (the server unreachable, an answer that breaks its
 * schema) are {@link CLIENT_ERRORS}, so that a caller matches one union.
 */
import { z } from 'zod';

export const ERROR_CATALOGUE = {
  // The request itself.
  'request/body-too-large': [413, 'The request body is larger than the limit.'],
  'request/unknown-field': [400, 'The request has a field this endpoint does not accept.'],
  'request/invalid-body': [400, 'The request body does not match the schema.'],
  'request/invalid-json': [400, 'The request body is not valid JSON.'],
  'request/unsupported-media-type': [415, 'Send the body as application/json.'],
  'request/invalid-parameter': [400, 'A path or query parameter is invalid.'],
  'request/rate-limited': [429, 'Too many requests; try again later.'],
  'request/not-found': [404, 'No such endpoint.'],
  // Who is asking.
  'auth/sign-in-failed': [401, 'The code or the answers are not right.'],
  'auth/credential-locked': [
    403,
    'This voting code is locked after too many wrong answers; contact the returning officer for a replacement pack.',
  ],
  'auth/credential-revoked': [403, 'This voting code was replaced by a new pack; use the new one.'],
  'auth/invalid-challenge': [400, 'The sign-in challenge was not issued by this board.'],
  'auth/challenge-expired': [401, 'The sign-in challenge expired; fetch a new one.'],
  'auth/challenge-used': [401, 'The sign-in challenge was already used; fetch a new one.'],
  'auth/invalid-signature': [
    401,
    'The sign-in signature does not verify under the credential key.',
  ],
  'auth/missing-token': [401, 'Sign in first: this endpoint needs a session token.'],
  'auth/invalid-token': [401, 'The session token is not valid for this election.'],
  'auth/token-expired': [401, 'The session expired; sign in again.'],
  'auth/admin-required': [401, "This endpoint needs the returning officer's key."],
  'auth/operator-required': [401, "Creating an election needs the server operator's key."],
  'auth/metrics-token-required': [
    401,
    'The metrics need the metrics token (or a direct request from this host).',
  ],
  'auth/election-creation-disabled': [
    403,
    'This server has no operator key, so elections cannot be created over HTTP.',
  ],
  // The election's state.
  'election/not-found': [404, 'No such election on this board.'],
  'election/exists': [409, 'An election with this id already exists.'],
  'election/not-open': [409, 'Voting has not opened yet.'],
  'election/closed': [409, 'Voting has closed.'],
  'election/wrong-stage': [409, 'The election is not at the stage this step needs.'],
  'election/invalid-manifest': [400, 'The manifest is not valid.'],
  'election/board-key-supplied': [
    400,
    'Leave board.publicKey out: the board generates its own key.',
  ],
  'election/credential-count-mismatch': [
    409,
    'The number of credentials loaded is not the roll count.',
  ],
  'election/invalid-election-key': [400, 'The election key event is not valid for this manifest.'],
  'election/key-not-from-ceremony': [
    409,
    "The election key is not the conclusion of the trustees' ceremony on the board (spec §7.6).",
  ],
  'election/ceremony-not-concluded': [
    409,
    "The trustees' ceremony on the board does not conclude to an election key (spec §7.6).",
  ],
  'election/channel-not-offered': [
    409,
    "The manifest's channels do not include this one (online or postal).",
  ],
  'election/no-result': [404, 'The result has not been published.'],
  'election/nothing-counted': [409, 'The result needs enough decryption shares first.'],
  // Ballots.
  'ballot/malformed': [400, 'The ballot does not have the shape of a ballot for this election.'],
  'ballot/wrong-election': [400, 'The ballot is for another election.'],
  'ballot/credential-mismatch': [
    403,
    'The ballot is signed for another credential than the one signed in.',
  ],
  'ballot/invalid-signature': [400, "The ballot's signature does not verify."],
  'ballot/invalid-proof': [400, 'A selection proof does not verify.'],
  'ballot/invalid-total-proof': [400, "A contest's total proof does not verify."],
  'ballot/invalid-ranking-proof': [
    400,
    "A ranked contest's ranking proof does not verify: the ranking is not a well-formed order of the candidates.",
  ],
  'ballot/not-canonical-point': [400, 'The ballot holds a point that is not canonically encoded.'],
  'ballot/identity-point': [400, 'The ballot holds the identity point where it is forbidden.'],
  'ballot/not-canonical-scalar': [
    400,
    'The ballot holds a scalar that is not canonically encoded.',
  ],
  'ballot/ciphertext-reused': [409, 'A ciphertext of this ballot is already on the board.'],
  'ballot/proof-reused': [409, 'A proof of this ballot is already on the board.'],
  'ballot/contest-not-in-style': [
    403,
    "This ballot includes a contest that is not on this member's ballot (spec §13.2).",
  ],
  'ballot/style-incomplete': [
    400,
    "This ballot leaves out a contest of this member's ballot style (spec §13.2).",
  ],
  'ballot/credential-already-used': [
    409,
    'This credential has already cast a ballot, and the first ballot is final.',
  ],
  'ballot/credential-used-by-post': [
    409,
    'A postal vote was already received for this credential.',
  ],
  'ballot/invalid-audit': [400, "The audited ballot's openings do not match its ciphertexts."],
  'ballot/audit-limit-reached': [
    429,
    'This address has published as many audited ballots this hour as the board allows.',
  ],
  // Credentials (officials).
  'credential/duplicate': [409, 'A credential key is already loaded.'],
  'credential/invalid-style': [
    400,
    'A credential needs a ballot style of the manifest iff the manifest has styles (spec §13.1).',
  ],
  'credential/invalid-weight': [
    400,
    'A credential needs a weight of 1 to weights.max iff the manifest has weights (spec §13.4).',
  ],
  'election/category-too-small': [
    409,
    'A ballot-style category holds fewer credentials than the manifest allows (spec §13.3).',
  ],
  'credential/invalid-key': [400, 'A credential key is not a valid non-identity point.'],
  'credential/not-found': [404, 'No such credential in this election.'],
  'credential/already-used': [409, 'This credential has already been used.'],
  'credential/revoked': [409, 'This credential has been revoked.'],
  'credential/invalid-answers-hash': [400, 'An answers hash is not an Argon2id PHC string.'],
  'credential/missing-return-commitment': [
    400,
    'The election has a postal channel: every credential needs its postal return commitment.',
  ],
  'credential/unexpected-return-commitment': [
    400,
    'The election has no postal channel: credentials carry no postal return commitment.',
  ],
  // Replacement packs (spec §9.2.7, §9.5).
  'replacement/not-allowed': [
    409,
    "This election's manifest allows no replacement packs (it has no `replacements`).",
  ],
  'replacement/limit-reached': [409, "The manifest's limit on replacement packs is reached."],
  'replacement/too-close-to-close': [
    409,
    "Replacement packs stop the manifest's stopsBeforeClose seconds before voting closes.",
  ],
  'replacement/invalid-approval': [
    403,
    "The replacement is not approved: the approval is not the registrar's signature (manifest replacements.approverKey) over this replacement.",
  ],
  // Postal channel.
  'postal/credential-used-online': [
    409,
    'This credential already voted online; the postal vote is refused.',
  ],
  'postal/already-received': [409, 'A postal vote was already received for this credential.'],
  'postal/after-close': [
    409,
    'Postal returns are recorded only while voting is open: a paper that arrives after the close is not counted.',
  ],
  'postal/wrong-return-secret': [
    403,
    "The return secret does not open this credential's published return commitment.",
  ],
  'postal/duplicate-batch': [409, 'A postal batch with this id is already on the board.'],
  'postal/invalid-batch': [400, 'The postal batch does not fit the manifest.'],
  'postal/invalid-ranking': [
    400,
    'A ranked contest of the postal batch needs one ranking per valid paper, each naming candidates of the contest at most once (and a contest that is not ranked has none).',
  ],
  'postal/unknown-batch': [
    409,
    'No returned envelope was received into this opening batch: a count names the batch its papers were opened from.',
  ],
  'postal/more-papers-than-envelopes': [
    409,
    'The count has more papers than envelopes were received into its opening batch.',
  ],
  // Postal papers and ballot styles (spec §13.2.1).
  'postal/missing-style': [
    400,
    'The election has ballot styles: a postal batch names the one style of its papers.',
  ],
  'postal/unknown-style': [400, 'The postal batch names no ballot style of the manifest.'],
  'postal/style-not-in-manifest': [
    400,
    'The election has no ballot styles: a postal batch names none.',
  ],
  'postal/contest-not-in-style': [
    403,
    "A paper of the batch marks a contest outside the batch's ballot style.",
  ],
  'postal/more-papers-than-style-returns': [
    409,
    'The batches of this ballot style would hold more papers than returns of that style were received.',
  ],
  'postal/missing-weight': [
    400,
    'The election has weights: a postal batch names the one weight of its papers.',
  ],
  'postal/weight-not-in-manifest': [
    400,
    'The election has no weights: a postal batch carries no weight.',
  ],
  'postal/bad-weight': [400, 'The postal batch’s weight is above the election’s maximum weight.'],
  'postal/more-papers-than-weight-returns': [
    409,
    'The batches of this ballot style and weight would hold more papers than returns of credentials of that style and weight were received.',
  ],
  // Trustees.
  'trustee/unknown': [400, 'No such trustee in the manifest.'],
  'trustee/invalid-signature': [401, "The message is not signed with the trustee's ceremony key."],
  'trustee/duplicate-message': [409, 'This trustee already posted this message.'],
  'trustee/wrong-type': [400, 'Trustees post only ceremony messages and decryption shares.'],
  // The key ceremony's messages (spec §7.7, "The board").
  'ceremony/invalid-commitments': [
    400,
    'The commitments are not k valid points with a valid proof of knowledge of the constant term.',
  ],
  'ceremony/invalid-shares': [
    400,
    'The shares message must hold exactly one decodable encrypted share for every other trustee.',
  ],
  'ceremony/complaint-without-share': [
    409,
    'The complaint names no share its dealer published to the complainer.',
  ],
  'ceremony/complaint-proof-invalid': [
    400,
    'The complaint proof does not verify against the share it names.',
  ],
  // Decryption shares (spec §8.2, §9.5): checked in full before they are appended.
  'trustee/not-qualified': [
    409,
    'This trustee is not among the qualified trustees of the election key.',
  ],
  'trustee/unknown-checkpoint': [
    409,
    'The decryption share binds a checkpoint this board did not sign (spec §8.2).',
  ],
  'trustee/checkpoint-before-tally': [
    409,
    'The decryption share binds a checkpoint whose log does not hold the encrypted tally.',
  ],
  'trustee/wrong-share-count': [
    400,
    'The decryption share does not cover every option of the tally.',
  ],
  'trustee/invalid-share-proof': [
    400,
    "A decryption share's proof does not verify for the tally, the trustee's key and the checkpoint it binds.",
  ],
  // The ranked phase (spec §11.8): the board appends nothing that V10 or V11 would fail.
  'ranked/not-ranked': [400, 'That contest is not a ranked contest of this election.'],
  'ranked/out-of-order': [
    409,
    'That step of the ranked phase is not the next one (mixers in order, then the rounds, then the rankings, then the result).',
  ],
  'ranked/duplicate-share': [409, 'This trustee already posted its shares for this round.'],
  'ranked/invalid-parts': [
    400,
    'The parts do not join: numbered 0 … parts − 1, in order, agreeing.',
  ],
  'ranked/unknown-checkpoint': [400, 'The shares bind a checkpoint this board did not sign.'],
  'ranked/invalid-share-proof': [
    400,
    "A ranked decryption share's proof does not verify for its round's targets and the trustee's key (V10.3).",
  ],
  'ranked/invalid-shares': [400, 'The shares do not cover the round (V10.3, V10.4).'],
  'ranked/rankings-mismatch': [
    400,
    'The rankings are not the decryption of the last mix, row by row (V10.4, V10.5).',
  ],
  'ranked/result-mismatch': [
    400,
    "The result is not the count of the published rankings with the election's seed (V11).",
  ],
  // Staging a ranked step part by part (spec §11.8 "Staging").
  'ranked/staged-part-differs': [
    409,
    'Another body is already staged as this part of this step; discard the step to stage it again.',
  ],
  'ranked/staging-full': [
    413,
    "The step's staged parts would exceed the board's staging limit for one step.",
  ],
  'ranked/staging-incomplete': [
    409,
    'Not every part of this step is staged yet: stage the missing parts, then commit.',
  ],
  'mix/wrong-input': [
    400,
    "The mix's inputHash is not that of its predecessor's output (or of the counted ballots) (V10.2).",
  ],
  'mix/invalid-proof': [400, "The mix's shuffle proof does not verify against its input (V10.2)."],
  'mix/invalid-signature': [
    400,
    'The mix is not signed, over the whole step, by the key the manifest lists for its mix server (V10.6): whoever relays a mix cannot have made it.',
  ],
  // Nominations (spec §9.2.6).
  'nominations/not-named': [409, "This election's manifest names no nominations."],
  'nominations/not-canonical': [
    400,
    'The nominations document is not canonical JSON (spec §10.1), with at most one final newline.',
  ],
  'nominations/hash-mismatch': [
    400,
    "The nominations document's SHA-256 is not the manifest's nominations.hash.",
  ],
  'nominations/invalid-document': [
    400,
    "The nominations document does not fit the manifest: its threshold, or the candidates at or above it, are not the manifest's (spec §9.2.6).",
  ],
  'nominations/already-published': [
    409,
    'A different nominations document is already published for this election.',
  ],
  'nominations/not-published': [404, 'No nominations document is published for this election.'],
  // The board.
  'board/position-out-of-range': [404, 'No event at this position.'],
  'board/invalid-size': [400, 'The size is out of range for this board.'],
  'board/no-checkpoint': [404, 'The board has not signed a checkpoint yet.'],
  'board/tracker-not-found': [404, 'No ballot with this tracker is on the board.'],
  // The server.
  'server/internal-error': [500, 'Something went wrong on the server; nothing was recorded.'],
  'server/unavailable': [503, 'The server is busy or shutting down; try again shortly.'],
  'postal-audit/refused': [
    409,
    'The postal audit does not allow this step now (spec §9.8): the message says which rule.',
  ],
  // The audit's refusals an officer meets in the order of its steps (record's audit-replay.ts).
  'postal-audit/no-commitment': [
    409,
    'The postal audit cannot start before an observer has committed to a seed (spec §9.8.2).',
  ],
  'postal-audit/seeds-unrevealed': [
    409,
    'No sample can be drawn before every committed observer seed is revealed (spec §9.8.2).',
  ],
  'postal-audit/seed-mismatch': [
    409,
    "The observer's seed does not open the commitment they published (spec §9.8.2).",
  ],
  'postal-audit/sample-uncounted': [
    409,
    'The sampled batches are not all counted by hand yet (spec §9.8.3).',
  ],
  'postal-audit/risk-limit-met': [
    409,
    'The risk limit is met: no further sample is due; the audit can end (spec §9.8.3).',
  ],
  'postal-audit/risk-above-limit': [
    409,
    'The measured risk is above the limit: the audit must draw more or count by hand (spec §9.8.3).',
  ],
  'postal-audit/unfinished': [
    409,
    'A postal audit has started and not ended: end it (or escalate to a full hand count) before the tally.',
  ],
  'rehearsal/invalid-share': [
    400,
    "The rehearsal share's proof does not verify against the trustee's verification key.",
  ],
  'dispute/bad-receipt': [
    400,
    "The receipt is not this board's: its signature does not verify under the manifest's board key for this election.",
  ],
  'dispute/duplicate': [409, 'This receipt has already been disputed on the board.'],
  'witness/no-witnesses': [409, 'The manifest names no witnesses (spec §9.2.8).'],
  'witness/not-named': [403, 'The co-signing key is not a witness the manifest names.'],
  'witness/bad-signature': [400, 'The co-signature does not verify (spec §10.6.1).'],
  'witness/unknown-checkpoint': [
    409,
    'The board signed no checkpoint of this size and root: a witness co-signs only what the board signed.',
  ],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function httpStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code][0];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

/** Refusals a client raises itself, never sent by the server. */
export const CLIENT_ERRORS = {
  'client/unreachable': 'The server could not be reached.',
  'client/invalid-response': "The server's answer does not match the API contract.",
  'client/unexpected-status': 'The server answered with an error that is not in the catalogue.',
} as const;
export type ClientErrorCode = keyof typeof CLIENT_ERRORS;

/** Every code a caller of the API can see: the server's catalogue and the client's own. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** The body of every error response. */
export const errorResponse = z.strictObject({
  error: z.strictObject({
    code: z.string().describe('a code of the catalogue (x-error-codes)'),
    message: z.string(),
  }),
});

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

export function errorBody(code: ErrorCode, message: string = ERROR_CATALOGUE[code][1]): ErrorBody {
  return { error: { code, message } };
}
