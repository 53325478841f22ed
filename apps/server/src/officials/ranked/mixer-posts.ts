/**
 * @module A mix server's own posts (spec §11.8 "Posted by its mix server"): its mix in one
 * request, or staged part by part and committed, with no officer's key. Every request is checked
 * first for mix server m's signature under the manifest's key for it (on the whole step, 11.12,
 * or on the staging request, 11.13), before the parts are joined, a proof is checked or anything is
 * staged: a caller without mix server m's key makes the board do one hash of its body and one
 * signature check, and is refused with `mix/invalid-signature`. Then the request goes where the
 * officer's would (ranked-phase.ts, ranked-staging.ts, commit-staging.ts).
 */
import {
  type Manifest,
  type MixBody,
  type MixRequest,
  mixRequestProblem,
  mixSignatureProblem,
} from '@scrutineer/record';
import { stagedUploadDigest } from '@scrutineer/protocol';
import type { Group } from '@scrutineer/crypto';
import { ServiceError } from '../../http-errors.ts';
import type { ServiceContext } from '../../service-context.ts';
import { type RankedAppended, postMix } from './ranked-phase.ts';
import { type StagingLimits, canonicalPart, discardStaging, stagePart } from './ranked-staging.ts';
import { type Committed, commitStaging } from './commit-staging.ts';

/** The mixer a `mix/<contest>/<mixer>` step names. */
const mixerOfStep = (step: string): number => Number(step.split('/')[2]);

/**
 * Refuses with `mix/invalid-signature` unless `problemOf` finds none in the election's manifest:
 * the one check every mixer route makes before any other work.
 */
async function requireSigned(
  context: ServiceContext,
  electionId: string,
  problemOf: (group: Group, manifest: Manifest, manifestHash: string) => string | null
): Promise<void> {
  const election = await context.elections.get(electionId);
  const problem = problemOf(context.group, election.manifest, election.manifestHash);
  if (problem !== null) throw new ServiceError('mix/invalid-signature', problem);
}

/** Mix server m's signature on a staging request (11.13). */
const checkRequest = (
  context: ServiceContext,
  electionId: string,
  mixer: number,
  request: MixRequest
): Promise<void> =>
  requireSigned(context, electionId, (group, manifest, manifestHash) =>
    mixRequestProblem(group, manifest, manifestHash, mixer, request)
  );

/** The one-request route: the mix's own signature (V10.6) first, then the officer's route's check. */
export async function postOwnMix(
  context: ServiceContext,
  electionId: string,
  value: { parts: MixBody[] }
): Promise<RankedAppended> {
  await requireSigned(context, electionId, (group, manifest, manifestHash) =>
    mixSignatureProblem(group, manifest, manifestHash, value.parts)
  );
  return postMix(context, electionId, value, `mixer-${value.parts[0]?.mixer ?? 0}`);
}

/** Stages one part of mix server m's mix, once its signature on the part's digest verifies. */
export async function stageOwnMixPart(
  context: ServiceContext,
  electionId: string,
  value: { body: MixBody; signature?: string | undefined },
  limits: StagingLimits
): Promise<{ step: string; part: number; digest: string; created: boolean }> {
  const { body } = value;
  const step = `mix/${body.contest}/${body.mixer}`;
  // Canonicalised and hashed once: the digest the signature covers is the one staged.
  const canonical = canonicalPart(body);
  await checkRequest(context, electionId, body.mixer, {
    action: 'stage',
    step,
    digest: canonical.digest,
    signature: value.signature,
  });
  return stagePart(context, electionId, { type: 'mix', body }, limits, canonical);
}

/** Commits mix server m's staged mix, once its signature on the upload's digest verifies. */
export async function commitOwnMix(
  context: ServiceContext,
  electionId: string,
  value: { step: string; digest: string; signature?: string | undefined }
): Promise<Committed> {
  await checkRequest(context, electionId, mixerOfStep(value.step), {
    action: 'commit',
    ...value,
  });
  return commitStaging(
    context,
    electionId,
    value.step,
    value.digest,
    `mixer-${mixerOfStep(value.step)}`
  );
}

/**
 * Drops mix server m's staged mix, once its signature on the digest of the parts staged now
 * verifies: a discard sent again later drops nothing staged since.
 */
export async function discardOwnMix(
  context: ServiceContext,
  electionId: string,
  value: { step: string; signature?: string | undefined }
): Promise<{ step: string; discarded: number }> {
  await context.elections.get(electionId);
  const rows = await context.database.query<{ digest: string }>(
    'SELECT digest FROM ranked_staging WHERE election_id = $1 AND step = $2 ORDER BY part',
    [electionId, value.step]
  );
  await checkRequest(context, electionId, mixerOfStep(value.step), {
    action: 'discard',
    step: value.step,
    digest: stagedUploadDigest(rows.map((r) => r.digest)),
    signature: value.signature,
  });
  return discardStaging(context, electionId, value.step, `mixer-${mixerOfStep(value.step)}`);
}
