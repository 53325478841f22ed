/**
 * @module A worker thread that hashes security answers with protocol's `hashSecurityAnswers`
 * (Argon2id), the module the board's sign-in checks with, so the registrar's table matches.
 */
import { workerData } from 'node:worker_threads';
import { type Argon2Parameters, hashSecurityAnswers } from '@scrutineer/protocol';
import { serveRequests } from '@scrutineer/worker-pool';

/** One member's answers to hash. */
export interface AnswersJob {
  readonly questionIds: readonly string[];
  readonly answers: Readonly<Record<string, string>>;
}

const parameters = (workerData as { parameters: Argon2Parameters }).parameters;
// libsodium's Argon2id runs synchronously on the process's one instance: jobs need no queue.
serveRequests((job: AnswersJob) => hashSecurityAnswers(job.questionIds, job.answers, parameters));
