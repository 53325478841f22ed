/**
 * @module The demos' election server on loopback: the real server, with limits raised so that the
 * demo's own members (all from one address) are not rate-limited or taken for a guessing attack.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, hashBearerKey, startServer } from '@scrutineer/server';
import { generateOfficerKey } from '../src/commands/election/officer-key.ts';

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

/**
 * A demo's server with fresh keys: on `database` if given, else on a PGlite directory
 * `out/database` emptied first (a demo never continues an earlier run's board).
 */
export async function startFreshDemoServer(options: {
  readonly out: string;
  readonly database?: string | undefined;
  readonly port?: number | undefined;
  readonly checkpointIntervalMs: number;
}): Promise<{ server: RunningServer; operatorKey: string; adminKey: string }> {
  const databaseDir = join(options.out, 'database');
  if (options.database === undefined && existsSync(databaseDir))
    rmSync(databaseDir, { recursive: true, force: true });
  const operatorKey = randomBytes(16).toString('hex');
  const adminKey = generateOfficerKey();
  const server = await startDemoServer({
    database: options.database ?? databaseDir,
    operatorKey,
    ...(options.port === undefined ? {} : { port: options.port }),
    checkpointIntervalMs: options.checkpointIntervalMs,
  });
  return { server, operatorKey, adminKey };
}
