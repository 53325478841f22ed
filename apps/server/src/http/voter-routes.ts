/**
 * @module The voter API: sign-in challenge and sign-in, casting, Benaloh audits, and "what became
 * of my credential". Casts and audits check the session before their body is read, and take up to
 * the largest ballot the manifest schema allows (body-limits.ts); logs carry no token,
 * answer, tracker or IP.
 */
import { z } from 'zod';
import { issueChallenge } from '../auth/hmac-stamps.ts';
import type { Refusal } from '../auth/sign-in-monitor.ts';
import { signIn } from '../auth/sign-in.ts';
import { ServiceError } from '../http-errors.ts';
import { auditBallot } from '../voting/audit-ballot.ts';
import { castBallot } from '../voting/cast-ballot.ts';
import { countUptake } from '../voting/uptake.ts';
import { credentialReport } from '../voting/voter-queries.ts';
import { type AppContext, requireSession } from './app-context.ts';
import { limitKey } from './client-address.ts';
import { VOTER_BALLOT_BODY_LIMIT } from './body-limits.ts';
import { type AuthorizeRequest, type RouteSpec, route } from './route-spec.ts';
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

const REFUSALS: Record<Refusal, string> = {
  'too-many-failures': 'Too many failed sign-ins from this address; try again later.',
  'too-many-in-flight': 'Too many sign-ins in progress from this address; try again in a moment.',
  'too-many-attempts': 'Too many sign-ins from this address this minute; try again in a minute.',
};

const CHALLENGE_LIFETIME_SECONDS = 300;
/** The cast route (build-app.ts refuses casts here before reading them when the server is full). */
export const CAST_ROUTE = '/api/elections/:electionId/ballots';

export function voterRoutes(context: AppContext, signInPerMinute: number): RouteSpec[] {
  const { service } = context;
  /** Before a ballot's body (up to the schema's largest ballot) is read: a session (F8). */
  const ballotGate = async (request: AuthorizeRequest): Promise<void> => {
    await requireSession(context, request.params['electionId'] ?? '', request.bearer);
  };
  return [
    route({
      method: 'GET',
      url: '/api/elections/:electionId/sign-in/challenge',
      summary: 'A fresh sign-in challenge (stateless, HMAC-stamped, valid 5 minutes)',
      audience: 'voter',
      params: electionParams,
      response: challengeResponse,
      perMinute: signInPerMinute,
      handler: async ({ params }) => {
        const election = await service.elections.get(params.electionId);
        return issueChallenge(
          election.hmacKey,
          params.electionId,
          service.clock(),
          CHALLENGE_LIFETIME_SECONDS
        );
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/sign-in',
      summary: 'Sign in with the credential key (derived from the code) and the security answers',
      audience: 'voter',
      params: electionParams,
      body: signInBody,
      response: signInResponse,
      perMinute: signInPerMinute,
      handler: async ({ params, body, ip }) => {
        const reservation = await context.monitor.begin(limitKey(ip));
        if (typeof reservation === 'string')
          throw new ServiceError('request/rate-limited', REFUSALS[reservation]);
        let failed = false;
        try {
          return await signIn(service, params.electionId, body);
        } catch (error) {
          failed =
            error instanceof ServiceError &&
            (error.code === 'auth/sign-in-failed' || error.code === 'auth/invalid-signature');
          throw error;
        } finally {
          await context.monitor.settle(reservation, failed);
        }
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/me',
      summary:
        "The signed-in member's credential: status, and whether and by which channel it was used",
      audience: 'voter',
      params: electionParams,
      // `purpose=pack-check`: the "Was my pack used?" page asks, counted for uptake (spec §9.8).
      query: z.strictObject({ purpose: z.literal('pack-check').optional() }),
      response: credentialReportSchema,
      handler: async ({ params, query, bearer }) => {
        const session = await requireSession(context, params.electionId, bearer);
        const report = await credentialReport(
          service.database,
          params.electionId,
          session.credential
        );
        if (query.purpose === 'pack-check')
          await countUptake(service, params.electionId, 'pack-check');
        return report;
      },
    }),
    route({
      method: 'POST',
      url: CAST_ROUTE,
      summary:
        'Cast a ballot; returns the signed receipt (201, or 200 for a resubmission of the same ballot)',
      audience: 'voter',
      params: electionParams,
      body: castBody,
      response: receiptSchema,
      status: 201,
      bodyLimit: VOTER_BALLOT_BODY_LIMIT,
      authorize: ballotGate,
      handler: async ({ params, body, bearer }, reply) => {
        const session = await requireSession(context, params.electionId, bearer);
        try {
          const outcome = await context.castAdmission.admit(() =>
            castBallot(service, params.electionId, session, body.ballot)
          );
          if (!outcome.replayed) context.counters.ballotsCast++;
          reply.code(outcome.replayed ? 200 : 201);
          return reply.send(outcome.receipt);
        } catch (error) {
          context.counters.ballotsRefused++;
          throw error;
        }
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/audits',
      summary: 'Publish a Benaloh-challenged ballot with its openings; never counted',
      audience: 'voter',
      params: electionParams,
      body: auditBody,
      response: receiptSchema,
      status: 201,
      bodyLimit: VOTER_BALLOT_BODY_LIMIT,
      authorize: ballotGate,
      handler: async ({ params, body, bearer }) => {
        const session = await requireSession(context, params.electionId, bearer);
        return auditBallot(service, params.electionId, session, body.audited);
      },
    }),
  ];
}
