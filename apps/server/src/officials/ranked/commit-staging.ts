/**
 * @module Committing a ranked step's staging (spec §11.8 "Staging", docs/decisions/0033): the
 * staged parts joined under the head lock and ended in the same check and append as the
 * one-request routes (`appendMix`, `appendShares`), the staging deleted in the same transaction,
 * so the parts are on the board together or none is. The commit names its upload by digest: a
 * commit sent again after the board appended that very upload (its answer lost) answers the same
 * positions and appends nothing; another upload for a filled step is refused for its turn. A step
 * refused for its content has its staging discarded (it can never pass); one refused for its turn
 * keeps it for a later commit.
 */
import { createHash } from 'node:crypto';
import { stagedUploadDigest } from '@scrutineer/protocol';
import { canonicalize } from '@scrutineer/record';
import type { Queryable } from '../../database/database.ts';
import { ServiceError } from '../../http-errors.ts';
import type { Actor } from '../audit-log.ts';
import type { ServiceContext } from '../../service-context.ts';
import { withLockedHead } from '../setup-steps.ts';
import {
  type RankedAppended,
  appendMix,
  appendShares,
  joinedMixParts,
  joinedShareParts,
} from './ranked-phase.ts';
import { bodiesOf } from './ranked-board.ts';

/** The refusals that say "not yet": the staged parts may pass a later commit, so they are kept. */
const NOT_YET = new Set([
  'ranked/out-of-order',
  'ranked/staging-incomplete',
  'election/wrong-stage',
  // Another upload than the commit names is staged: it is not this commit's to discard.
  'ranked/staged-part-differs',
]);

/** The refusals of a step whose place on the board is filled: another mix, the trustee's shares. */
const FILLED = new Set(['ranked/out-of-order', 'ranked/duplicate-share']);

/**
 * The step `step` as the board holds it, if it does: its events' positions and its upload's
 * digest recomputed from their bodies (spec §11.8: the SHA-256 of each part's canonical body, as
 * staged, then `stagedUploadDigest`).
 */
async function committedStep(
  transaction: Queryable,
  electionId: string,
  step: string
): Promise<{ positions: number[]; digest: string } | undefined> {
  const [kind, ...numbers] = step.split('/');
  const [contest, a, b] = numbers.map(Number);
  const events =
    kind === 'mix'
      ? (await bodiesOf(transaction, electionId, 'mix')).filter(
          (e) => e.body.contest === contest && e.body.mixer === a
        )
      : (await bodiesOf(transaction, electionId, 'ranked-decryption-share')).filter(
          (e) => e.body.contest === contest && e.body.position === a && e.body.trustee === b
        );
  if (events.length === 0) return undefined;
  return {
    positions: events.map((e) => e.position),
    digest: stagedUploadDigest(events.map((e) => sha256Hex(canonicalize(e.body)))),
  };
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface Committed extends RankedAppended {
  /** The board held this very upload already (a commit sent again): nothing was appended. */
  readonly repeated: boolean;
}

/**
 * Joins the step's staged parts and checks and appends them as the one-request route would, the
 * staging deleted in the same transaction; on a refusal for the step's content, the staging is
 * discarded after the rollback (the same parts could never pass). The upload is the one `digest`
 * names, else the staged one: if the board holds that very upload already (the answer to an
 * earlier commit was lost), the commit answers its positions again and appends nothing.
 */
export async function commitStaging(
  context: ServiceContext,
  electionId: string,
  step: string,
  digest?: string,
  /** Who commits, for the audit log: the officer, or mix server m itself (a mix). */
  actor: Actor = 'officer'
): Promise<Committed> {
  try {
    return await withLockedHead(context, electionId, async (transaction, head, election) => {
      const rows = await transaction.query<{
        part: number;
        parts: number;
        body: string;
        digest: string;
      }>(
        'SELECT part, parts, body, digest FROM ranked_staging WHERE election_id = $1 AND step = $2 ORDER BY part',
        [electionId, step]
      );
      const parts = rows[0]?.parts ?? 0;
      const complete = rows.length > 0 && rows.length === parts;
      const staged = complete ? stagedUploadDigest(rows.map((r) => r.digest)) : undefined;
      const upload = digest ?? staged;
      /** The board's answer if it holds `upload` already (the staging of it deleted). */
      const repeatedOf = async (held: Awaited<ReturnType<typeof committedStep>>) => {
        if (held === undefined || held.digest !== upload) return undefined;
        if (staged === upload) await deleteStaging(transaction, electionId, step);
        return { positions: held.positions, repeated: true };
      };
      if (upload !== undefined && staged !== upload) {
        const held = await committedStep(transaction, electionId, step);
        const repeated = await repeatedOf(held);
        if (repeated !== undefined) return repeated;
        if (held !== undefined)
          throw new ServiceError(
            step.startsWith('mix/') ? 'ranked/out-of-order' : 'ranked/duplicate-share',
            `${step} is on the board already as another upload (SHA-256 ${held.digest}); this commit names ${upload}`
          );
        if (complete)
          throw new ServiceError(
            'ranked/staged-part-differs',
            `the staged parts of ${step} are another upload (SHA-256 ${staged}) than this commit names (${upload})`
          );
      }
      if (!complete) {
        const have = new Set(rows.map((r) => r.part));
        const missing = Array.from({ length: parts }, (_, i) => i).filter((i) => !have.has(i));
        throw new ServiceError(
          'ranked/staging-incomplete',
          rows.length === 0
            ? `nothing of ${step} is staged`
            : `${step}: parts ${missing.join(', ')} of ${parts} are not staged`
        );
      }
      const bodies = rows.map((r) => JSON.parse(r.body) as unknown);
      let appended: RankedAppended;
      try {
        appended = step.startsWith('mix/')
          ? await appendMix(context, transaction, head, election, joinedMixParts(bodies), actor)
          : await appendShares(context, transaction, head, election, joinedShareParts(bodies));
      } catch (error) {
        // Refused before anything was written: the step's place may hold this very upload.
        const repeated =
          error instanceof ServiceError && FILLED.has(error.code)
            ? await repeatedOf(await committedStep(transaction, electionId, step))
            : undefined;
        if (repeated !== undefined) return repeated;
        throw error;
      }
      await deleteStaging(transaction, electionId, step);
      return { ...appended, repeated: false };
    });
  } catch (error) {
    if (error instanceof ServiceError && !NOT_YET.has(error.code))
      await deleteStaging(context.database, electionId, step);
    throw error;
  }
}

async function deleteStaging(database: Queryable, electionId: string, step: string) {
  await database.query('DELETE FROM ranked_staging WHERE election_id = $1 AND step = $2', [
    electionId,
    step,
  ]);
}
