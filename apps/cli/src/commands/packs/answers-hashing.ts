/**
 * @module The answers table's hashing on all cores. Argon2id is slow on purpose (the server's
 * default, OWASP's 19 MiB × 2 passes, takes about 80 ms a member here), so the registrar spreads
 * it over worker threads (answers-worker.ts), each running protocol's `hashSecurityAnswers` (the same one the board checks with).
 */
import { availableParallelism } from 'node:os';
import {
  type AnswersHasher,
  type Argon2Parameters,
  DEFAULT_ARGON2_PARAMETERS,
} from '@scrutineer/protocol';
import { WorkerPool } from '@scrutineer/worker-pool';
import type { AnswersJob } from './answers-worker.ts';

export interface AnswersHashing {
  readonly hash: AnswersHasher;
  readonly threads: number;
  close(): Promise<void>;
}

/** The default Argon2id parameters (protocol's, which the board also uses). */
export function defaultArgon2Parameters(): Promise<Argon2Parameters> {
  return Promise.resolve(DEFAULT_ARGON2_PARAMETERS);
}

/**
 * Starts `threads` workers (default: one per core) hashing with `parameters`. A worker lost fails
 * every hash from then on: the table needs them all.
 */
export function startAnswersHashing(
  parameters: Argon2Parameters,
  threads: number = availableParallelism()
): AnswersHashing {
  const pool = new WorkerPool<AnswersJob, string>({
    // Beside this module, of its kind: the source under tsx, the compiled .js when published.
    entry: new URL(
      import.meta.url.endsWith('.ts') ? './answers-worker.ts' : './answers-worker.js',
      import.meta.url
    ),
    threads,
    workerData: { parameters },
    name: 'answers worker',
  });
  return {
    threads: pool.threads,
    hash: (questionIds, answers) => pool.run({ questionIds, answers }),
    close: () => pool.close(),
  };
}
