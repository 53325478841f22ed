/**
 * @module A worker thread that hashes security answers with the server's own function (Argon2id,
 * apps/server auth/security-answers.ts), so the registrar's table matches what sign-in checks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Argon2Parameters, hashSecurityAnswers } from '@scrutineer/server';

interface Job {
  readonly id: number;
  readonly questionIds: readonly string[];
  readonly answers: Readonly<Record<string, string>>;
}

const parameters = (workerData as { parameters: Argon2Parameters }).parameters;
// One hash at a time: hash-wasm reuses one WebAssembly instance (and its 19 MiB) for sequential
// calls, but overlapping calls each instantiate their own, which is slower than waiting.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: Job) => {
  queue = queue.then(() =>
    hashSecurityAnswers(job.questionIds, job.answers, parameters).then(
      (hash) => parentPort?.postMessage({ id: job.id, hash }),
      (error: unknown) => parentPort?.postMessage({ id: job.id, error: (error as Error).message })
    )
  );
});
