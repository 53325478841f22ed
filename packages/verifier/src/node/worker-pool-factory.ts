/**
 * @module Verifies ballot batches on worker threads, one per core ("uses all cores").
 * Each worker (ballot-worker.ts) loads its own group backend; batches go to the least-loaded one.
 */
import type { Backend } from '@scrutineer/crypto';
import type { BallotRunnerFactory, WireBatchResult } from '../ballot-runner.ts';
import type { BallotBatchItem } from '../checks/ballot-crypto.ts';
import type { WireRankedResult, WireRankedTask } from '../ranked/ranked-tasks.ts';
import type { WorkerRequest } from './ballot-worker.ts';
import { WorkerPool } from '@scrutineer/worker-pool';

export function workerPoolFactory(
  options: { readonly threads?: number; readonly backend?: Backend } = {}
): BallotRunnerFactory {
  return (context) => {
    const pool = new WorkerPool<WorkerRequest, WireBatchResult | WireRankedResult>({
      // Beside this module, of its kind: the source under tsx, the compiled .js when published.
      entry: new URL(
        import.meta.url.endsWith('.ts') ? './ballot-worker.ts' : './ballot-worker.js',
        import.meta.url
      ),
      name: 'verifier worker',
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      workerData: { context, backend: options.backend },
      // One in hand: a request waits in the pool, not behind a long one (a whole contest's
      // shuffle) in a busy worker's queue while the other worker idles.
      inHand: 1,
    });
    return Promise.resolve({
      run: (items: readonly BallotBatchItem[]) => pool.run(items) as Promise<WireBatchResult>,
      runRanked: (ranked: WireRankedTask) => pool.run({ ranked }) as Promise<WireRankedResult>,
      close: () => pool.close(),
    });
  };
}
