/**
 * @module A worker thread making one trustee's decryption shares (spec §8.2, §11.6) for a slice of a
 * round's targets, with crypto's `createDecryptionShares`, the function a single thread uses: the
 * same shares, encoded as §8.7 D1.
 */
import { workerData } from 'node:worker_threads';
import {
  type Backend,
  type DecryptionCheckpoint,
  type Point,
  bytesToHex,
  createDecryptionShares,
  encodeDecryptionShare,
  loadFastestGroup,
  loadGroup,
  unpackPoints,
} from '@scrutineer/crypto';
import { serveRequests } from '@scrutineer/worker-pool';

/** One slice of a round: the targets' ciphertexts packed (α, β each) and their bindings. */
export interface ShareJob {
  readonly baseHash: Uint8Array;
  readonly trustee: number;
  readonly secretShare: bigint;
  readonly checkpoint: DecryptionCheckpoint;
  readonly ciphertexts: Uint8Array;
  readonly bindings: readonly (readonly Uint8Array[])[];
}

const { backend } = workerData as { backend: Backend | undefined };
const group = await (backend === undefined ? loadFastestGroup() : loadGroup(backend));

serveRequests((job: ShareJob): string[] => {
  const points = unpackPoints(group, job.ciphertexts);
  const targets = job.bindings.map((bindings, t) => ({
    ciphertext: { alpha: points[2 * t] as Point, beta: points[2 * t + 1] as Point },
    bindings: [...bindings],
  }));
  return createDecryptionShares(
    group,
    job.baseHash,
    { trustee: job.trustee, secretShare: job.secretShare, checkpoint: job.checkpoint },
    targets
  ).map((share) => bytesToHex(encodeDecryptionShare(group, share)));
});
