/**
 * @module The in-browser verifier's ballot runners (a {@link BallotRunnerFactory}): one Web Worker
 * per core (ballot-worker.ts), started from the verifier's own worker, batches to the least
 * loaded — the browser counterpart of the Node worker-thread pool, so the ballot proofs, which
 * are nearly all of the work, use every core the browser offers.
 */
import ballotWorkerUrl from './ballot-worker.ts?worker&url';
import { type BoothWorker, startBoothWorker } from '../booth-worker.ts';
import type {
  BallotBatchItem,
  BallotRunner,
  BallotRunnerContext,
  BallotRunnerFactory,
  WireBatchResult,
} from '@scrutineer/verifier';
import type { BrowserBackend } from './verifier-protocol.ts';

export type BallotWorkerRequest =
  | {
      readonly type: 'context';
      readonly context: BallotRunnerContext;
      /** The backend the verifier's worker loaded: every worker runs the same one. */
      readonly backend: BrowserBackend;
    }
  | { readonly type: 'batch'; readonly id: number; readonly items: readonly BallotBatchItem[] };

export type BallotWorkerReply =
  | { readonly id: number; readonly result: WireBatchResult }
  | { readonly id: number; readonly error: string };

/** At most this many workers, whatever the browser reports (memory, and diminishing returns). */
const MAX_WORKERS = 8;

export function webWorkerPool(workers: number, backend: BrowserBackend): BallotRunnerFactory {
  const count = Math.max(1, Math.min(MAX_WORKERS, Math.floor(workers)));
  return (context) => {
    const pending = new Map<
      number,
      { resolve: (result: WireBatchResult) => void; reject: (error: Error) => void }
    >();
    const load = new Map<BoothWorker, number>();
    let nextId = 0;
    const failAll = (error: Error): void => {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    };
    const pool = Array.from({ length: count }, () => {
      const worker = startBoothWorker(ballotWorkerUrl);
      worker.onmessage = (event: MessageEvent) => {
        const reply = event.data as BallotWorkerReply;
        const entry = pending.get(reply.id);
        pending.delete(reply.id);
        load.set(worker, (load.get(worker) ?? 1) - 1);
        if ('error' in reply) entry?.reject(new Error(`ballot worker failed: ${reply.error}`));
        else entry?.resolve(reply.result);
      };
      worker.onerror = () => failAll(new Error('ballot worker failed to run'));
      const first: BallotWorkerRequest = { type: 'context', context, backend };
      worker.postMessage(first);
      load.set(worker, 0);
      return worker;
    });
    const runner: BallotRunner = {
      run(items) {
        const worker = pool.reduce((best, w) =>
          (load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best
        );
        load.set(worker, (load.get(worker) ?? 0) + 1);
        const id = nextId++;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          const request: BallotWorkerRequest = { type: 'batch', id, items };
          worker.postMessage(request);
        });
      },
      close() {
        for (const worker of pool) worker.terminate();
        return Promise.resolve();
      },
    };
    return Promise.resolve(runner);
  };
}
