/**
 * @module Running the server as a process (`scrutineer serve`, `npm start`): start it, print the
 * URL, and shut down cleanly on SIGTERM or SIGINT (in-flight requests finish, the store closes).
 * The operator key that may create elections comes from the environment, as a SHA-256 hex
 * (SCRUTINEER_OPERATOR_KEY_HASH) or the key itself (SCRUTINEER_OPERATOR_KEY), never from argv.
 * Per-IP limits: SCRUTINEER_REQUESTS_PER_MINUTE (default 600), SCRUTINEER_SIGN_INS_PER_MINUTE (30).
 * Casting (issue 7): SCRUTINEER_VERIFY_THREADS worker threads check ballot proofs (default 0:
 * inline); at most SCRUTINEER_MAX_CASTS_IN_FLIGHT casts run at once (default 64), three times as
 * many may wait, and more get 503.
 */
import { hashBearerKey } from './auth/secret-compare.ts';
import { DEFAULT_DATA_DIR } from './database/open-database.ts';
import { type RunningServer, startServer } from './server.ts';

export interface RunOptions {
  readonly database?: string;
  readonly port?: number;
  readonly host?: string;
  /** Where to print the URL (default stdout). */
  readonly print?: (line: string) => void;
}

export async function runServer(options: RunOptions): Promise<RunningServer> {
  const operatorKey = process.env['SCRUTINEER_OPERATOR_KEY'];
  const operatorKeyHash =
    process.env['SCRUTINEER_OPERATOR_KEY_HASH'] ??
    (operatorKey === undefined ? undefined : hashBearerKey(operatorKey));
  const limit = (name: string): number | undefined => {
    const value = process.env[name];
    return value === undefined ? undefined : Number(value);
  };
  const requestsPerMinute = limit('SCRUTINEER_REQUESTS_PER_MINUTE');
  const signInPerMinute = limit('SCRUTINEER_SIGN_INS_PER_MINUTE');
  const verifyThreads = limit('SCRUTINEER_VERIFY_THREADS');
  const maxCastsInFlight = limit('SCRUTINEER_MAX_CASTS_IN_FLIGHT');
  const server = await startServer({
    ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }),
    ...(signInPerMinute === undefined ? {} : { signInPerMinute }),
    ...(verifyThreads === undefined ? {} : { verifyThreads }),
    ...(maxCastsInFlight === undefined ? {} : { maxCastsInFlight }),
    database: options.database ?? DEFAULT_DATA_DIR,
    port: options.port ?? 8080,
    host: options.host ?? '127.0.0.1',
    operatorKeyHash,
  });
  (options.print ?? ((line) => process.stdout.write(`${line}\n`)))(
    `scrutineer: listening on ${server.url}`
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      }
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return server;
}
