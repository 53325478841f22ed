/**
 * @module The body of one verifier worker thread: verifies ballot batches sent by the pool, and the
 * ranked checks' shuffle proofs and share slices (ranked/ranked-tasks.ts).
 */
import { workerData } from 'node:worker_threads';
import { loadFastestGroup, loadGroup, type Backend } from '@scrutineer/crypto';
import { type BallotRunnerContext, runBatch } from '../ballot-runner.ts';
import type { BallotBatchItem } from '../checks/ballot-crypto.ts';
import { type WireRankedTask, runRankedTask } from '../ranked/ranked-tasks.ts';
import { serveRequests } from '@scrutineer/worker-pool';

const { context, backend } = workerData as {
  context: BallotRunnerContext;
  backend: Backend | undefined;
};
// No backend named: the fastest this process can load (native if built, else sodium).
const group = await (backend === undefined ? loadFastestGroup() : loadGroup(backend));
/** A ballot batch, or one task of the ranked checks. */
export type WorkerRequest = readonly BallotBatchItem[] | { readonly ranked: WireRankedTask };

serveRequests((request: WorkerRequest) =>
  'ranked' in request ? runRankedTask(group, request.ranked) : runBatch(group, context, request)
);
