/**
 * @module Test helper: the server as a separate process (`src/main.ts`, exactly what `npm start`
 * runs), so a test can SIGKILL it mid-request and start it again on the same store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { OPERATOR_KEY } from './test-election.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ChildServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM; resolves with the exit code. */
  terminate(): Promise<number | null>;
}

export async function spawnServer(database: string): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, '--database', database, '--port', '0'],
    {
      env: {
        ...process.env,
        SCRUTINEER_OPERATOR_KEY: OPERATOR_KEY,
        SCRUTINEER_REQUESTS_PER_MINUTE: '100000',
        SCRUTINEER_SIGN_INS_PER_MINUTE: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /scrutineer: listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
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
