/**
 * @module A trustee's shares of a ranked round on every core of its machine (spec §11.6): the
 * round's targets are cut into slices, each made by a worker thread (share-worker.ts) with the
 * same function as on one thread, and joined in target order. The secret share goes to threads of
 * the trustee's own process only. A round too small to be worth starting threads is made on this one.
 */
import { availableParallelism } from 'node:os';
import { type Backend, type Group, bytesToHex, encodeDecryptionShare } from '@scrutineer/crypto';
import {
  type RankedRound,
  type ShareSlice,
  packTargetCiphertexts,
  roundTargets,
  trusteeRankedShares,
} from '@scrutineer/protocol';
import { WorkerPool } from '@scrutineer/worker-pool';

/** Targets per job: small enough that two threads finish together, large enough to be cheap. */
const SLICE = 2_000;

/**
 * Trustee l's shares of the round, §8.7 D1 in hex, in target order, made on `threads` worker
 * threads (default: one a core) started for this round and stopped after it.
 */
export async function rankedSharesOnAllCores(
  group: Group,
  baseHash: Uint8Array,
  trustee: Parameters<typeof trusteeRankedShares>[2],
  round: RankedRound,
  options: { readonly threads?: number; readonly backend?: Backend; readonly slice?: number } = {}
): Promise<string[]> {
  const targets = roundTargets(round);
  const threads = options.threads ?? availableParallelism();
  const size = options.slice ?? SLICE;
  if (threads < 2 || targets.length < 2 * size)
    return trusteeRankedShares(group, baseHash, trustee, round).map((s) =>
      bytesToHex(encodeDecryptionShare(group, s))
    );
  const pool = new WorkerPool<ShareSlice, string[]>({
    // Beside this module, of its kind: the source under tsx, the compiled .js when published.
    entry: new URL(
      import.meta.url.endsWith('.ts') ? './share-worker.ts' : './share-worker.js',
      import.meta.url
    ),
    threads,
    workerData: { backend: options.backend ?? group.backend },
    name: 'share worker',
  });
  try {
    const slices = await Promise.all(
      Array.from({ length: Math.ceil(targets.length / size) }, (_, i) => {
        const slice = targets.slice(i * size, (i + 1) * size);
        return pool.run({
          baseHash,
          trustee: trustee.trustee,
          secretShare: trustee.secretShare,
          checkpoint: trustee.checkpoint,
          ciphertexts: packTargetCiphertexts(group, slice),
          bindings: slice.map((t) => t.bindings),
        });
      })
    );
    return slices.flat();
  } finally {
    await pool.close();
  }
}
