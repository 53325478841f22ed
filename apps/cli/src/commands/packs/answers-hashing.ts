/**
 * @module The answers table's hashing on all cores. Argon2id is slow on purpose (the server's
 * default, OWASP's 19 MiB × 2 passes, takes about 80 ms a member here), so the registrar spreads
 * it over worker threads, each running the server's `hashSecurityAnswers`. Node 20 cannot start a
 * TypeScript worker by itself: each worker registers tsx, then loads answers-worker.ts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnswersHasher } from '@scrutineer/protocol';
import type { Argon2Parameters } from '@scrutineer/server';

export interface AnswersHashing {
  readonly hash: AnswersHasher;
  readonly threads: number;
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (hash: string) => void;
  readonly reject: (error: Error) => void;
}

/** The server's default Argon2id parameters (imported lazily: the server package is large). */
export async function defaultArgon2Parameters(): Promise<Argon2Parameters> {
  return (await import('@scrutineer/server')).DEFAULT_ARGON2_PARAMETERS;
}

/** Starts `threads` workers (default: one per core) hashing with `parameters`. */
export function startAnswersHashing(
  parameters: Argon2Parameters,
  threads: number = availableParallelism()
): AnswersHashing {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./answers-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { parameters } });
    load.set(worker, 0);
    worker.on('message', (message: { id?: number; hash?: string; error?: string }) => {
      if (message.id === undefined) return;
      const entry = pending.get(message.id);
      pending.delete(message.id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (message.hash !== undefined) entry?.resolve(message.hash);
      else entry?.reject(new Error(`answers worker: ${message.error ?? 'no hash'}`));
    });
    worker.on('error', (error) => {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    threads: workers.length,
    hash(questionIds, answers) {
      const worker = workers.reduce((best, w) =>
        (load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best
      );
      load.set(worker, (load.get(worker) ?? 0) + 1);
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, questionIds, answers });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
