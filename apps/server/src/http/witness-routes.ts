/**
 * @module Witness routes (spec §10.6.2): a witness named in the manifest posts its co-signature of
 * a checkpoint; anyone reads them, as JSON pages or as the bundle's `cosignatures.jsonl`. The
 * request and response schemas of these routes are all here.
 */
import { Readable } from 'node:stream';
import { cosignatureSchema } from '@scrutineer/record';
import { z } from 'zod';
import { readHead } from '../board/board-head.ts';
import { cosignaturesJsonl } from '../board/board-reader.ts';
import { addCosignature, listCosignatures } from '../board/cosignatures.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, route } from './route-spec.ts';
import { decimal, electionParams } from './schemas.ts';

export const cosignatureQuery = z.strictObject({
  from: decimal(1).default(1),
  to: decimal(1).optional(),
});
export const cosignatureListSchema = z.strictObject({ cosignatures: z.array(cosignatureSchema) });

export function witnessRoutes(context: AppContext): RouteSpec[] {
  const service = context.service;
  const database = service.database;
  return [
    route({
      method: 'POST',
      url: '/api/elections/:electionId/cosignatures',
      summary:
        'A witness publishes its co-signature of a checkpoint the board signed (spec §10.6.2)',
      // Public: the signature under a key the manifest names is the witness's authentication.
      audience: 'public',
      params: electionParams,
      body: cosignatureSchema,
      response: cosignatureSchema,
      perMinute: 120,
      handler: async ({ params, body }) => addCosignature(service, params.electionId, body),
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/cosignatures',
      summary: 'Witness co-signatures of checkpoints of size `from` … `to` (spec §10.6.2)',
      audience: 'public',
      params: electionParams,
      query: cosignatureQuery,
      response: cosignatureListSchema,
      handler: async ({ params, query }) => {
        await readHead(database, params.electionId);
        return {
          cosignatures: await listCosignatures(database, params.electionId, query.from, query.to),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/record/cosignatures.jsonl',
      summary:
        'The record bundle (spec §9.1): cosignatures.jsonl, of checkpoints of size ≤ `to` (pass the last size of the checkpoints.jsonl read)',
      audience: 'public',
      params: electionParams,
      query: z.strictObject({ to: decimal(1).optional() }),
      contentType: 'application/jsonl; charset=utf-8',
      handler: async ({ params, query }) => {
        await readHead(database, params.electionId);
        return Readable.from(cosignaturesJsonl(database, params.electionId, query.to));
      },
    }),
  ];
}
