/**
 * @module Running the server as a process (`scrutineer serve`, `npm start`): start it, print the
 * URL, and shut down cleanly on SIGTERM or SIGINT (in-flight requests finish, the store closes).
 * Every environment setting below is listed, with its default, by `scrutineer serve --help`
 * (apps/cli/src/commands/serve-settings.ts) and docs/operations.md §5; a test keeps all three in step.
 * The operator key that may create elections comes from the environment, as a SHA-256 hex
 * (SCRUTINEER_OPERATOR_KEY_HASH) or the key itself (SCRUTINEER_OPERATOR_KEY), never from argv.
 * Per-IP limits: SCRUTINEER_REQUESTS_PER_MINUTE (default 600), SCRUTINEER_SIGN_INS_PER_MINUTE (30).
 * Casting: SCRUTINEER_VERIFY_THREADS worker threads check ballot proofs (default 0:
 * inline); at most SCRUTINEER_MAX_CASTS_IN_FLIGHT casts run at once (default 64), three times as
 * many may wait, and more get 503.
 * Deployment (docs/deployment.md): behind a reverse proxy SCRUTINEER_TRUSTED_PROXIES (addresses
 * or CIDRs, comma-separated) and/or SCRUTINEER_PROXY_HOPS are required, or every voter shares the
 * proxy's address and its limits; SCRUTINEER_TLS_CERT_FILE and SCRUTINEER_TLS_KEY_FILE serve HTTPS
 * directly; SCRUTINEER_BOARD_SECRETS_KEY_FILE seals the board's keys at rest; security answers are checked on SCRUTINEER_ANSWER_THREADS threads (default 1) with
 * at most SCRUTINEER_MAX_ANSWER_CHECKS_WAITING (32) waiting; SCRUTINEER_METRICS_TOKEN opens /metrics to a scraper elsewhere (else loopback only).
 * The ranked phase (spec §11.8): SCRUTINEER_RANKED_REQUEST_LIMIT bytes per request (128 MiB),
 * SCRUTINEER_RANKED_STAGING_LIMIT bytes staged per step (1 GiB), SCRUTINEER_RANKED_STAGING_HOURS
 * before an untouched staging is deleted (48).
 */
import { readFileSync } from 'node:fs';
import { hashBearerKey } from './auth/secret-compare.ts';
import type { TrustedProxies } from './http/client-address.ts';
import { boardSecretsKeyFromEnvironment } from './elections/board-secrets.ts';
import { DEFAULT_DATA_DIR } from './database/open-database.ts';
import { type RunningServer, startServer } from './server.ts';
import { parseBoothOrigins } from './http/booth-cors.ts';

export interface RunOptions {
  readonly database?: string;
  readonly port?: number;
  readonly host?: string;
  /** Overrides SCRUTINEER_TRUSTED_PROXIES / SCRUTINEER_PROXY_HOPS (`scrutineer serve --trusted-proxy`). */
  readonly trustedProxies?: TrustedProxies;
  /** PEM files: overrides SCRUTINEER_TLS_CERT_FILE / SCRUTINEER_TLS_KEY_FILE. */
  readonly tlsCertFile?: string;
  readonly tlsKeyFile?: string;
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
  const answerThreads = limit('SCRUTINEER_ANSWER_THREADS');
  const answerChecksWaiting = limit('SCRUTINEER_MAX_ANSWER_CHECKS_WAITING');
  const rankedRequest = limit('SCRUTINEER_RANKED_REQUEST_LIMIT');
  const rankedStep = limit('SCRUTINEER_RANKED_STAGING_LIMIT');
  const rankedHours = limit('SCRUTINEER_RANKED_STAGING_HOURS');
  const trustedProxies = options.trustedProxies ?? trustedProxiesFromEnvironment();
  const certFile = options.tlsCertFile ?? process.env['SCRUTINEER_TLS_CERT_FILE'];
  const keyFile = options.tlsKeyFile ?? process.env['SCRUTINEER_TLS_KEY_FILE'];
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new Error('TLS needs both a certificate file and a key file');
  const tls =
    certFile === undefined || keyFile === undefined
      ? undefined
      : { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  const metricsToken = process.env['SCRUTINEER_METRICS_TOKEN'];
  const boothOrigins = parseBoothOrigins(process.env['SCRUTINEER_BOOTH_ORIGINS'] ?? '');
  const boardSecretsKey = boardSecretsKeyFromEnvironment();
  const server = await startServer({
    ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }),
    ...(signInPerMinute === undefined ? {} : { signInPerMinute }),
    ...(verifyThreads === undefined ? {} : { verifyThreads }),
    ...(maxCastsInFlight === undefined ? {} : { maxCastsInFlight }),
    ...(trustedProxies === undefined ? {} : { trustedProxies }),
    answers: {
      ...(answerThreads === undefined ? {} : { threads: answerThreads }),
      ...(answerChecksWaiting === undefined ? {} : { maxWaiting: answerChecksWaiting }),
    },
    rankedStaging: {
      ...(rankedRequest === undefined ? {} : { request: rankedRequest }),
      ...(rankedStep === undefined ? {} : { step: rankedStep }),
      ...(rankedHours === undefined ? {} : { expiryMs: rankedHours * 3600_000 }),
    },
    ...(tls === undefined ? {} : { tls }),
    ...(metricsToken === undefined ? {} : { metricsToken }),
    boothOrigins,
    ...(boardSecretsKey === undefined ? {} : { boardSecretsKey }),
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

/** SCRUTINEER_TRUSTED_PROXIES (`10.0.0.0/8,::1`) and SCRUTINEER_PROXY_HOPS, if either is set. */
export function trustedProxiesFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env
): TrustedProxies | undefined {
  const list = environment['SCRUTINEER_TRUSTED_PROXIES'];
  const hops = environment['SCRUTINEER_PROXY_HOPS'];
  if (list === undefined && hops === undefined) return undefined;
  return {
    ...(list === undefined
      ? {}
      : {
          addresses: list
            .split(',')
            .map((entry) => entry.trim())
            .filter((entry) => entry !== ''),
        }),
    ...(hops === undefined ? {} : { hops: Number(hops) }),
  };
}
