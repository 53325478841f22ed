/**
 * @module A mix server's own routes (spec §11.8 "Posted by its mix server"): the server's side of
 * the contract's mixer endpoints. The mixer gate (audiences.ts) only finds the election; each
 * handler checks mix server m's signature before any other work (mixer-posts.ts). A mix or a part
 * is read before that check, so it is bounded by the smaller of the ranked request limit and
 * MIXER_BODY_LIMIT (body-limits.ts).
 */
import {
  commitOwnMix,
  discardOwnMix,
  postOwnMix,
  stageOwnMixPart,
} from '../officials/ranked/mixer-posts.ts';
import { stagingOf } from '../officials/ranked/ranked-staging.ts';
import type { AppContext } from './app-context.ts';
import { MIXER_BODY_LIMIT } from './body-limits.ts';
import { type RouteSpec, implement } from './route-spec.ts';

export function mixerRoutes(context: AppContext): RouteSpec[] {
  const { service } = context;
  // Read before its signature can be checked: a mix server's request is held to the smaller limit,
  // and its staging status says so, so that the client cuts its parts to fit.
  const request = Math.min(context.rankedStaging.request, MIXER_BODY_LIMIT);
  const limits = { ...context.rankedStaging, request };
  const ranked = { bodyLimit: request };
  return [
    implement(
      'postOwnMix',
      ({ params, body }) => postOwnMix(service, params.electionId, body),
      ranked
    ),
    implement(
      'stageOwnMixPart',
      async ({ params, body }, reply) => {
        const staged = await stageOwnMixPart(service, params.electionId, body, limits);
        reply.code(staged.created ? 201 : 200);
        return staged;
      },
      ranked
    ),
    implement('ownMixStaging', ({ params, query }) =>
      stagingOf(service, params.electionId, query.step, limits)
    ),
    implement('commitOwnMix', async ({ params, body }, reply) => {
      const { positions, repeated } = await commitOwnMix(service, params.electionId, body);
      if (repeated) reply.code(200);
      return { positions };
    }),
    implement('discardOwnMix', ({ params, body }) =>
      discardOwnMix(service, params.electionId, body)
    ),
  ];
}
