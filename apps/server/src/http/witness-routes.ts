/**
 * @module The routes of the contract's witness endpoints: witnesses' co-signatures of
 * checkpoints (spec §10.6.2), voters' disputes of receipts (§9.5.5), and verification uptake
 * (§9.10).
 */
import { Readable } from 'node:stream';
import { readHead } from '../board/board-head.ts';
import { cosignaturesJsonl } from '../board/board-reader.ts';
import { addCosignature, listCosignatures } from '../board/cosignatures.ts';
import { ServiceError } from '../http-errors.ts';
import { fileDispute } from '../voting/disputes.ts';
import { countUptake, readUptake } from '../voting/uptake.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, implement } from './route-spec.ts';

export function witnessRoutes(context: AppContext): RouteSpec[] {
  const service = context.service;
  const database = service.database;
  return [
    implement(
      'postCosignature',
      ({ params, body }) => addCosignature(service, params.electionId, body),
      { perMinute: 120 }
    ),
    implement('cosignatures', async ({ params, query }) => {
      await readHead(database, params.electionId);
      return {
        cosignatures: await listCosignatures(database, params.electionId, query.from, query.to),
      };
    }),
    implement('recordCosignatures', async ({ params, query }) => {
      await readHead(database, params.electionId);
      return Readable.from(cosignaturesJsonl(database, params.electionId, query.to));
    }),
    implement(
      'dispute',
      ({ params, body }) => fileDispute(service, params.electionId, body.receipt),
      {
        perMinute: 10,
      }
    ),
    implement(
      'verifierReport',
      async ({ params, body }) => {
        await readHead(database, params.electionId);
        await countUptake(
          service,
          params.electionId,
          body.valid ? 'verifier-report-valid' : 'verifier-report-invalid'
        );
        return { counted: true as const };
      },
      { perMinute: 10 }
    ),
    implement('uptake', async ({ params }) => {
      const head = await readHead(database, params.electionId);
      if (head.stage !== 'final') throw new ServiceError('election/no-result');
      return readUptake(database, params.electionId);
    }),
  ];
}
