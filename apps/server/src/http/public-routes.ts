/**
 * @module The public board API (spec §9–§10): anyone may read the manifest, the election key and
 * fingerprint, the events, the signed checkpoints with inclusion and consistency proofs, a
 * tracker's place, the turnout by channel, the result, and the whole record bundle that
 * `scrutineer verify` reads (with nominations.json once the returning officer has uploaded it). Nothing here counts anything per candidate before the result.
 */
import { Readable } from 'node:stream';
import { bytesToHex, utf8 } from '@scrutineer/crypto';
import { hashLeaf, parseCanonicalJson } from '@scrutineer/record';
import { readHead } from '../board/board-head.ts';
import {
  FORMAT_JSON,
  boardJsonl,
  checkpointsJsonl,
  electionSummary,
  readEventLine,
  readEventLines,
} from '../board/board-reader.ts';
import { latestCheckpoint, listCheckpoints } from '../board/checkpoints.ts';
import { loadConsistencyProof, loadInclusionProof, rootAt } from '../board/merkle-store.ts';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import { readNominations } from '../officials/nominations-file.ts';
import { readResult } from '../officials/tally.ts';
import { countUptake } from '../voting/uptake.ts';
import { lookupTracker, turnout } from '../voting/voter-queries.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, route } from './route-spec.ts';
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
} from './schemas.ts';
import { checkpointSchema, manifestSchema } from '@scrutineer/record';
import type { z } from 'zod';

/** What a public read of one election's board states of its own. */
interface BoardRead<Q extends z.ZodObject | undefined> {
  readonly url: string;
  readonly summary: string;
  readonly query?: Q;
  readonly response?: z.ZodType;
  readonly contentType?: string;
  /** Runs once the election is known to have a board; the body, or a promise of it. */
  readonly read: (
    electionId: string,
    query: Q extends z.ZodObject ? z.infer<Q> : Record<string, never>
  ) => unknown;
}

/**
 * Reads of what the board has published (checkpoints, the result, the record's files): a public
 * GET that answers `election/not-found` from the board's head for an election it does not hold,
 * before looking for anything else.
 */
function boardReads(database: Queryable) {
  return <Q extends z.ZodObject | undefined = undefined>({
    read,
    ...spec
  }: BoardRead<Q>): RouteSpec =>
    route({
      method: 'GET',
      audience: 'public',
      params: electionParams,
      ...spec,
      handler: async ({ params, query }) => {
        await readHead(database, params.electionId);
        return read(params.electionId, query);
      },
    });
}

function parseLine(line: string): Record<string, unknown> {
  const json = parseCanonicalJson(line);
  if (!json.ok) throw new Error('stored line is not canonical');
  return json.value as Record<string, unknown>;
}

