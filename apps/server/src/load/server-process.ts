/**
 * @module The server under load as a process of its own (`src/main.ts`, what `npm start` runs),
 * on a fixed loopback port so that a restarted server is found where the generator left it.
 * Its request log is drained and dropped (the generator must not pay for it); the last lines are
 * kept for an error message. Unlike test-support/child-server.ts it takes the cast settings
 * (verify threads, admission bound) and survives being killed and started again many times.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { OPERATOR_KEY } from '../test-support/test-election.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ServerSettings {
  readonly database: string;
  readonly port: number;
  readonly verifyThreads: number;
  readonly maxCastsInFlight: number;
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  kill(): Promise<void>;
  terminate(): Promise<number | null>;
}

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
  const child = spawn(
    process.execPath,
    [
      // SCRUTINEER_LOAD_PROFILE=<dir>: a V8 CPU profile of the server, written when it stops.
      ...(process.env['SCRUTINEER_LOAD_PROFILE'] === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${process.env['SCRUTINEER_LOAD_PROFILE']}`]),
      '--import',
      'tsx',
      MAIN,
      '--database',
      settings.database,
      '--port',
      String(settings.port),
    ],
    {
      env: {
        ...process.env,
        SCRUTINEER_OPERATOR_KEY: OPERATOR_KEY,
        SCRUTINEER_REQUESTS_PER_MINUTE: '10000000',
        SCRUTINEER_SIGN_INS_PER_MINUTE: '10000000',
        SCRUTINEER_VERIFY_THREADS: String(settings.verifyThreads),
        SCRUTINEER_MAX_CASTS_IN_FLIGHT: String(settings.maxCastsInFlight),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let tail = '';
  const keep = (chunk: string): void => {
    tail = (tail + chunk).slice(-4000);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${tail}`)), 120_000);
    const onData = (chunk: string): void => {
      keep(chunk);
      const match = /scrutineer: listening on (http:\/\/\S+)/.exec(tail);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', keep);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${tail}`));
    });
  });
  const exited = once(child, 'exit');
  return {
    url,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async terminate() {
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
