/**
 * @module The routes that stage a ranked step part by part (spec §11.8 "Staging"): the server's
 * side of the contract's ranked staging endpoints. A part's body is bounded by the ranked request
 * limit (the same as a whole step's on the one-request routes), the step's staging by its own.
 */
import { discardStaging, stagePart, stagingOf } from '../officials/ranked/ranked-staging.ts';
import { commitStaging } from '../officials/ranked/commit-staging.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, implement } from './route-spec.ts';

export function rankedStagingRoutes(context: AppContext): RouteSpec[] {
  const { service, rankedStaging: limits } = context;
  return [
    implement(
      'stageRankedPart',
      async ({ params, body }, reply) => {
        const staged = await stagePart(service, params.electionId, body, limits);
        reply.code(staged.created ? 201 : 200);
        return staged;
      },
      { bodyLimit: limits.request }
    ),
    implement('rankedStaging', ({ params, query }) =>
      stagingOf(service, params.electionId, query.step, limits)
    ),
    implement('commitRankedStep', async ({ params, body }, reply) => {
      const { positions, repeated } = await commitStaging(
        service,
        params.electionId,
        body.step,
        body.digest
      );
      // The same upload committed again: 200, nothing appended, the first commit's positions.
      if (repeated) reply.code(200);
      return { positions };
    }),
    implement('discardRankedStep', ({ params, body }) =>
      discardStaging(service, params.electionId, body.step)
    ),
  ];
}