export function publicRoutes(context: AppContext): RouteSpec[] {
  const database = context.service.database;
  const elections = context.service.elections;
  const boardRead = boardReads(database);
  return [
    route({
      method: 'GET',
      url: '/api/elections/:electionId',
      summary:
        'The election: stage, board size and head hash, election key, base hash and fingerprint',
      audience: 'public',
      params: electionParams,
      response: summarySchema,
      handler: async ({ params }) => {
        const election = await elections.get(params.electionId);
        return {
          ...(await electionSummary(database, params.electionId)),
          manifestHash: election.manifestHash,
          boardPublicKey: election.boardPublicKey,
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/manifest',
      summary: 'The manifest (spec §9.2), as published at position 0',
      audience: 'public',
      params: electionParams,
      response: manifestSchema,
      handler: async ({ params }) => (await elections.get(params.electionId)).manifest,
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/events',
      summary: 'A page of board events from position `from`',
      audience: 'public',
      params: electionParams,
      query: pageQuery,
      response: eventPageSchema,
      handler: async ({ params, query }) => {
        const page = await readEventLines(database, params.electionId, query.from, query.limit);
        return { events: page.lines.map(parseLine), next: page.next, size: page.size };
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/events/:position',
      summary: 'One board event with its canonical line, event hash and Merkle leaf hash',
      audience: 'public',
      params: positionParams,
      response: eventSchema,
      handler: async ({ params }) => {
        const { line, hash } = await readEventLine(database, params.electionId, params.position);
        return { event: parseLine(line), line, hash, leafHash: bytesToHex(hashLeaf(utf8(line))) };
      },
    }),
    boardRead({
      url: '/api/elections/:electionId/checkpoints',
      summary: 'Signed checkpoints (spec §10.3) from size `from`, in increasing size',
      query: pageQuery,
      response: checkpointListSchema,
      read: async (electionId, query) => ({
        checkpoints: await listCheckpoints(database, electionId, query.from, query.limit),
      }),
    }),
    boardRead({
      url: '/api/elections/:electionId/checkpoints/latest',
      summary: 'The latest signed checkpoint',
      response: checkpointSchema,
      read: async (electionId) => {
        const checkpoint = await latestCheckpoint(database, electionId);
        if (checkpoint === null) throw new ServiceError('board/no-checkpoint');
        return checkpoint;
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/proofs/inclusion',
      summary:
        'Inclusion proof (spec §10.2.3) of the event at `position` in the log of `size` events (default: the latest checkpoint that covers it, else the head)',
      audience: 'public',
      params: electionParams,
      query: inclusionQuery,
      response: inclusionProofSchema,
      handler: async ({ params, query }) => {
        const head = await readHead(database, params.electionId);
        const latest = await latestCheckpoint(database, params.electionId);
        const size =
          query.size ?? (latest !== null && latest.size > query.position ? latest.size : head.size);
        if (size > head.size || query.position >= size)
          throw new ServiceError('board/invalid-size', `need position < size ≤ ${head.size}`);
        const { line } = await readEventLine(database, params.electionId, query.position);
        return {
          position: query.position,
          size,
          root: await rootAt(database, params.electionId, size),
          leafHash: bytesToHex(hashLeaf(utf8(line))),
          proof: await loadInclusionProof(database, params.electionId, query.position, size),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/proofs/consistency',
      summary:
        'Consistency proof (spec §10.2.4) from the log of `from` events to the log of `to` events',
      audience: 'public',
      params: electionParams,
      query: consistencyQuery,
      response: consistencyProofSchema,
      handler: async ({ params, query }) => {
        const head = await readHead(database, params.electionId);
        if (query.from < 1 || query.from > query.to || query.to > head.size)
          throw new ServiceError('board/invalid-size', `need 1 ≤ from ≤ to ≤ ${head.size}`);
        return {
          from: query.from,
          to: query.to,
          fromRoot: await rootAt(database, params.electionId, query.from),
          toRoot: await rootAt(database, params.electionId, query.to),
          proof: await loadConsistencyProof(database, params.electionId, query.from, query.to),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/trackers/:tracker',
      summary: "Where a ballot's tracker is on the board",
      audience: 'public',
      params: trackerParams,
      response: trackerSchema,
      handler: async ({ params }) => {
        // Spec §9.8: a count only, found or not (a voter who cannot find a ballot counts too); the
        // tracker is not kept.
        await readHead(database, params.electionId);
        await countUptake(context.service, params.electionId, 'tracker-lookup');
        return lookupTracker(database, params.electionId, params.tracker);
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/turnout',
      summary: 'Members who voted so far, by channel only',
      audience: 'public',
      params: electionParams,
      response: turnoutSchema,
      handler: async ({ params }) => turnout(database, params.electionId),
    }),
    boardRead({
      url: '/api/elections/:electionId/result',
      summary: 'The published result (404 election/no-result before it)',
      response: resultBody,
      read: (electionId) => readResult(database, electionId),
    }),
    boardRead({
      url: '/api/elections/:electionId/record/format.json',
      summary: 'The record bundle (spec §9.1): format.json',
      contentType: 'application/json',
      read: () => `${FORMAT_JSON}\n`,
    }),
    boardRead({
      url: '/api/elections/:electionId/record/board.jsonl',
      summary: 'The record bundle (spec §9.1): board.jsonl, streamed',
      contentType: 'application/jsonl; charset=utf-8',
      read: (electionId) => Readable.from(boardJsonl(database, electionId)),
    }),
    boardRead({
      url: '/api/elections/:electionId/record/checkpoints.jsonl',
      summary: 'The record bundle (spec §9.1): checkpoints.jsonl',
      contentType: 'application/jsonl; charset=utf-8',
      read: (electionId) => Readable.from(checkpointsJsonl(database, electionId)),
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/record/nominations.json',
      summary:
        'The record bundle (spec §9.1): nominations.json, byte for byte as uploaded (404 nominations/not-published before)',
      audience: 'public',
      params: electionParams,
      contentType: 'application/json; charset=utf-8',
      // A string body: fastify sends the stored text unchanged, so its SHA-256 is what V1.3 checks.
      handler: async ({ params }) => readNominations(context.service, params.electionId),
    }),
  ];
}
