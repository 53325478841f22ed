/**
 * @module The server under load as a process of its own (`src/main.ts`, what `npm start` runs),
 * on a fixed loopback port so that a restarted server is found where the generator left it.
 * It is the testkit's child-server.ts with the cast settings (verify threads, admission bound) and
 * limits high enough for a load generator on one address.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';
import { type ChildServer, spawnServer } from '@scrutineer/testkit';

export interface ServerSettings {
  readonly database: string;
  readonly port: number;
  readonly verifyThreads: number;
  readonly maxCastsInFlight: number;
}

export type ServerProcess = ChildServer;

/** A free loopback port (the OS picks; we release it at once and reuse it for every start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startServerProcess(settings: ServerSettings): Promise<ServerProcess> {
  const profileDir = process.env['SCRUTINEER_LOAD_PROFILE'];
  return spawnServer(settings.database, {
    port: settings.port,
    // SCRUTINEER_LOAD_PROFILE=<dir>: a V8 CPU profile of the server, written when it stops.
    nodeArgs: profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    env: {
      SCRUTINEER_REQUESTS_PER_MINUTE: '10000000',
      SCRUTINEER_SIGN_INS_PER_MINUTE: '10000000',
      SCRUTINEER_VERIFY_THREADS: String(settings.verifyThreads),
      SCRUTINEER_MAX_CASTS_IN_FLIGHT: String(settings.maxCastsInFlight),
    },
    startTimeoutMs: 120_000,
  });
}
