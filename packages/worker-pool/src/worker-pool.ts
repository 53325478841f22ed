/**
 * @module A pool of worker threads answering requests by id, for Node callers (the verifier's
 * ballot batches, the server's cast path and load runs, the cli's generators). Both sides of its
 * protocol are here: `WorkerPool` on the main thread, `serveRequests` in the worker. A worker can
 * be a TypeScript file: `startWorker` registers tsx in the thread first (threads do not inherit
 * the main thread's loader).
 *
 * A request goes to the least-loaded worker or to one the caller names. A worker lost (an uncaught
 * error, an exit) fails its requests; the pool then either fails every request from then on
 * (`'fail-all'`: a run that needs every answer) or starts a replacement (`'replace'`: a server).
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';

/** Who waits for one request's result. */
export interface Waiter<Result> {
  resolve(result: Result): void;
  reject(error: Error): void;
}

type ToWorker<Request> = { readonly id: number; readonly request: Request };
type FromWorker<Result> =
  | { readonly ready: true }
  | { readonly id: number; readonly result: Result }
  | { readonly id: number; readonly error: string };

export interface WorkerPoolOptions {
  /** The worker: a JavaScript module, or a TypeScript file (`.ts`), see {@link startWorker}. */
  readonly entry: URL;
  /** Default: one a core. */
  readonly threads?: number;
  readonly workerData?: unknown;
  /** Names the workers in errors: "verify worker exited with 3". */
  readonly name: string;
  /** Requests for a worker wait until it says it is ready (`serveRequests` does, once set up). */
  readonly awaitReady?: boolean;
  /** Requests a worker holds at once; the others wait in the pool. Default: no bound. */
  readonly inHand?: number;
  /** Default `'fail-all'`. */
  readonly onLoss?: 'fail-all' | 'replace';
  /** Told of a lost worker before its requests fail (with `'replace'`, its successor is started). */
  readonly lost?: (index: number, error: Error) => void;
}

interface Thread<Result> {
  readonly worker: Worker;
  ready: boolean;
  /** Requests posted to this worker and not yet answered, by id. */
  readonly pending: Map<number, Waiter<Result>>;
}

interface Queued<Request, Result> {
  readonly request: Request;
  readonly waiter: Waiter<Result>;
  readonly target: number | undefined;
}

