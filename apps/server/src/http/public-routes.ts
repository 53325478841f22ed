/**
 * @module The public board API (spec §9–§10): anyone may read the manifest, the election key and
 * fingerprint, the events, the signed checkpoints with inclusion and consistency proofs, a
 * tracker's place, the turnout by channel, the result, and the whole record bundle that
 * `scrutineer verify` reads (with nominations.json once the returning officer has uploaded it).
 * Nothing here counts anything per candidate before the result. The endpoints themselves are
 * @scrutineer/api-contract's board endpoints.
 */
import { Readable } from 'node:stream';
import type { BoardEvent } from '@scrutineer/record';
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
import { ServiceError } from '../http-errors.ts';
import { readNominations } from '../officials/nominations-file.ts';
import { readResult } from '../officials/tally.ts';
import { countUptake } from '../voting/uptake.ts';
import { lookupTracker, turnout } from '../voting/voter-queries.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, implement } from './route-spec.ts';

/** A stored line as its event (the board stores only events it checked: spec §9.5). */
function parseLine(line: string): BoardEvent {
  const json = parseCanonicalJson(line);
  if (!json.ok) throw new Error('stored line is not canonical');
  return json.value as BoardEvent;
}

export function publicRoutes(context: AppContext): RouteSpec[] {
  const database = context.service.database;
  const elections = context.service.elections;
  /**
   * A read of what the board has published (checkpoints, the result, the record's files): it
   * answers `election/not-found` from the board's head for an election the board does not hold,
   * before looking for anything else.
   */
  const published = async <T>(electionId: string, read: () => T): Promise<Awaited<T>> => {
    await readHead(database, electionId);
    return await read();
  };
  return [
    implement('summary', async ({ params }) => {
      const election = await elections.get(params.electionId);
      return {
        ...(await electionSummary(database, params.electionId)),
        manifestHash: election.manifestHash,
        boardPublicKey: election.boardPublicKey,
      };
    }),
    implement('manifest', async ({ params }) => (await elections.get(params.electionId)).manifest),
    implement('events', async ({ params, query }) => {
      const page = await readEventLines(database, params.electionId, query.from, query.limit);
      return { events: page.lines.map(parseLine), next: page.next, size: page.size };
    }),
    implement('event', async ({ params }) => {
      const { line, hash } = await readEventLine(database, params.electionId, params.position);
      return { event: parseLine(line), line, hash, leafHash: bytesToHex(hashLeaf(utf8(line))) };
    }),
    implement('checkpoints', ({ params, query }) =>
      published(params.electionId, async () => ({
        checkpoints: await listCheckpoints(database, params.electionId, query.from, query.limit),
      }))
    ),
    implement('latestCheckpoint', ({ params }) =>
      published(params.electionId, async () => {
        const checkpoint = await latestCheckpoint(database, params.electionId);
        if (checkpoint === null) throw new ServiceError('board/no-checkpoint');
        return checkpoint;
      })
    ),
    implement('inclusionProof', async ({ params, query }) => {
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
    }),
    implement('consistencyProof', async ({ params, query }) => {
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
    }),
    implement('tracker', async ({ params }) => {
      // Spec §9.10: a count only, found or not (a voter who cannot find a ballot counts too); the
      // tracker is not kept.
      await readHead(database, params.electionId);
      await countUptake(context.service, params.electionId, 'tracker-lookup');
      return lookupTracker(database, params.electionId, params.tracker);
    }),
    implement('turnout', ({ params }) => turnout(database, params.electionId)),
    implement('result', ({ params }) =>
      published(params.electionId, () => readResult(database, params.electionId))
    ),
    implement('recordFormat', ({ params }) =>
      published(params.electionId, () => `${FORMAT_JSON}\n`)
    ),
    implement('recordBoard', ({ params }) =>
      published(params.electionId, () => Readable.from(boardJsonl(database, params.electionId)))
    ),
    implement('recordCheckpoints', ({ params }) =>
      published(params.electionId, () =>
        Readable.from(checkpointsJsonl(database, params.electionId))
      )
    ),
    // A string body: fastify sends the stored text unchanged, so its SHA-256 is what V1.3 checks.
    implement('recordNominations', ({ params }) =>
      readNominations(context.service, params.electionId)
    ),
  ];
}
