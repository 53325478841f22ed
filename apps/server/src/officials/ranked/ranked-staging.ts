/**
 * @module Staging a ranked step part by part (spec §11.8 "Staging", docs/decisions/0033). A mix or
 * a trustee's shares of a round too large for one request arrive one part per request into
 * `ranked_staging` (the database, so any instance takes any part and a restart loses nothing;
 * never the record). A part sent again with the same body is accepted again; another body for a
 * staged part is refused. The commit joins the staged parts under the head lock and ends in the
 * same check and append as the one-request routes (`appendMix`, `appendShares`), deleting the
 * staging in the same transaction: the parts are on the board together, or none is. A step
 * refused for its content has its staging discarded (it can never pass); one refused for its turn
 * keeps it for a later commit (the commit: commit-staging.ts). Staging older than the expiry is
 * deleted as abandoned.
 */
import { createHash } from 'node:crypto';
import { canonicalize, isRankedContest } from '@scrutineer/record';
import type { StagedPart } from '@scrutineer/api-contract';
import { stagedStepOf } from '@scrutineer/api-contract';
import { type Queryable, toNumber } from '../../database/database.ts';
import { RANKED_BODY_LIMIT } from '../../http/body-limits.ts';
import { ServiceError } from '../../http-errors.ts';
import type { ServiceContext } from '../../service-context.ts';
import { type Actor, writeAuditLog } from '../audit-log.ts';

export interface StagingLimits {
  /** Bytes of one request's body on the ranked routes: a whole step, or one staged part. */
  readonly request: number;
  /** Bytes of all the staged parts of one step. */
  readonly step: number;
  /** Staging untouched this long is abandoned and deleted. */
  readonly expiryMs: number;
}

/** One request as before staging existed (body-limits.ts), 1 GiB a step, two days' grace. */
export const DEFAULT_STAGING_LIMITS: StagingLimits = {
  request: RANKED_BODY_LIMIT,
  step: 1024 * 1024 * 1024,
  expiryMs: 48 * 3600_000,
};

/** What every part of a step repeats (spec §11.8): the mix's inputHash, or the shares' checkpoint. */
function joinsOf(part: StagedPart): string {
  return part.type === 'mix'
    ? part.body.inputHash
    : `${part.body.checkpoint.size}:${part.body.checkpoint.root}`;
}

async function checkStagingAllowed(
  context: ServiceContext,
  electionId: string,
  contest: number
): Promise<void> {
  const election = await context.elections.get(electionId);
  const spec = election.manifest.contests[contest];
  if (spec === undefined || !isRankedContest(spec)) throw new ServiceError('ranked/not-ranked');
  const rows = await context.database.query<{ stage: string }>(
    'SELECT stage FROM board_heads WHERE election_id = $1',
    [electionId]
  );
  const stage = rows[0]?.stage;
  if (stage !== 'tallied')
    throw new ServiceError(
      'election/wrong-stage',
      `the ranked phase follows the tally; the election is at ${stage ?? 'no stage'}`
    );
}

/** Deletes every step's staging older than the expiry, on any election (abandoned uploads). */
async function deleteAbandoned(context: ServiceContext, limits: StagingLimits): Promise<void> {
  const before = new Date(context.clock().getTime() - limits.expiryMs);
  await context.database.query('DELETE FROM ranked_staging WHERE staged_at < $1', [before]);
}

/** A staged part's canonical text, as stored, and its SHA-256 in hex: what a mix server signs. */
export interface CanonicalPart {
  readonly text: string;
  readonly digest: string;
}

