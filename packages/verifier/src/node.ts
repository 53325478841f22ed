/**
 * @module @scrutineer/verifier/node: the Node-only parts of the verifier, a separate entry so that
 * the package root stays browser-safe. `recordDirectory` reads a record bundle from disk (spec
 * §9.1); `workerPoolFactory` verifies ballot batches on worker threads, one per core (on
 * @scrutineer/worker-pool).
 */
export { recordDirectory } from './node/record-directory.ts';
export { workerPoolFactory } from './node/worker-pool-factory.ts';
