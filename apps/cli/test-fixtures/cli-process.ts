/**
 * @module Test helper: the real `scrutineer` command in a child process, with the operator's and
 * the officer's keys in its environment (as a deployment would set them), so that end-to-end tests
 * drive exactly what a returning officer, registrar or trustee types.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', 'bin', 'scrutineer.mjs');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunner {
  /** Runs `scrutineer …args` to its exit, whatever the exit code. */
  readonly run: (args: readonly string[]) => Promise<CliResult>;
  /** Runs it and asserts exit 0; resolves to its standard output. */
  readonly ok: (args: readonly string[]) => Promise<string>;
}

export function cliRunner(keys: {
  readonly operatorKey: string;
  readonly adminKey: string;
}): CliRunner {
  const env = {
    ...process.env,
    SCRUTINEER_OPERATOR_KEY: keys.operatorKey,
    SCRUTINEER_ADMIN_KEY: keys.adminKey,
  };
  const run = (args: readonly string[]): Promise<CliResult> =>
    new Promise((resolve) => {
      execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99,
          stdout,
          stderr,
        })
      );
    });
  const ok = async (args: readonly string[]): Promise<string> => {
    const result = await run(args);
    assert.equal(
      result.code,
      0,
      `scrutineer ${args.join(' ')}\n${result.stdout}\n${result.stderr}`
    );
    return result.stdout;
  };
  return { run, ok };
}
