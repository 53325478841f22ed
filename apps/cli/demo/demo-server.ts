/**
 * @module The demos' election server on loopback: the real server, with limits raised so that the
 * demo's own members (all from one address) are not rate-limited or taken for a guessing attack.
 */
import { type RunningServer, hashBearerKey, startServer } from '@scrutineer/server';

export function startDemoServer(options: {
  /** A postgres:// URL or a PGlite directory. */
  readonly database: string;
  readonly operatorKey: string;
  readonly port?: number;
  readonly checkpointIntervalMs: number;
}): Promise<RunningServer> {
  return startServer({
    database: options.database,
    port: options.port ?? 0,
    host: '127.0.0.1',
    logger: false,
    operatorKeyHash: hashBearerKey(options.operatorKey),
    requestsPerMinute: 100_000_000,
    signInPerMinute: 100_000_000,
    signInMonitor: {
      maxFailuresPerIpPerHour: 100_000,
      baselineFailuresPerHour: 100_000,
      alarmMultiple: 5,
    },
    checkpoints: { intervalMs: options.checkpointIntervalMs },
  });
}
