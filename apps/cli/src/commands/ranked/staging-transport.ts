/**
 * @module The board's staging routes (spec §11.8 "Staging") as the protocol's staged upload
 * reaches them, with the officer's key. Every call waits out 429/503 and a server not listening
 * (server-client.ts); a part upload, a discard and a commit also go again after a connection cut
 * mid-request, since the contract calls them idempotent (a part sent twice is staged once; a
 * commit names its upload's digest, and the same upload committed again answers as the first).
 */
import type { StagingTransport } from '@scrutineer/protocol';
import type { RankedContext } from './ranked-actions.ts';

export function stagingTransport(context: RankedContext): StagingTransport {
  const { client } = context;
  const officer = { params: { electionId: context.electionId }, token: context.adminKey };
  return {
    status: (step) => client.call('rankedStaging', { ...officer, query: { step } }),
    stage: async (part) => {
      await client.call('stageRankedPart', { ...officer, body: part });
    },
    discard: async (step) => {
      await client.call('discardRankedStep', { ...officer, body: { step } });
    },
    commit: async (step, digest) =>
      (await client.call('commitRankedStep', { ...officer, body: { step, digest } })).positions,
  };
}
