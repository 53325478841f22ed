/**
 * @module Verification uptake routes (spec §9.8): verifiers report back voluntarily (a verdict,
 * nothing else), and the aggregate counts are published with the result. The request and response
 * schemas of these routes are all here.
 */
import { z } from 'zod';
import { readHead } from '../board/board-head.ts';
import { ServiceError } from '../http-errors.ts';
import { countUptake, readUptake } from '../voting/uptake.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, route } from './route-spec.ts';
import { electionParams } from './schemas.ts';

export const verifierReportBody = z.strictObject({ valid: z.boolean() });
const count = z.number().int().min(0);
export const uptakeSchema = z.strictObject({
  trackerLookups: count,
  ballotsChallenged: count,
  packChecks: count,
  verifierReports: z.strictObject({ valid: count, invalid: count }),
});

export function uptakeRoutes(context: AppContext): RouteSpec[] {
  const service = context.service;
  return [
    route({
      method: 'POST',
      url: '/api/elections/:electionId/verifier-reports',
      summary:
        "A verifier's voluntary report of its verdict on the record (spec §9.8): counted, nothing kept",
      audience: 'public',
      params: electionParams,
      body: verifierReportBody,
      response: z.strictObject({ counted: z.literal(true) }),
      perMinute: 10,
      handler: async ({ params, body }) => {
        await readHead(service.database, params.electionId);
        await countUptake(
          service,
          params.electionId,
          body.valid ? 'verifier-report-valid' : 'verifier-report-invalid'
        );
        return { counted: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/uptake',
      summary:
        'Aggregate verification uptake (spec §9.8), published with the result (404 election/no-result before it)',
      audience: 'public',
      params: electionParams,
      response: uptakeSchema,
      handler: async ({ params }) => {
        const head = await readHead(service.database, params.electionId);
        if (head.stage !== 'final') throw new ServiceError('election/no-result');
        return readUptake(service.database, params.electionId);
      },
    }),
  ];
}
