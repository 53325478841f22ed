/**
 * @module The ranked phase through the board (spec §11.8): after the tally, each mix server's
 * mix of a ranked contest, each trustee's shares of a decryption round, then the officer's
 * rankings and result. Each is posted whole (every part of it in one request) and the board
 * checks it as the verifier would (V10.2–V10.5, V11) before appending its parts together, so the
 * record never holds a step that fails. The officer's key authorises every route here, and the
 * officer relays what the mix servers and trustees hand over; a mix also carries its mix server's
 * own signature (V10.6), so the officer can relay a mix but not make one. A mix server posts its
 * own mix without the officer's key through its own routes (mixer-endpoints.ts), authenticated by
 * that signature. Trustees' shares are authenticated by their proofs under the trustees'
 * verification keys (spec §11.8).
 */
import { eventBodySchemas } from '@scrutineer/record';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { officerAction } from './official-endpoints.ts';
import { appendedResponse } from './schemas.ts';

const partsOf = <T extends z.ZodType>(part: T) =>
  z.strictObject({ parts: z.array(part).min(1).describe('every part, in order (spec §11.8)') });

export const mixSubmissionBody = partsOf(eventBodySchemas.mix);
export const rankedSharesBody = partsOf(eventBodySchemas['ranked-decryption-share']);
export const rankedAppendedResponse = z.strictObject({
  positions: z.array(z.number().int()),
});

/** A whole mix's refusals once its signature holds: whoever posts it, the same checks (V10.2). */
export const MIX_ERRORS = [
  'election/wrong-stage',
  'ranked/not-ranked',
  'ranked/out-of-order',
  'ranked/invalid-parts',
  'mix/wrong-input',
  'mix/invalid-proof',
] as const;

export const rankedEndpoints = {
  postMix: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/ranked/mixes',
    summary:
      "A mix server's mix of a ranked contest relayed by the officer, all its parts (mix events), signed by that mix server (V10.6); its signature, then its shuffle proof against its predecessor's output (V10.2), are checked before it is appended. The mix server itself posts through postOwnMix, without the officer's key",
    body: mixSubmissionBody,
    response: rankedAppendedResponse,
    errors: [...MIX_ERRORS, 'mix/invalid-signature'],
  }),
  postRankedShares: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/ranked/decryption-shares',
    summary:
      "A trustee's shares of one decryption round of a ranked contest, all parts (ranked-decryption-share events), checked as V10.3 checks them",
    body: rankedSharesBody,
    response: rankedAppendedResponse,
    errors: [
      'election/wrong-stage',
      'ranked/not-ranked',
      'ranked/out-of-order',
      'ranked/invalid-parts',
      'ranked/duplicate-share',
      'ranked/unknown-checkpoint',
      'ranked/invalid-share-proof',
      'ranked/invalid-shares',
      'trustee/not-qualified',
    ],
  }),
  postRankings: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/ranked/rankings',
    summary:
      "The decrypted rankings of a ranked contest (ranked-rankings), refused unless they are the rounds' decryption (V10.4–V10.5)",
    body: eventBodySchemas['ranked-rankings'],
    response: appendedResponse,
    errors: [
      'election/wrong-stage',
      'ranked/not-ranked',
      'ranked/out-of-order',
      'ranked/rankings-mismatch',
    ],
  }),
  postRankedResult: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/ranked/results',
    summary:
      'The count of a ranked contest (ranked-result), refused unless it is the count of the published rankings with the seed of spec §12.3.1 (V11)',
    body: eventBodySchemas['ranked-result'],
    response: appendedResponse,
    errors: [
      'election/wrong-stage',
      'ranked/not-ranked',
      'ranked/out-of-order',
      'ranked/result-mismatch',
    ],
  }),
} as const;
