/**
 * @module The worker of worker-pool.test.ts: a TypeScript file (so the pool starts it through
 * tsx) whose requests say what to do: answer with its thread id after a pause, throw, or exit.
 */
import { threadId, workerData } from 'node:worker_threads';
import { serveRequests } from './worker-pool.ts';

export type TestRequest =
  | { readonly kind: 'thread'; readonly pause: number }
  | { readonly kind: 'throw' }
  | { readonly kind: 'exit' };

if ((workerData as { failAtStart?: boolean } | null)?.failAtStart === true)
  throw new Error('cannot start');
serveRequests(async (request: TestRequest) => {
  if (request.kind === 'throw') throw new Error('boom');
  if (request.kind === 'exit') process.exit(5);
  await new Promise((resolve) => setTimeout(resolve, request.pause));
  return threadId;
});
