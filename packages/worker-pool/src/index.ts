/**
 * @module @scrutineer/worker-pool: a Node utility, not a pure package — worker threads answering
 * requests by id, with no election logic. The verifier's Node entry, the server and the CLI build
 * their thread pools on it.
 */
export {
  type Waiter,
  WorkerPool,
  type WorkerPoolOptions,
  serveRequests,
  startWorker,
} from './worker-pool.ts';
