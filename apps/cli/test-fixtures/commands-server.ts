/**
 * @module Test helper: the election server the command-line tests drive — a real server on
 * loopback with its database under `dir`, the operator's key `operatorKey`, no rate limits in the
 * way, and a checkpoint signed after every append (so the tally's sealing checkpoint is there).
 */
import { join } from 'node:path';
import { type RunningServer, hashBearerKey, startServer } from '@scrutineer/server';

export function startCommandsServer(dir: string, operatorKey: string): Promise<RunningServer> {
  return startServer({
    database: join(dir, 'database'),
    port: 0,
    logger: false,
    operatorKeyHash: hashBearerKey(operatorKey),
    requestsPerMinute: 1_000_000,
    signInPerMinute: 1_000_000,
    checkpoints: { intervalMs: 0 },
  });
}
