/**
 * @module The voter API: sign-in challenge and sign-in, casting, Benaloh audits, and "what became
 * of my credential". The voter gate (audiences.ts) checks the session before a cast's or audit's
 * body is read, and those take up to the largest ballot the manifest schema allows
 * (body-limits.ts); logs carry no token, answer, tracker or IP.
 */
import { endpoints } from '@scrutineer/api-contract';
import { issueChallenge } from '../auth/hmac-stamps.ts';
import type { Refusal } from '../auth/sign-in-monitor.ts';
import { signIn } from '../auth/sign-in.ts';
import { ServiceError } from '../http-errors.ts';
import { auditBallot } from '../voting/audit-ballot.ts';
import { assertAuditsLeft } from '../voting/audit-posts.ts';
import { castBallot } from '../voting/cast-ballot.ts';
import { countUptake } from '../voting/uptake.ts';
import { credentialReport } from '../voting/voter-queries.ts';
import type { AppContext } from './app-context.ts';
import { limitKey } from './client-address.ts';
import { VOTER_BALLOT_BODY_LIMIT } from './body-limits.ts';
import { type RouteSpec, implement } from './route-spec.ts';

const REFUSALS: Record<Refusal, string> = {
  'too-many-failures': 'Too many failed sign-ins from this address; try again later.',
  'too-many-in-flight': 'Too many sign-ins in progress from this address; try again in a moment.',
  'too-many-attempts': 'Too many sign-ins from this address this minute; try again in a minute.',
};

const CHALLENGE_LIFETIME_SECONDS = 300;
/** The cast route (build-app.ts refuses casts here before reading them when the server is full). */
export const CAST_ROUTE = endpoints.cast.path;

export function voterRoutes(context: AppContext, signInPerMinute: number): RouteSpec[] {
  const { service } = context;
  const ballots = { bodyLimit: VOTER_BALLOT_BODY_LIMIT };
  return [
    implement(
      'challenge',
      async ({ params }) => {
        const election = await service.elections.get(params.electionId);
        return issueChallenge(
          election.hmacKey,
          params.electionId,
          service.clock(),
          CHALLENGE_LIFETIME_SECONDS
        );
      },
      { perMinute: signInPerMinute }
    ),
    implement(
      'signIn',
      async ({ params, body, ip }) => {
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
      { perMinute: signInPerMinute }
    ),
    implement('me', async ({ params, query, session }) => {
      const report = await credentialReport(
        service.database,
        params.electionId,
        session.credential
      );
      // `purpose=pack-check`: the "Was my pack used?" page asks, counted for uptake (spec §9.10).
      if (query.purpose === 'pack-check')
        await countUptake(service, params.electionId, 'pack-check');
      return report;
    }),
    implement(
      'cast',
      async ({ params, body, session }, reply) => {
        try {
          const outcome = await context.castAdmission.admit(() =>
            castBallot(service, params.electionId, session, body.ballot)
          );
          if (!outcome.replayed) context.counters.ballotsCast++;
          reply.code(outcome.replayed ? 200 : 201);
          return outcome.receipt;
        } catch (error) {
          context.counters.ballotsRefused++;
          throw error;
        }
      },
      ballots
    ),
    implement(
      'audit',
      async ({ params, body, ip }) => {
        const addressKey = await context.monitor.addressKey(limitKey(ip));
        return auditBallot(service, params.electionId, addressKey, body.audited);
      },
      {
        ...ballots,
        // Before an audit's body is read: the address has audits left this hour (F8, F11).
        beforeBody: async (request) => {
          const addressKey = await context.monitor.addressKey(limitKey(request.ip));
          await assertAuditsLeft(
            service.database,
            request.params['electionId'] ?? '',
            addressKey,
            service.clock().getTime()
          );
        },
      }
    ),
  ];
}
