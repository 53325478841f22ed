/**
 * @module The voter's endpoints: the sign-in challenge and sign-in (public: they are how a member
 * gets a session), then, with the session, "what became of my credential" and casting; Benaloh
 * audits are public too (spec §9.4: the board must not learn whose device was checked).
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import {
  auditBody,
  castBody,
  challengeResponse,
  credentialReportSchema,
  electionParams,
  receiptSchema,
  signInBody,
  signInResponse,
} from './schemas.ts';

/** Why a ballot is refused (ballot-faults, the voting window and the credential's state). */
const BALLOT_REFUSALS = [
  'ballot/malformed',
  'ballot/wrong-election',
  'ballot/credential-mismatch',
  'ballot/invalid-signature',
  'ballot/invalid-proof',
  'ballot/invalid-total-proof',
  'ballot/invalid-ranking-proof',
  'ballot/not-canonical-point',
  'ballot/identity-point',
  'ballot/not-canonical-scalar',
  'ballot/ciphertext-reused',
  'election/not-open',
  'election/closed',
  'election/channel-not-offered',
  'auth/credential-locked',
  'auth/credential-revoked',
] as const;

export const voterEndpoints = {
  challenge: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/sign-in/challenge',
    summary: 'A fresh sign-in challenge (stateless, HMAC-stamped, valid 5 minutes)',
    audience: 'public',
    params: electionParams,
    response: challengeResponse,
    errors: ['election/not-found'],
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/api/elections/:electionId/sign-in',
    summary: 'Sign in with the credential key (derived from the code) and the security answers',
    audience: 'public',
    params: electionParams,
    body: signInBody,
    response: signInResponse,
    errors: [
      'election/not-found',
      'election/not-open',
      'election/closed',
      'auth/invalid-challenge',
      'auth/challenge-expired',
      'auth/challenge-used',
      'auth/invalid-signature',
      'auth/sign-in-failed',
      'auth/credential-locked',
      'auth/credential-revoked',
    ],
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/me',
    summary:
      "The signed-in member's credential: status, and whether and by which channel it was used",
    audience: 'voter',
    params: electionParams,
    // `purpose=pack-check`: the "Was my pack used?" page asks, counted for uptake (spec §9.10).
    query: z.strictObject({ purpose: z.literal('pack-check').optional() }),
    response: credentialReportSchema,
    errors: [],
  }),
  cast: endpoint({
    method: 'POST',
    path: '/api/elections/:electionId/ballots',
    summary:
      'Cast a ballot; returns the signed receipt (201, or 200 for a resubmission of the same ballot)',
    audience: 'voter',
    params: electionParams,
    body: castBody,
    response: receiptSchema,
    status: 201,
    alsoStatus: [200],
    errors: [
      ...BALLOT_REFUSALS,
      'ballot/proof-reused',
      'ballot/credential-already-used',
      'ballot/credential-used-by-post',
    ],
  }),
  audit: endpoint({
    method: 'POST',
    path: '/api/elections/:electionId/audits',
    summary:
      'Publish a Benaloh-challenged ballot with its openings; never counted. No session: the ' +
      'board must not learn which credential tested which choices (spec §9.4)',
    audience: 'public',
    params: electionParams,
    body: auditBody,
    response: receiptSchema,
    status: 201,
    errors: [...BALLOT_REFUSALS, 'ballot/invalid-audit', 'ballot/audit-limit-reached'],
  }),
} as const;
