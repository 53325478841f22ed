/**
 * @module The record generator's command line: `generate-record` on its own, outside the shipped
 * `scrutineer` command, because it replaces the platform's randomness with a seeded stream (spec
 * §1.4 forbids that in anything that runs an election). Exit codes as `scrutineer`: 0 written,
 * 2 bad options.
 */
import { type Command, CommanderError } from 'commander';
import { generateRecordCommand } from './generate-record.ts';

/** Builds the command; exposed for tests. */
export function buildProgram(): Command {
  return generateRecordCommand().exitOverride().showHelpAfterError();
}

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`generate-record: ${(error as Error).message}\n`);
    return 2;
  }
}
