/**
 * @module Dispute routes (spec §9.5.4): anyone holding a receipt of this board files it as a
 * public `receipt-dispute`. The request and response schemas of these routes are all here.
 */
import { Hex32, receiptSchema } from '@scrutineer/record';
import { z } from 'zod';
import { fileDispute } from '../voting/disputes.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, route } from './route-spec.ts';
import { electionParams } from './schemas.ts';

export const disputeBody = z.strictObject({ receipt: receiptSchema });
export const disputeResponse = z.strictObject({
  position: z.number().int().min(0),
  hash: Hex32,
});

export function disputeRoutes(context: AppContext): RouteSpec[] {
  return [
    route({
      method: 'POST',
      url: '/api/elections/:electionId/disputes',
      summary:
        "File a receipt whose ballot is not on the board: appended as a public receipt-dispute (spec §9.5.4), refused unless it is this board's receipt",
      // Public: the board's own signature on the receipt is what admits it.
      audience: 'public',
      params: electionParams,
      body: disputeBody,
      response: disputeResponse,
      status: 201,
      perMinute: 10,
      handler: async ({ params, body }) =>
        fileDispute(context.service, params.electionId, body.receipt),
    }),
  ];
}