export function canonicalPart(body: StagedPart['body']): CanonicalPart {
  const text = canonicalize(body);
  return { text, digest: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** Stages one part; `canonical` is its {@link canonicalPart} when the caller has made it already. */
export async function stagePart(
  context: ServiceContext,
  electionId: string,
  part: StagedPart,
  limits: StagingLimits,
  canonical: CanonicalPart = canonicalPart(part.body)
): Promise<{ step: string; part: number; digest: string; created: boolean }> {
  await checkStagingAllowed(context, electionId, part.body.contest);
  if (part.body.part >= part.body.parts)
    throw new ServiceError(
      'ranked/invalid-parts',
      `part ${part.body.part} of ${part.body.parts} parts`
    );
  await deleteAbandoned(context, limits);
  const step = stagedStepOf(part);
  const { text: body, digest } = canonical;
  const bytes = Buffer.byteLength(body, 'utf8');
  const joins = joinsOf(part);
  const staged = { step, part: part.body.part, digest };
  return context.database.transaction(async (transaction) => {
    // One step's uploads one at a time, whichever instance takes them: the size bound and the
    // agreement of the parts are decided on what is staged, not on a racing neighbour's guess.
    await transaction.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
      electionId,
      step,
    ]);
    const rows = await transaction.query<{
      part: number;
      parts: number;
      joins: string;
      digest: string;
      bytes: unknown;
    }>(
      'SELECT part, parts, joins, digest, bytes FROM ranked_staging WHERE election_id = $1 AND step = $2',
      [electionId, step]
    );
    const same = rows.find((r) => r.part === part.body.part);
    if (same !== undefined) {
      if (same.digest !== digest)
        throw new ServiceError(
          'ranked/staged-part-differs',
          `part ${part.body.part} of ${step} is staged with another body (SHA-256 ${same.digest})`
        );
      await touch(transaction, electionId, step, context.clock());
      return { ...staged, created: false };
    }
    const other = rows.find((r) => r.parts !== part.body.parts || r.joins !== joins);
    if (other !== undefined)
      throw new ServiceError(
        'ranked/invalid-parts',
        `part ${other.part} of ${step} is staged as one of ${other.parts} parts of ${other.joins}`
      );
    const total = rows.reduce((sum, r) => sum + toNumber(r.bytes), 0) + bytes;
    if (total > limits.step)
      throw new ServiceError(
        'ranked/staging-full',
        `${step} would hold ${total} bytes staged; the limit is ${limits.step}`
      );
    await transaction.query(
      `INSERT INTO ranked_staging (election_id, step, part, parts, joins, body, digest, bytes, staged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        electionId,
        step,
        part.body.part,
        part.body.parts,
        joins,
        body,
        digest,
        bytes,
        context.clock(),
      ]
    );
    await touch(transaction, electionId, step, context.clock());
    return { ...staged, created: true };
  });
}

/** A step being uploaded is not abandoned: every part's time moves on with each upload. */
async function touch(transaction: Queryable, electionId: string, step: string, now: Date) {
  await transaction.query(
    'UPDATE ranked_staging SET staged_at = $3 WHERE election_id = $1 AND step = $2',
    [electionId, step, now]
  );
}

export async function stagingOf(
  context: ServiceContext,
  electionId: string,
  step: string,
  limits: StagingLimits
) {
  await context.elections.get(electionId);
  const rows = await context.database.query<{
    part: number;
    parts: number;
    digest: string;
    bytes: unknown;
  }>(
    'SELECT part, parts, digest, bytes FROM ranked_staging WHERE election_id = $1 AND step = $2 ORDER BY part',
    [electionId, step]
  );
  const staged = rows.map((r) => ({ part: r.part, digest: r.digest, bytes: toNumber(r.bytes) }));
  return {
    step,
    parts: rows[0]?.parts ?? null,
    staged,
    bytes: staged.reduce((sum, r) => sum + r.bytes, 0),
    limits: { request: limits.request, step: limits.step },
  };
}

export async function discardStaging(
  context: ServiceContext,
  electionId: string,
  step: string,
  actor: Actor = 'officer'
): Promise<{ step: string; discarded: number }> {
  await context.elections.get(electionId);
  const rows = await context.database.query(
    'DELETE FROM ranked_staging WHERE election_id = $1 AND step = $2 RETURNING part',
    [electionId, step]
  );
  if (rows.length > 0)
    await writeAuditLog(context.database, electionId, actor, 'ranked-staging-discard', {
      step,
      parts: rows.length,
    });
  return { step, discarded: rows.length };
}
