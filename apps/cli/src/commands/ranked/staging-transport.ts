/**
 * @module The board's staging routes (spec §11.8 "Staging") as the protocol's staged upload
 * reaches them: the officer's, with the officer's key, or a mix server's own, each request signed
 * with the mix server's key (spec §11.8 (11.13)) and no officer's key. Every call waits out
 * 429/503 and a server not listening (server-client.ts); a part upload, a discard and a commit
 * also go again after a connection cut mid-request, since the contract calls them idempotent (a
 * part sent twice is staged once; a commit names its upload's digest, and the same upload
 * committed again answers as the first).
 */
import { type StagingTransport, stagedPartDigest, stagedUploadDigest } from '@scrutineer/protocol';
import { signMixRequest } from '@scrutineer/record';
import type { RankedContext } from './ranked-actions.ts';

/** A mix server's signing key, and the manifest hash its signatures bind (spec §11.8). */
export interface MixerSigner {
  readonly secretKey: bigint;
  readonly manifestHash: string;
}

export function stagingTransport(context: RankedContext): StagingTransport {
  const { client } = context;
  const officer = {
    params: { electionId: context.electionId },
    ...(context.adminKey === undefined ? {} : { token: context.adminKey }),
  };
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

/** Spec §11.8 "Posted by its mix server": the mix server's own staging routes, signed by it. */
export function mixerStagingTransport(
  context: RankedContext,
  signer: MixerSigner
): StagingTransport {
  const { client, group } = context;
  const params = { electionId: context.electionId };
  const sign = (action: 'stage' | 'commit' | 'discard', step: string, digest: string) =>
    signMixRequest(group, signer.manifestHash, signer.secretKey, action, step, digest);
  const status = (step: string) => client.call('ownMixStaging', { params, query: { step } });
  return {
    status,
    stage: async (part) => {
      if (part.type !== 'mix') throw new Error('a mix server stages only its mix');
      const step = `mix/${part.body.contest}/${part.body.mixer}`;
      const signature = sign('stage', step, stagedPartDigest(part));
      await client.call('stageOwnMixPart', { params, body: { body: part.body, signature } });
    },
    discard: async (step) => {
      // Signed over what is staged now, so the same request later drops nothing staged since.
      const staged = [...(await status(step)).staged].sort((a, b) => a.part - b.part);
      const signature = sign('discard', step, stagedUploadDigest(staged.map((s) => s.digest)));
      await client.call('discardOwnMix', { params, body: { step, signature } });
    },
    commit: async (step, digest) =>
      (
        await client.call('commitOwnMix', {
          params,
          body: { step, digest, signature: sign('commit', step, digest) },
        })
      ).positions,
  };
}
