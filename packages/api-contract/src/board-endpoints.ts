/**
 * @module The public board (spec §9–§10): anyone may read the election's summary, manifest,
 * events, signed checkpoints with inclusion and consistency proofs, a tracker's place, the turnout
 * by channel, the result, and the record bundle that `scrutineer verify` reads.
 */
import { checkpointSchema, manifestSchema } from '@scrutineer/record';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import {
  checkpointListSchema,
  consistencyProofSchema,
  consistencyQuery,
  electionParams,
  eventPageSchema,
  eventSchema,
  inclusionProofSchema,
  inclusionQuery,
  pageQuery,
  positionParams,
  resultBody,
  summarySchema,
  trackerParams,
  trackerSchema,
  turnoutSchema,
  decimal,
} from './schemas.ts';

const JSONL = 'application/jsonl; charset=utf-8';

/** A public read of one election's board, which answers `election/not-found` for an unknown id. */
const boardRead = {
  method: 'GET',
  audience: 'public',
  params: electionParams,
} as const;

export const boardEndpoints = {
  summary: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId',
    summary:
      'The election: stage, board size and head hash, election key, base hash and fingerprint',
    response: summarySchema,
    errors: ['election/not-found'],
  }),
  manifest: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/manifest',
    summary: 'The manifest (spec §9.2), as published at position 0',
    response: manifestSchema,
    errors: ['election/not-found'],
  }),
  events: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/events',
    summary: 'A page of board events from position `from`',
    query: pageQuery,
    response: eventPageSchema,
    errors: ['election/not-found'],
  }),
  event: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/events/:position',
    summary: 'One board event with its canonical line, event hash and Merkle leaf hash',
    params: positionParams,
    response: eventSchema,
    errors: ['election/not-found', 'board/position-out-of-range'],
  }),
  checkpoints: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/checkpoints',
    summary: 'Signed checkpoints (spec §10.3) from size `from`, in increasing size',
    query: pageQuery,
    response: checkpointListSchema,
    errors: ['election/not-found'],
  }),
  latestCheckpoint: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/checkpoints/latest',
    summary: 'The latest signed checkpoint',
    response: checkpointSchema,
    errors: ['election/not-found', 'board/no-checkpoint'],
  }),
  inclusionProof: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/proofs/inclusion',
    summary:
      'Inclusion proof (spec §10.2.3) of the event at `position` in the log of `size` events (default: the latest checkpoint that covers it, else the head)',
    query: inclusionQuery,
    response: inclusionProofSchema,
    errors: ['election/not-found', 'board/invalid-size', 'board/position-out-of-range'],
  }),
  consistencyProof: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/proofs/consistency',
    summary:
      'Consistency proof (spec §10.2.4) from the log of `from` events to the log of `to` events',
    query: consistencyQuery,
    response: consistencyProofSchema,
    errors: ['election/not-found', 'board/invalid-size'],
  }),
  tracker: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/trackers/:tracker',
    summary: "Where a ballot's tracker is on the board",
    params: trackerParams,
    response: trackerSchema,
    errors: ['election/not-found', 'board/tracker-not-found'],
  }),
  turnout: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/turnout',
    summary: 'Members who voted so far, by channel only',
    response: turnoutSchema,
    errors: ['election/not-found'],
  }),
  result: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/result',
    summary: 'The published result (404 election/no-result before it)',
    response: resultBody,
    errors: ['election/not-found', 'election/no-result'],
  }),
  recordFormat: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/record/format.json',
    summary: 'The record bundle (spec §9.1): format.json, as text',
    contentType: 'application/json',
    errors: ['election/not-found'],
  }),
  recordBoard: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/record/board.jsonl',
    summary: 'The record bundle (spec §9.1): board.jsonl, streamed',
    contentType: JSONL,
    errors: ['election/not-found'],
  }),
  recordCheckpoints: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/record/checkpoints.jsonl',
    summary: 'The record bundle (spec §9.1): checkpoints.jsonl',
    contentType: JSONL,
    errors: ['election/not-found'],
  }),
  recordCosignatures: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/record/cosignatures.jsonl',
    summary:
      'The record bundle (spec §9.1): cosignatures.jsonl, of checkpoints of size ≤ `to` (pass the last size of the checkpoints.jsonl read)',
    audience: 'public',
    params: electionParams,
    query: z.strictObject({ to: decimal(1).optional() }),
    contentType: 'application/jsonl; charset=utf-8',
    errors: ['election/not-found'],
  }),
  recordNominations: endpoint({
    ...boardRead,
    path: '/api/elections/:electionId/record/nominations.json',
    summary:
      'The record bundle (spec §9.1): nominations.json, byte for byte as uploaded (404 nominations/not-published before)',
    contentType: 'application/json; charset=utf-8',
    errors: ['election/not-found', 'nominations/not-published'],
  }),
} as const;

/** The files of the record bundle (spec §9.1), by the endpoint that serves each. */
export const RECORD_FILE_ENDPOINTS = {
  'format.json': 'recordFormat',
  'board.jsonl': 'recordBoard',
  'checkpoints.jsonl': 'recordCheckpoints',
  'nominations.json': 'recordNominations',
  'cosignatures.jsonl': 'recordCosignatures',
} as const satisfies Record<string, keyof typeof boardEndpoints>;
export type RecordFileName = keyof typeof RECORD_FILE_ENDPOINTS;
