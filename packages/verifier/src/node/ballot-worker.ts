/** @module The body of one verifier worker thread: verifies ballot batches sent by the pool. */
import { workerData } from 'node:worker_threads';
import { loadFastestGroup, loadGroup, type Backend } from '@scrutineer/crypto';
import { type BallotRunnerContext, runBatch } from '../ballot-runner.ts';
import type { BallotBatchItem } from '../checks/ballot-crypto.ts';
import { serveRequests } from '@scrutineer/worker-pool';

const { context, backend } = workerData as {
  context: BallotRunnerContext;
  backend: Backend | undefined;
};
// No backend named: the fastest this process can load (native if built, else sodium).
const group = await (backend === undefined ? loadFastestGroup() : loadGroup(backend));
serveRequests((items: readonly BallotBatchItem[]) => runBatch(group, context, items));
