/**
 * @module Starting and stopping the election server: open (and migrate) the store, load the group
 * backend, build the app, listen, and sign checkpoints on a timer. `close()` stops accepting
 * requests, lets those in flight finish (fastify's close), stops the timer, and closes the store:
 * what SIGTERM triggers.
 */
import { type Group, loadFastestGroup } from '@scrutineer/crypto';
import { type Clock, systemClock } from './board/board-clock.ts';
import { signCheckpoint } from './board/checkpoints.ts';
import type { Database } from './database/database.ts';
import { migrate } from './database/migrate.ts';
import { openDatabase } from './database/open-database.ts';
import { ElectionCache } from './elections/election-cache.ts';
import { type AppOptions, type BuiltApp, buildApp } from './http/build-app.ts';
import type { CheckpointPolicy, ServiceContext } from './service-context.ts';
import { VerifyPool } from './voting/verify-pool.ts';
import { AnswersPool, type AnswersPoolOptions } from './auth/answers-pool.ts';
import { BoardSecrets } from './elections/board-secrets.ts';

export interface ServerOptions extends AppOptions {
  /** A `postgres://` URL, a directory for the embedded engine, or an open {@link Database}. */
  readonly database?: string | Database;
  readonly port?: number;
  readonly host?: string;
  readonly checkpoints?: Partial<CheckpointPolicy>;
  readonly clock?: Clock;
  readonly group?: Group;
  /** Worker threads checking ballot proofs; 0 (the default) checks them inline. */
  readonly verifyThreads?: number;
  /** Threads checking security answers (default 1) and checks that may wait (default 32). */
  readonly answers?: AnswersPoolOptions;
  /** The key sealing the board's keys at rest (32 bytes); omitted = stored in clear (a warning). */
  readonly boardSecretsKey?: Uint8Array;
}

export interface RunningServer {
  readonly url: string;
  readonly app: BuiltApp['app'];
  /** The service layer, in process (demo, tests): same database, same caches. */
  readonly service: ServiceContext;
  readonly database: Database;
  close(): Promise<void>;
}

export const DEFAULT_CHECKPOINTS: CheckpointPolicy = { everyEvents: 100, intervalMs: 60_000 };

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownsDatabase = typeof options.database !== 'object';
  const database =
    typeof options.database === 'object' ? options.database : await openDatabase(options.database);
  if (!ownsDatabase) await migrate(database);
  // The native backend where its addon is built (~10x faster ballot checks), else sodium.
  const group = options.group ?? (await loadFastestGroup());
  const checkpoints: CheckpointPolicy = { ...DEFAULT_CHECKPOINTS, ...options.checkpoints };
  const verifyPool =
    (options.verifyThreads ?? 0) > 0
      ? await VerifyPool.start(options.verifyThreads ?? 0, group.backend)
      : undefined;
  // Started on the first sign-in: a board that only serves reads never starts its threads.
  const answersPool = new AnswersPool(options.answers);
  const boardSecrets = new BoardSecrets(options.boardSecretsKey);
  const built = await buildApp(
    (logger) => ({
      database,
      group,
      clock: options.clock ?? systemClock,
      logger,
      elections: new ElectionCache(database, group, boardSecrets),
      checkpoints,
      ...(verifyPool === undefined ? {} : { verifyPool }),
      answersPool,
    }),
    options
  );
  const { app } = built;
  const service = built.context.service;
  await warnIfNotDurable(database, app.log);
  if (!boardSecrets.sealing)
    app.log.warn(
      { alarm: 'board-secrets-in-clear' },
      "the board's signing and HMAC keys are stored in clear: set SCRUTINEER_BOARD_SECRETS_KEY_FILE (docs/deployment.md)"
    );
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  if (checkpoints.intervalMs > 0) {
    timer = setInterval(() => {
      if (ticking) return;
      ticking = true;
      signDueCheckpoints(service)
        .catch((error: unknown) =>
          app.log.error({ err: String(error) }, 'periodic checkpoint failed')
        )
        .finally(() => (ticking = false));
    }, checkpoints.intervalMs);
    timer.unref();
  }
  let address: string;
  try {
    address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    clearInterval(timer);
    await app.close();
    await verifyPool?.close();
    await answersPool.close();
    if (ownsDatabase) await database.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: address,
    app,
    service,
    database,
    close: () =>
      (closing ??= (async () => {
        clearInterval(timer);
        await app.close();
        await verifyPool?.close();
        await answersPool.close();
        if (ownsDatabase) await database.close();
      })()),
  };
}

/** Signs a checkpoint for every election whose log grew since its last one. */
export async function signDueCheckpoints(service: ServiceContext): Promise<number> {
  const rows = await service.database.query<{ election_id: string }>(
    `SELECT h.election_id FROM board_heads h
      WHERE h.size > COALESCE((SELECT max(c.size) FROM checkpoints c WHERE c.election_id = h.election_id), 0)`
  );
  for (const row of rows) await signCheckpoint(service, row.election_id);
  return rows.length;
}

/**
 * PostgreSQL acknowledges a commit only once its WAL is on disk if fsync and synchronous_commit
 * are on (docs/threat-model.md A25); a server configured otherwise could lose acknowledged ballots.
 * Logged loudly at start rather than refused, so an operator can still run a throwaway board.
 */
async function warnIfNotDurable(
  database: Database,
  logger: { error(object: Record<string, unknown>, message: string): void }
): Promise<void> {
  if (database.engine !== 'postgres') return;
  const settings = await database.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')"
  );
  // synchronous_commit local, remote_write and remote_apply also wait for the local WAL flush.
  const unsafe = settings.filter((s) =>
    s.name === 'synchronous_commit' ? s.setting === 'off' : s.setting !== 'on'
  );
  if (unsafe.length > 0) {
    logger.error(
      {
        alarm: 'not-durable',
        settings: Object.fromEntries(unsafe.map((s) => [s.name, s.setting])),
      },
      'PostgreSQL is not running with durable settings: acknowledged ballots could be lost in a crash'
    );
  }
}
