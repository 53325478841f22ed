/**
 * @module Worker threads for `scrutineer generate-record` (one per core by default) and an ordered
 * sliding window over them: jobs run in parallel, results are consumed strictly in job order, and
 * at most a few jobs per thread are in flight, so memory stays bounded however many voters there are.
 */
import { Worker } from 'node:worker_threads';
import type { GeneratorJob, WorkerSetup } from './generator-worker.ts';

/** A job without its id (the pool numbers them). */
type WithoutId<J> = J extends unknown ? Omit<J, 'id'> : never;
export type JobRequest = WithoutId<GeneratorJob>;

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

export interface GeneratorPool {
  readonly threads: number;
  run(job: JobRequest): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts `threads` workers, each loading the `setup.backend` group. */
export function startGeneratorPool(setup: WorkerSetup, threads: number): GeneratorPool {
  // Worker threads do not inherit tsx's loader: register it, then load the TypeScript worker.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./generator-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error): void => {
    failure ??= error;
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(bootstrap, { eval: true, workerData: setup });
    load.set(worker, 0);
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (message.error !== undefined)
        entry?.reject(new Error(`generator worker failed: ${message.error}`));
      else entry?.resolve(message.result);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`generator worker exited with code ${code}`));
    });
    return worker;
  });
  return {
    threads,
    run(job) {
      if (failure !== undefined) return Promise.reject(failure);
      const worker = workers.reduce((best, w) =>
        (load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best
      );
      load.set(worker, (load.get(worker) ?? 0) + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...job, id });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Runs jobs 0…count−1 through `pool` with at most `window` in flight and hands each result to
 * `consume` in job order (the board is a sequence, so ballots are appended in voter order).
 */
export async function runOrdered<T>(
  pool: GeneratorPool,
  count: number,
  job: (index: number) => JobRequest,
  consume: (index: number, result: T) => void,
  window = pool.threads * 3
): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  let submitted = 0;
  const submit = (): void => {
    while (submitted < count && inFlight.length < window) {
      const promise = pool.run(job(submitted++));
      // Attach a handler now so a failure while earlier results are consumed is not "unhandled".
      promise.catch(() => undefined);
      inFlight.push(promise);
    }
  };
  submit();
  for (let index = 0; index < count; index++) {
    const result = (await inFlight.shift()) as T;
    consume(index, result);
    submit();
  }
}
