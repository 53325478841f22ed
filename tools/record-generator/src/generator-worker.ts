/**
 * @module A worker thread of `npm run generate-record --`: loads its own group backend, then
 * answers chunk jobs (credential keys, ballots, or a slice of a trustee's shares of a ranked round)
 * from the main thread, which writes the record.
 */
import { workerData } from 'node:worker_threads';
import { type Backend, loadGroup } from '@scrutineer/crypto';
import type { Manifest } from '@scrutineer/record';
import { type EncryptionSetup, type ShareSlice, shareSliceHex } from '@scrutineer/protocol';
import { prepareBallotContext } from '@scrutineer/verifier';
import { serveRequests } from '@scrutineer/worker-pool';
import { installSeededRandomness } from './seeded-randomness.ts';
import { ballotChunk, credentialKeys } from './voter-chunk.ts';

/** What the main thread gives every worker once. */
export interface WorkerSetup {
  readonly backend: Backend;
  readonly seed: string;
}

/** A job: the keys of a chunk, or its ballots once the election is open. */
export type GeneratorJob =
  | {
      readonly kind: 'credentials';
      readonly chunk: number;
      readonly count: number;
    }
  | {
      readonly kind: 'ballots';
      readonly chunk: number;
      readonly count: number;
      readonly election: {
        readonly manifest: Manifest;
        readonly electionKey: string;
        readonly baseHash: string;
      };
    }
  | RankedShareJob;

/**
 * Trustee l's decryption shares (spec §8.2, §11.6) of a slice of a ranked round's targets, made
 * as the trustee's own command makes them (protocol `shareSliceHex`, as apps/cli share-worker),
 * its proofs' randomness from the stream `label`.
 */
export interface RankedShareJob extends ShareSlice {
  readonly kind: 'ranked-shares';
  readonly label: string;
}

const { backend, seed } = workerData as WorkerSetup;
const group = await loadGroup(backend);
let setup: { readonly key: string; readonly value: EncryptionSetup } | undefined;

function encryptionSetup(election: Extract<GeneratorJob, { kind: 'ballots' }>['election']) {
  // The election is the same for every ballot job: prepare the fixed base K once.
  const key = `${election.electionKey}/${election.baseHash}`;
  if (setup?.key !== key) {
    setup = {
      key,
      value: prepareBallotContext(group, {
        manifest: election.manifest,
        electionKeyHex: election.electionKey,
        baseHashHex: election.baseHash,
      }),
    };
  }
  return setup.value;
}

/** The slice's shares, §8.7 encoding in hex, in target order. */
function rankedShares(job: RankedShareJob): string[] {
  const restore = installSeededRandomness(seed, job.label);
  try {
    return shareSliceHex(group, job);
  } finally {
    restore();
  }
}

serveRequests((job: GeneratorJob) => {
  switch (job.kind) {
    case 'credentials':
      return credentialKeys(group, seed, job.chunk, job.count);
    case 'ballots':
      return ballotChunk(encryptionSetup(job.election), seed, job.chunk, job.count);
    case 'ranked-shares':
      return rankedShares(job);
  }
});
