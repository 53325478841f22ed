/**
 * @module @scrutineer/verifier: the independent verifier (docs/spec/verification.md). Depends on
 * crypto and record only, never on the code that produced a record.
 */
export * from './check-catalogue.ts';
export * from './report.ts';
export * from './record-source.ts';
export * from './verify-record.ts';
export * from './ballot-runner.ts';
export {
  verifyBallotAlone,
  verifyBallotBatch,
  type BallotBatchItem,
  type BallotBatchResult,
} from './checks/ballot-crypto.ts';
export {
  ballotEquations,
  type BallotContext,
  type BallotFault,
} from './checks/ballot-equations.ts';
export { recordDirectory } from './node/record-directory.ts';
export { workerPoolFactory } from './node/worker-pool.ts';
