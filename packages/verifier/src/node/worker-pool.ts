/**
 * @module Verifies ballot batches on worker threads, one per core (issue 3: "uses all cores").
 * Each worker loads its own group backend; batches go to the least-loaded worker.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Backend } from '@scrutineer/crypto';
import type { BallotRunner, BallotRunnerFactory, WireBatchResult } from '../ballot-runner.ts';
import type { BallotBatchItem } from '../checks/ballot-crypto.ts';

interface Pending {
  readonly resolve: (result: WireBatchResult) => void;
  readonly reject: (error: Error) => void;
}

export function workerPoolFactory(
  options: { readonly threads?: number; readonly backend?: Backend } = {}
): BallotRunnerFactory {
  return (context) => {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    const pending = new Map<number, Pending>();
    const load = new Map<Worker, number>();
    let nextId = 0;
    const workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./ballot-worker-entry.mjs', import.meta.url), {
        workerData: { context, backend: options.backend },
      });
      worker.on('message', (message: { id: number; result?: WireBatchResult; error?: string }) => {
        const entry = pending.get(message.id);
        pending.delete(message.id);
        load.set(worker, (load.get(worker) ?? 1) - 1);
        if (message.error !== undefined)
          entry?.reject(new Error(`verifier worker failed: ${message.error}`));
        else if (message.result !== undefined) entry?.resolve(message.result);
      });
      worker.on('error', (error) => {
        for (const entry of pending.values()) entry.reject(error);
        pending.clear();
      });
      load.set(worker, 0);
      return worker;
    });
    const runner: BallotRunner = {
      run(items: readonly BallotBatchItem[]): Promise<WireBatchResult> {
        const worker = workers.reduce((best, w) =>
          (load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best
        );
        load.set(worker, (load.get(worker) ?? 0) + 1);
        const id = nextId++;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, items });
        });
      },
      async close(): Promise<void> {
        await Promise.all(workers.map((w) => w.terminate()));
      },
    };
    return Promise.resolve(runner);
  };
}
