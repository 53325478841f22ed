/**
 * @module What every service function needs: the database, the group, the clock, a logger and
 * the per-process caches of immutable election facts. One context per server instance; several
 * instances share nothing but the database.
 */
import type { Group } from '@scrutineer/crypto';
import type { AnswersPool } from './auth/answers-pool.ts';
import type { Clock } from './board/board-clock.ts';
import type { Database } from './database/database.ts';
import type { ElectionCache } from './elections/election-cache.ts';
import type { VerifyPool } from './voting/verify-pool.ts';

/** The subset of pino's logger the services use. Never pass codes, answers, tokens or IPs. */
export interface Logger {
  info(object: Record<string, unknown>, message?: string): void;
  warn(object: Record<string, unknown>, message?: string): void;
  error(object: Record<string, unknown>, message?: string): void;
}

export interface CheckpointPolicy {
  /** Sign a checkpoint once the log has grown by this many events since the last one. */
  readonly everyEvents: number;
  /** …or, if it grew at all, after this many milliseconds (0 = no timer). */
  readonly intervalMs: number;
}

export interface ServiceContext {
  readonly database: Database;
  readonly group: Group;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly elections: ElectionCache;
  readonly checkpoints: CheckpointPolicy;
  /** Worker threads that check ballot proofs off the event loop; absent = inline. */
  readonly verifyPool?: VerifyPool;
  /** Worker threads that check security answers (Argon2id) off the event loop; absent = inline. */
  readonly answersPool?: AnswersPool;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
