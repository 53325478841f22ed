/**
 * @module A worker thread that hashes security answers with the server's own function (Argon2id,
 * apps/server auth/security-answers.ts), so the registrar's table matches what sign-in checks.
 */
import { workerData } from 'node:worker_threads';
import { type Argon2Parameters, hashSecurityAnswers } from '@scrutineer/server';
import { serveRequests } from '@scrutineer/verifier/node';

/** One member's answers to hash. */
export interface AnswersJob {
  readonly questionIds: readonly string[];
  readonly answers: Readonly<Record<string, string>>;
}

const parameters = (workerData as { parameters: Argon2Parameters }).parameters;
// libsodium's Argon2id runs synchronously on the process's one instance: jobs need no queue.
serveRequests((job: AnswersJob) => hashSecurityAnswers(job.questionIds, job.answers, parameters));
