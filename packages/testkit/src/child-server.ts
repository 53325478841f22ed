/**
 * @module Test helper: the server as a separate process (the server's `src/main.ts`, exactly what `npm start`
 * runs), so a test can SIGKILL it mid-request and start it again on the same store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { OPERATOR_KEY } from './test-election.ts';

// The server's own entry (its `npm start`), found beside the package's declared root module.
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.resolve('@scrutineer/server')));

export interface ChildServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM; resolves with the exit code. */
  terminate(): Promise<number | null>;
}

export interface SpawnOptions {
  /** Default 0: the OS picks a port. */
  readonly port?: number;
  /** Added to the child's environment (cast settings, limits). */
  readonly env?: Readonly<Record<string, string>>;
  /** Node options before the script (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
  readonly startTimeoutMs?: number;
}

export async function spawnServer(
  database: string,
  options: SpawnOptions = {}
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      MAIN,
      '--database',
      database,
      '--port',
      String(options.port ?? 0),
    ],
    {
      env: {
        ...process.env,
        SCRUTINEER_OPERATOR_KEY: OPERATOR_KEY,
        SCRUTINEER_REQUESTS_PER_MINUTE: '100000',
        SCRUTINEER_SIGN_INS_PER_MINUTE: '100000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  // Only the last lines are kept, for an error message: a long-lived child under load logs a lot.
  let tail = '';
  const keep = (chunk: string): void => {
    tail = (tail + chunk).slice(-4000);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start: ${tail}`)),
      options.startTimeoutMs ?? 60_000
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      keep(chunk);
      const match = /scrutineer: listening on (http:\/\/\S+)/.exec(tail);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
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
