/**
 * @module The page's side of the trustee's crypto worker: each request answered by a promise,
 * matched by id. A worker that fails to load or crashes rejects every pending request.
 */
import type { TrusteeRequest, TrusteeResponse, TrusteeResult } from './trustee-worker-protocol.ts';

export class TrusteeWorker {
  readonly #worker: Worker;
  #next = 1;
  readonly #pending = new Map<
    number,
    { resolve: (result: TrusteeResult) => void; reject: (error: Error) => void }
  >();

  constructor() {
    this.#worker = new Worker(new URL('./trustee-worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<TrusteeResponse>) => {
      const message = event.data;
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

  /** The result of `request`, of the type the caller expects (anything else is a bug). */
  async request<T extends TrusteeResult['type']>(
    request: TrusteeRequest,
    expected: T
  ): Promise<Extract<TrusteeResult, { type: T }> | Extract<TrusteeResult, { type: 'refused' }>> {
    const id = this.#next++;
    const result = await new Promise<TrusteeResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
    if (result.type !== expected && result.type !== 'refused')
      throw new Error(`worker answered ${result.type}, not ${expected}`);
    return result as Extract<TrusteeResult, { type: T | 'refused' }> as never;
  }
}
