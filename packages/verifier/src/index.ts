/**
 * @module @scrutineer/verifier: the independent verifier (docs/spec/verification.md). Depends on
 * crypto and record only, never on the code that produced a record. This root is browser-safe
 * (no Node built-ins, so the web app bundles it); the Node record reader and worker-thread pool
 * are in `@scrutineer/verifier/node` (node.ts).
 */
export * from './check-catalogue.ts';
export {
  checkRankedResult,
  type RankedContestRules,
  type RankedFinding,
} from './checks/ranked-result.ts';
export * from './report.ts';
export * from './record-source.ts';
export * from './verify-record.ts';
export * from './ballot-runner.ts';
export * from './audited-ballot.ts';
export {
  verifyBallotAlone,
  verifyBallotsAlone,
  verifyBallotBatch,
  auditedBallotFault,
  type AuditContext,
  type BallotVerdict,
  type BallotBatchItem,
  type BallotBatchResult,
} from './checks/ballot-crypto.ts';
export {
  ballotEquations,
  rankedEntryEquations,
  type BallotContext,
  type BallotFault,
} from './checks/ballot-equations.ts';
export {
  KEY_NOT_FROM_CEREMONY,
  checkElectionSetup,
  electionKeyDifferences,
  keyMismatchFault,
  recomputeElectionKey,
  type ElectionSetup,
  type SetupFault,
  type SetupFaultCode,
} from './election-setup.ts';
export {
  RANKED_CHECKS,
  verifyRankedContest,
  verifyRankedContestWith,
  type RankedWorkRunner,
  type RankedCheckId,
  type RankedContestRecord,
  type RankedCheckResult,
  type RankedFailure,
} from './ranked/ranked-checks.ts';
export {
  decodeRowsPooled,
  decodeSharesPooled,
  pooledRankedWork,
  type RankedTaskRunner,
} from './ranked/ranked-pool.ts';
export { type PackedRows, type Rows, rowCount, rowEncodings, rowsInMemory } from './ranked/rows.ts';
export {
  runRankedTask,
  type WireRankedTask,
  type WireRankedResult,
} from './ranked/ranked-tasks.ts';
