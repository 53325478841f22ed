/**
 * @module The body of one security-answer thread of the server (answers-pool.ts): checks answers
 * against a stored Argon2id hash, one request at a time, off the event loop.
 */
import { serveRequests } from '@scrutineer/worker-pool';
import type { AnswersCheck } from './answers-pool.ts';
import { verifySecurityAnswers } from '@scrutineer/protocol';

serveRequests(({ questionIds, answers, storedHash }: AnswersCheck) =>
  verifySecurityAnswers(questionIds, answers, storedHash)
);
