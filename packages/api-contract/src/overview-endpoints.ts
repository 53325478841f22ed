/**
 * @module The public overview endpoints: the list of elections a server holds (its home page),
 * turnout by hour (counts of voters by channel, never per candidate), the declaration once the
 * result is published (spec §9.9), and readiness for a load balancer (`/api/ready`: the database
 * answers and every migration the build knows is applied; `/api/health` stays the liveness check).
 */
import { RANKED_METHODS, STV_RULES, rankedSheetSchema } from '@scrutineer/record';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { electionParams } from './schemas.ts';

export const electionListSchema = z.strictObject({
  elections: z.array(
    z.strictObject({
      electionId: z.string(),
      title: z.string(),
      organisation: z.string(),
      stage: z.string(),
      opens: z.string(),
      closes: z.string(),
    })
  ),
});

export const hourlyTurnoutSchema = z.strictObject({
  /** One entry per hour with any voter, oldest first: `hour` is `YYYY-MM-DDTHH` (UTC). */
  hours: z.array(
    z.strictObject({ hour: z.string(), online: z.number().int(), postal: z.number().int() })
  ),
});

const count = z.number().int().min(0);
export const declarationSchema = z.strictObject({
  electionId: z.string(),
  title: z.string(),
  organisation: z.string(),
  electorate: count,
  turnout: z.strictObject({ online: count, postal: count, total: count, percent: z.number() }),
  spoilt: count,
  rejected: z.strictObject({
    total: count,
    byReason: z.strictObject({
      'already-voted-online': count,
      'already-voted-by-post': count,
      'credential-revoked': count,
    }),
  }),
  contests: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      seats: count,
      papers: count,
      candidates: z.array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          online: count,
          postal: count,
          total: count,
          percent: z.number(),
          elected: z.boolean(),
        })
      ),
      tiedForLastSeat: z.array(z.string()),
      // Spec §9.9, §13.6: with styles or weights, the contest's own electorate and turnout.
      electorate: count.optional(),
      turnout: z
        .strictObject({ online: count, postal: count, total: count, percent: z.number() })
        .optional(),
      weighted: z
        .strictObject({ electorate: count, turnout: count, percent: z.number(), papers: count })
        .optional(),
      // Spec §9.9, §12.7: a ranked contest's method and its result sheet (null: count pending).
      ranked: z
        .strictObject({
          method: z.enum(RANKED_METHODS),
          rules: z.enum(STV_RULES).nullable(),
          sheet: rankedSheetSchema.nullable(),
        })
        .optional(),
    })
  ),
  // Spec §13.5: each electoral college's combined result (exact fraction as decimal strings).
  colleges: z
    .array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        parts: z.array(z.strictObject({ contest: z.string(), share: count })),
        candidates: z.array(
          z.strictObject({
            id: z.string(),
            name: z.string(),
            numerator: z.string().regex(/^\d+$/),
            denominator: z.string().regex(/^\d+$/),
            percent: z.number(),
            leader: z.boolean(),
          })
        ),
        leaders: z.array(z.string()),
      })
    )
    .optional(),
});

export const readinessSchema = z.strictObject({ ready: z.boolean(), migrations: count });

export const overviewEndpoints = {
  elections: endpoint({
    method: 'GET',
    path: '/api/elections',
    summary: 'The elections on this server, newest first: id, title, stage and window',
    audience: 'public',
    response: electionListSchema,
    errors: [],
  }),
  hourlyTurnout: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/turnout/hourly',
    summary:
      'Voters by hour and channel (an online voter at their first cast ballot, a postal voter when their pack was received); never counts per candidate',
    audience: 'public',
    params: electionParams,
    response: hourlyTurnoutSchema,
    errors: ['election/not-found'],
  }),
  declaration: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/declaration',
    summary:
      'The declaration of the result (spec §9.9), derived from the record once the result is published; verify the record before treating it as the result',
    audience: 'public',
    params: electionParams,
    response: declarationSchema,
    errors: ['election/not-found', 'election/no-result'],
  }),
  ready: endpoint({
    method: 'GET',
    path: '/api/ready',
    summary:
      'Readiness: the database answers and holds every migration this build knows (503 otherwise)',
    audience: 'public',
    response: readinessSchema,
    errors: ['server/unavailable'],
  }),
} as const;