/** Starts a worker on `entry`; a `.ts` file is loaded through tsx, registered in the thread first. */
export function startWorker(entry: URL, options: { readonly workerData?: unknown } = {}): Worker {
  if (entry.protocol !== 'file:' || !entry.pathname.endsWith('.ts'))
    return new Worker(entry, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsx}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

export class WorkerPool<Request, Result> {
  readonly #options: WorkerPoolOptions;
  readonly #threads: Thread<Result>[] = [];
  readonly #queue: Queued<Request, Result>[] = [];
  #nextId = 0;
  #failure: Error | undefined;
  #closing = false;
  #starting: Waiter<void> | undefined;

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
    const threads = Math.max(1, options.threads ?? availableParallelism());
    for (let index = 0; index < threads; index++) this.#threads.push(this.#start(index));
  }

  /** A pool whose workers have all said they are ready (with `awaitReady`); closed if one fails. */
  static async start<Request, Result>(
    options: WorkerPoolOptions
  ): Promise<WorkerPool<Request, Result>> {
    const pool = new WorkerPool<Request, Result>(options);
    try {
      await new Promise<void>((resolve, reject) => {
        pool.#starting = { resolve, reject };
        pool.#checkStarted();
      });
      pool.#starting = undefined;
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get threads(): number {
    return this.#threads.length;
  }

  /** `request`'s result, from worker `target` or else the least-loaded one, once one can take it. */
  run(request: Request, target?: number): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      if (this.#failure !== undefined) return reject(this.#failure);
      this.#queue.push({ request, waiter: { resolve, reject }, target });
      this.#dispatch();
    });
  }

  /**
   * Posts `request` to worker `index` now, ready or not and whatever it holds, for a caller that
   * keeps its own queue per worker. Throws what `postMessage` throws (a request it cannot clone).
   */
  post(index: number, request: Request, waiter: Waiter<Result>): void {
    if (this.#failure !== undefined) throw this.#failure;
    const thread = this.#threads[index];
    if (thread === undefined) throw new RangeError(`no worker ${index}`);
    const id = this.#nextId++;
    thread.worker.postMessage({ id, request } satisfies ToWorker<Request>);
    thread.pending.set(id, waiter);
  }

  /** Fails whatever is pending or queued, then stops every worker. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#failAll(new Error(`${this.#options.name} pool closed`));
    await Promise.all(this.#threads.map((thread) => thread.worker.terminate()));
  }

  #start(index: number): Thread<Result> {
    const worker = startWorker(this.#options.entry, { workerData: this.#options.workerData });
    const thread: Thread<Result> = {
      worker,
      ready: this.#options.awaitReady !== true,
      pending: new Map(),
    };
    worker.on('message', (message: FromWorker<Result>) => {
      if ('ready' in message) {
        thread.ready = true;
        this.#checkStarted();
      } else {
        const waiter = thread.pending.get(message.id);
        if (waiter === undefined) return;
        thread.pending.delete(message.id);
        if ('error' in message) waiter.reject(new Error(`${this.#options.name}: ${message.error}`));
        else waiter.resolve(message.result);
      }
      this.#dispatch();
    });
    worker.on('error', (error) => this.#lose(index, thread, error, false));
    worker.on('exit', (code) =>
      this.#lose(index, thread, new Error(`${this.#options.name} exited with ${code}`), true)
    );
    return thread;
  }

  #checkStarted(): void {
    if (this.#threads.every((thread) => thread.ready)) this.#starting?.resolve();
  }

  /**
   * Hands queued requests, in order, to workers that can take them: a request for a named worker
   * waits for it alone; one for any worker goes to the least loaded, or waits with all after it.
   */
  #dispatch(): void {
    for (let k = 0; k < this.#queue.length;) {
      const queued = this.#queue[k] as Queued<Request, Result>;
      const index = queued.target ?? this.#leastLoaded();
      if (index === undefined) return;
      if (!this.#canTake(this.#threads[index])) {
        k++;
        continue;
      }
      this.#queue.splice(k, 1);
      try {
        this.post(index, queued.request, queued.waiter);
      } catch (error) {
        // Not now: the waiter's code may queue more while this loop walks the queue.
        queueMicrotask(() => queued.waiter.reject(error as Error));
      }
    }
  }

  #canTake(thread: Thread<Result> | undefined): thread is Thread<Result> {
    return (
      thread !== undefined &&
      thread.ready &&
      thread.pending.size < (this.#options.inHand ?? Infinity)
    );
  }

  /** The worker that can take a request and holds fewest (the first of those), if any can. */
  #leastLoaded(): number | undefined {
    let best: number | undefined;
    for (const [index, thread] of this.#threads.entries()) {
      if (!this.#canTake(thread)) continue;
      const bestThread = best === undefined ? undefined : this.#threads[best];
      if (bestThread === undefined || thread.pending.size < bestThread.pending.size) best = index;
    }
    return best;
  }

  #lose(index: number, thread: Thread<Result>, error: Error, exited: boolean): void {
    if (this.#closing || this.#threads[index] !== thread) return;
    this.#starting?.reject(error);
    thread.ready = false;
    const waiters = [...thread.pending.values()];
    thread.pending.clear();
    if (this.#options.onLoss === 'replace') {
      if (exited) this.#threads[index] = this.#start(index);
    } else {
      this.#failAll(error);
    }
    this.#options.lost?.(index, error);
    for (const waiter of waiters) waiter.reject(error);
    this.#dispatch();
  }

  #failAll(error: Error): void {
    this.#failure ??= error;
    const waiters = [
      ...this.#queue.splice(0).map((queued) => queued.waiter),
      ...this.#threads.flatMap((thread) => [...thread.pending.values()]),
    ];
    for (const thread of this.#threads) thread.pending.clear();
    for (const waiter of waiters) waiter.reject(this.#failure);
  }
}

/**
 * Answers the pool's requests with `handle` (its result, or the error it throws or rejects
 * with), after saying that this worker is ready: call it once the worker is set up.
 */
export function serveRequests<Request, Result>(
  handle: (request: Request) => Result | Promise<Result>
): void {
  const port = parentPort;
  if (port === null) throw new Error('serveRequests runs in a worker thread');
  const fail = (id: number, error: unknown): void =>
    port.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies FromWorker<Result>);
  const reply = (id: number, result: Result): void => {
    try {
      port.postMessage({ id, result } satisfies FromWorker<Result>);
    } catch (error) {
      fail(id, error); // a result that cannot be cloned
    }
  };
  port.on('message', ({ id, request }: ToWorker<Request>) => {
    try {
      const result = handle(request);
      if (result instanceof Promise)
        result.then(
          (value: Result) => reply(id, value),
          (error: unknown) => fail(id, error)
        );
      else reply(id, result);
    } catch (error) {
      fail(id, error);
    }
  });
  port.postMessage({ ready: true } satisfies FromWorker<Result>);
}
