/**
 * @module @scrutineer/server: the election server and bulletin board. `startServer`
 * runs it; the data layer and service functions are exported for the CLI, the demo and tests.
 */
export {
  startServer,
  signDueCheckpoints,
  DEFAULT_CHECKPOINTS,
  type ServerOptions,
  type RunningServer,
} from './server.ts';
export { buildApp, type AppOptions, type BuiltApp } from './http/build-app.ts';
export { PAGE_CSP, API_CSP, SECURITY_HEADERS } from './http/security-headers.ts';
export {
  ERROR_CATALOGUE,
  ServiceError,
  httpStatus,
  type ErrorCode,
  type ErrorBody,
} from './http-errors.ts';
export type { Database, Queryable, Engine } from './database/database.ts';
export { openDatabase, DEFAULT_DATA_DIR, isPostgresUrl } from './database/open-database.ts';
export { openPostgresDatabase, type PostgresOptions } from './database/postgres-database.ts';
export { openPgliteDatabase, type PgliteOptions } from './database/pglite-database.ts';
export { migrate, listMigrations } from './database/migrate.ts';
export type { ServiceContext, Logger, CheckpointPolicy } from './service-context.ts';
export {
  writeRecordBundle,
  boardJsonl,
  checkpointsJsonl,
  FORMAT_JSON,
} from './board/board-reader.ts';
export { signCheckpoint, latestCheckpoint, listCheckpoints } from './board/checkpoints.ts';
export {
  createElection,
  type CreateElectionInput,
  type CreatedElection,
} from './elections/create-election.ts';
export {
  postElectionKey,
  loadCredentials,
  openElection,
  closeElection,
  type CredentialEntry,
} from './officials/setup-steps.ts';
export { postTrusteeMessage } from './officials/trustee-messages.ts';
export {
  recordPostalReceived,
  postPostalBatch,
  type CredentialReference,
} from './officials/postal.ts';
export { replaceCredential } from './officials/replace-credential.ts';
export { postEncryptedTally, postResult, readResult } from './officials/tally.ts';
export { castBallot } from './voting/cast-ballot.ts';
export { auditBallot } from './voting/audit-ballot.ts';
export { signIn, MAX_FAILED_ATTEMPTS } from './auth/sign-in.ts';
export { signInMessage, signSignIn } from '@scrutineer/record';
export { hashBearerKey } from './auth/secret-compare.ts';
export { runServer, type RunOptions } from './run-server.ts';
// The server's own limits and stamps, for the dev-only tools (hostile input,
// load, benchmarks) and the testkit, which drive a real server from outside its package.
export { VOTER_BALLOT_BODY_LIMIT } from './http/body-limits.ts';
export { issueChallenge, issueSessionToken } from './auth/hmac-stamps.ts';
export { SESSION_LIFETIME_SECONDS } from './auth/sign-in.ts';
export { DEFAULT_SIGN_IN_MONITOR, type SignInMonitorOptions } from './auth/sign-in-monitor.ts';
export { assertSchemaName } from './database/database.ts';
export { readHead } from './board/board-head.ts';
export { formatBoardTime } from './board/board-clock.ts';
