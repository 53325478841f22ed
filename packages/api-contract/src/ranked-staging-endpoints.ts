/**
 * @module Staging a ranked step part by part (spec §11.8 "Staging", docs/decisions/0033): a mix,
 * or a trustee's shares of a round, too large for one request is uploaded one part per request
 * into the board's staging area (not the record), read back as the list of parts staged, and
 * committed: the board joins the staged parts, runs the same check as the one-request routes
 * (V10.2–V10.5) and appends them together, or appends nothing. A part sent again with the same
 * body is accepted again (a retry after a lost answer), and so is the commit of an upload the board
 * already appended (named by its digest); the officer's key authorises every call here. A mix
 * server stages and commits its own mix without it, each request signed with its key
 * (mixer-endpoints.ts, spec §11.8 "Posted by its mix server").
 */
import { Hex32, eventBodySchemas } from '@scrutineer/record';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { officerAction } from './official-endpoints.ts';
import { rankedAppendedResponse } from './ranked-endpoints.ts';
import { electionParams } from './schemas.ts';

/**
 * A staged step's key: `mix/<contest>/<mixer>` or `shares/<contest>/<round>/<trustee>`, decimal
 * without leading zeros (spec §11.8).
 */
export const stagedStep = z
  .string()
  .regex(
    /^(?:mix\/(?:0|[1-9]\d{0,5})\/(?:0|[1-9]\d{0,5})|shares\/(?:0|[1-9]\d{0,5})\/(?:0|[1-9]\d{0,5})\/(?:0|[1-9]\d{0,5}))$/,
    'mix/<contest>/<mixer> or shares/<contest>/<round>/<trustee>'
  );

export const stagedPartBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mix'), body: eventBodySchemas.mix }),
  z.strictObject({
    type: z.literal('ranked-decryption-share'),
    body: eventBodySchemas['ranked-decryption-share'],
  }),
]);
export type StagedPart = z.infer<typeof stagedPartBody>;

/** The staged step a part belongs to (its key, spec §11.8). */
export function stagedStepOf(part: StagedPart): string {
  const { body } = part;
  return part.type === 'mix'
    ? `mix/${body.contest}/${part.body.mixer}`
    : `shares/${body.contest}/${part.body.position}/${part.body.trustee}`;
}

export const stagedPartResponse = z.strictObject({
  step: stagedStep,
  part: z.number().int(),
  /** SHA-256 hex of the part's canonical JSON body. */
  digest: Hex32,
  /** False when this very part was staged already (a retry). */
  created: z.boolean(),
});
export const stagingQuery = z.strictObject({ step: stagedStep });
export const stagedStepBody = z.strictObject({ step: stagedStep });
export const commitStepBody = z.strictObject({
  step: stagedStep,
  /**
   * The upload committed: SHA-256 of its parts' digests in part order (spec §11.8). With it, a
   * commit sent again after the board appended that very upload answers the same positions.
   */
  digest: Hex32.optional(),
});
export const stagingResponse = z.strictObject({
  step: stagedStep,
  /** The step's part count, once a part is staged. */
  parts: z.number().int().nullable(),
  staged: z.array(
    z.strictObject({ part: z.number().int(), digest: Hex32, bytes: z.number().int() })
  ),
  bytes: z.number().int(),
  /** The board's limits: one request's body, and all the staged parts of one step, in bytes. */
  limits: z.strictObject({ request: z.number().int(), step: z.number().int() }),
});
export const discardedResponse = z.strictObject({ step: stagedStep, discarded: z.number().int() });

/** What a commit may answer: the one-request routes' refusals, and an incomplete staging. */
/** A staged part's refusals, whoever stages it. */
export const STAGE_PART_ERRORS = [
  'election/wrong-stage',
  'ranked/not-ranked',
  'ranked/invalid-parts',
  'ranked/staged-part-differs',
  'ranked/staging-full',
] as const;

/** A staged mix's refusals at its commit, whoever commits it. */
export const MIX_COMMIT_ERRORS = [
  'election/wrong-stage',
  'ranked/not-ranked',
  'ranked/out-of-order',
  'ranked/invalid-parts',
  'ranked/staging-incomplete',
  'ranked/staged-part-differs',
  'mix/wrong-input',
  'mix/invalid-proof',
] as const;

const COMMIT_ERRORS = [
  ...MIX_COMMIT_ERRORS,
  'ranked/duplicate-share',
  'ranked/unknown-checkpoint',
  'ranked/invalid-share-proof',
  'ranked/invalid-shares',
  'trustee/not-qualified',
] as const;

export const rankedStagingEndpoints = {
  stageRankedPart: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/ranked/staging/parts',
    summary:
      'Stage one part of a mix or of a trustee’s shares of a round (not on the record until the step is committed); the same part again is accepted again',
    body: stagedPartBody,
    response: stagedPartResponse,
    alsoStatus: [200],
    idempotent: true,
    errors: STAGE_PART_ERRORS,
  }),
  rankedStaging: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/ranked/staging',
    summary: 'The parts of a ranked step staged so far, with their digests, and the board’s limits',
    audience: 'officer',
    params: electionParams,
    query: stagingQuery,
    response: stagingResponse,
    errors: [],
  }),
  commitRankedStep: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/ranked/staging/commit',
    summary:
      'Join a step’s staged parts, check them as the one-request route does (V10.2–V10.5) and append them together; a refused step’s staging is discarded unless it may pass later. The same upload (by its digest) committed again answers 200 with the positions it was appended at',
    body: commitStepBody,
    response: rankedAppendedResponse,
    alsoStatus: [200],
    idempotent: true,
    errors: COMMIT_ERRORS,
  }),
  discardRankedStep: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/ranked/staging/discard',
    summary: 'Drop every staged part of a step (to start it again with other parts)',
    body: stagedStepBody,
    response: discardedResponse,
    status: 200,
    idempotent: true,
    errors: [],
  }),
} as const;
