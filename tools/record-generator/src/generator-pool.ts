/**
 * @module Worker threads for `npm run generate-record --` (one per core by default) and an ordered
 * sliding window over them: jobs run in parallel, results are consumed strictly in job order, and
 * at most a few jobs per thread are in flight, so memory stays bounded however many voters there are.
 */
import { WorkerPool } from '@scrutineer/worker-pool';
import type { GeneratorJob, WorkerSetup } from './generator-worker.ts';

/** A job for a worker. */
export type JobRequest = GeneratorJob;

export interface GeneratorPool {
  readonly threads: number;
  run(job: JobRequest): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Starts `threads` workers, each loading the `setup.backend` group. A worker lost fails every job
 * from then on: the record cannot be written without its chunk.
 */
export function startGeneratorPool(setup: WorkerSetup, threads: number): GeneratorPool {
  return new WorkerPool<JobRequest, unknown>({
    // Beside this module, of its kind: the source under tsx, the compiled .js when published.
    entry: new URL(
      import.meta.url.endsWith('.ts') ? './generator-worker.ts' : './generator-worker.js',
      import.meta.url
    ),
    threads,
    workerData: setup,
    name: 'generator worker',
  });
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
