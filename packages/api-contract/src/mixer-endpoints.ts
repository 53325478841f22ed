/**
 * @module A mix server's own routes (spec §11.8 "Posted by its mix server", docs/decisions/0032):
 * a mix server posts its mix of a ranked contest itself, in one request or staged part by part and
 * committed, with no officer's key. Each request is authenticated by a signature inside its body
 * under the key the manifest lists for that mix server: on the one-request route the mix's own
 * signature over the whole step (11.12, the one V10.6 checks), on the staging routes its signature
 * over the request (11.13: the part's digest, the upload's, or the staging's it discards). The
 * board checks that signature first, before it joins parts or checks a shuffle proof, and refuses a
 * missing or wrong one with `mix/invalid-signature`, staging and appending nothing. A body is read
 * before its signature can be checked, so one request is held to at most 16 MiB (the staging
 * status's `limits.request` says how much; a larger mix is staged in more parts). The officer's
 * routes (ranked-endpoints.ts, ranked-staging-endpoints.ts) still take a mix to relay.
 */
import { Hex32, Hex64, eventBodySchemas } from '@scrutineer/record';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { MIX_ERRORS, mixSubmissionBody, rankedAppendedResponse } from './ranked-endpoints.ts';
import {
  MIX_COMMIT_ERRORS,
  STAGE_PART_ERRORS,
  discardedResponse,
  stagedPartResponse,
  stagingResponse,
} from './ranked-staging-endpoints.ts';
import { electionParams } from './schemas.ts';

/** A mix's staged step, `mix/<contest>/<mixer>` (spec §11.8). */
export const mixStagedStep = z
  .string()
  .regex(/^mix\/(?:0|[1-9]\d{0,5})\/(?:0|[1-9]\d{0,5})$/, 'mix/<contest>/<mixer>');

/**
 * Mix server m's signature on a staging request (spec §11.8 (11.13)); a request without one is
 * refused as one with a wrong one, `mix/invalid-signature`.
 */
const requestSignature = Hex64.optional().describe(
  "the mix server's signature on this request (spec §11.8 (11.13)), under the manifest's key for it"
);

export const mixerPartBody = z.strictObject({
  body: eventBodySchemas.mix,
  signature: requestSignature,
});
export const mixerCommitBody = z.strictObject({
  step: mixStagedStep,
  /** The upload committed: SHA-256 of its parts' digests in part order (spec §11.8). */
  digest: Hex32,
  signature: requestSignature,
});
export const mixerDiscardBody = z.strictObject({
  step: mixStagedStep,
  signature: requestSignature,
});

/** A mix server's action on one election: a POST under the election, 201 Created. */
const mixerAction = {
  method: 'POST',
  audience: 'mixer',
  params: electionParams,
  status: 201,
} as const;

export const mixerEndpoints = {
  postOwnMix: endpoint({
    ...mixerAction,
    path: '/api/elections/:electionId/ranked/mixer/mixes',
    summary:
      "A mix server posts its own mix of a ranked contest, all its parts, without the officer's key: its signature over the whole step (11.12, V10.6) is checked before anything else, then the mix as on the officer's route (V10.2)",
    body: mixSubmissionBody,
    response: rankedAppendedResponse,
    errors: MIX_ERRORS,
  }),
  stageOwnMixPart: endpoint({
    ...mixerAction,
    path: '/api/elections/:electionId/ranked/mixer/staging/parts',
    summary:
      "A mix server stages one part of its own mix, signed over the part's digest (11.13, checked first); the same part again is accepted again",
    body: mixerPartBody,
    response: stagedPartResponse,
    alsoStatus: [200],
    idempotent: true,
    errors: STAGE_PART_ERRORS,
  }),
  ownMixStaging: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/ranked/mixer/staging',
    summary:
      "The parts of a mix staged so far, with their digests (not their bodies), and the board's limits",
    audience: 'public',
    params: electionParams,
    query: z.strictObject({ step: mixStagedStep }),
    response: stagingResponse,
    errors: ['election/not-found'],
  }),
  commitOwnMix: endpoint({
    ...mixerAction,
    path: '/api/elections/:electionId/ranked/mixer/staging/commit',
    summary:
      "A mix server commits its staged mix, signed over the upload's digest (11.13, checked first): joined, checked for its signature over the whole step (V10.6) and its proof (V10.2) and appended together, as on the officer's commit",
    body: mixerCommitBody,
    response: rankedAppendedResponse,
    alsoStatus: [200],
    idempotent: true,
    errors: MIX_COMMIT_ERRORS,
  }),
  discardOwnMix: endpoint({
    ...mixerAction,
    path: '/api/elections/:electionId/ranked/mixer/staging/discard',
    summary:
      'A mix server drops its staged mix, signed over the digest of the parts staged now (11.13, checked first), so a replayed discard drops nothing staged since',
    body: mixerDiscardBody,
    response: discardedResponse,
    status: 200,
    idempotent: true,
    errors: [],
  }),
} as const;
