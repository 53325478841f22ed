/**
 * @module What observers and voters post and read to check the board: witnesses' co-signatures of
 * checkpoints (spec §10.6.2), a voter's dispute of a receipt whose ballot is not on the board
 * (§9.5.5), and the aggregate verification uptake (§9.10). All public: a witness authenticates by
 * its signature under a key the manifest names, a dispute by the board's own signature on the
 * receipt, and an uptake report is a count.
 */
import { Hex32, cosignatureSchema, receiptSchema } from '@scrutineer/record';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { decimal, electionParams } from './schemas.ts';

export const cosignatureQuery = z.strictObject({
  from: decimal(1).default(1),
  to: decimal(1).optional(),
});
export const cosignatureListSchema = z.strictObject({ cosignatures: z.array(cosignatureSchema) });
export const disputeBody = z.strictObject({ receipt: receiptSchema });
export const disputeResponse = z.strictObject({ position: z.number().int().min(0), hash: Hex32 });
export const verifierReportBody = z.strictObject({ valid: z.boolean() });
const count = z.number().int().min(0);
export const uptakeSchema = z.strictObject({
  trackerLookups: count,
  ballotsChallenged: count,
  packChecks: count,
  verifierReports: z.strictObject({ valid: count, invalid: count }),
});

export const witnessEndpoints = {
  postCosignature: endpoint({
    method: 'POST',
    path: '/api/elections/:electionId/cosignatures',
    summary: 'A witness publishes its co-signature of a checkpoint the board signed (spec §10.6.2)',
    audience: 'public',
    params: electionParams,
    body: cosignatureSchema,
    response: cosignatureSchema,
    errors: [
      'election/not-found',
      'witness/no-witnesses',
      'witness/not-named',
      'witness/bad-signature',
      'witness/unknown-checkpoint',
    ],
  }),
  cosignatures: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/cosignatures',
    summary: 'Witness co-signatures of checkpoints of size `from` … `to` (spec §10.6.2)',
    audience: 'public',
    params: electionParams,
    query: cosignatureQuery,
    response: cosignatureListSchema,
    errors: ['election/not-found'],
  }),
  dispute: endpoint({
    method: 'POST',
    path: '/api/elections/:electionId/disputes',
    summary:
      "File a receipt whose ballot is not on the board: appended as a public receipt-dispute (spec §9.5.5), refused unless it is this board's receipt",
    audience: 'public',
    params: electionParams,
    body: disputeBody,
    response: disputeResponse,
    status: 201,
    errors: [
      'election/not-found',
      'election/wrong-stage',
      'dispute/bad-receipt',
      'dispute/duplicate',
    ],
  }),
  verifierReport: endpoint({
    method: 'POST',
    path: '/api/elections/:electionId/verifier-reports',
    summary:
      "A verifier's voluntary report of its verdict on the record (spec §9.10): counted, nothing kept",
    audience: 'public',
    params: electionParams,
    body: verifierReportBody,
    response: z.strictObject({ counted: z.literal(true) }),
    errors: ['election/not-found'],
  }),
  uptake: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/uptake',
    summary:
      'Aggregate verification uptake (spec §9.10), published with the result (404 election/no-result before it)',
    audience: 'public',
    params: electionParams,
    response: uptakeSchema,
    errors: ['election/not-found', 'election/no-result'],
  }),
} as const;
