/**
 * @module The page's side of the crypto worker: each request answered by a promise, matched by id.
 * A worker that fails to load or crashes rejects every pending request.
 */
import cryptoWorkerUrl from './crypto-worker.ts?worker&url';
import { type BoothWorker, startBoothWorker } from './booth-worker.ts';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './worker-protocol.ts';

type Request = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

export class CryptoWorker {
  readonly #worker: BoothWorker;
  #next = 1;
  readonly #pending = new Map<
    number,
    { resolve: (result: WorkerResult) => void; reject: (error: Error) => void }
  >();

  constructor() {
    this.#worker = startBoothWorker(cryptoWorkerUrl);
    this.#worker.onmessage = (event: MessageEvent) => {
      const message = event.data as WorkerResponse;
      const pending = this.#pending.get(message.id);
      if (pending === undefined) return;
      this.#pending.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(message.error));
    };
    this.#worker.onerror = () => {
      for (const pending of this.#pending.values()) pending.reject(new Error('worker-failed'));
      this.#pending.clear();
    };
  }

  request(request: Request): Promise<WorkerResult> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }
}
