/** @module The `scrutineer` command: one sub-command per file under commands/ (commander). */
import { Command, CommanderError } from 'commander';
import { serveCommand } from './commands/serve.ts';
import { verifyCommand } from './commands/verify.ts';
import { rollCommand } from './commands/roll/roll.ts';
import { nominationsCommand } from './commands/nominations/nominations.ts';
import { packsCommand } from './commands/packs/packs.ts';
import { voteCommand } from './commands/vote.ts';
import { trusteeCommand } from './commands/trustee/trustee.ts';
import { electionCommand } from './commands/election/election.ts';
import { postalCommand } from './commands/postal/postal.ts';
import { witnessCommand } from './commands/witness/witness.ts';
import { countCommand, mixerCommand } from './commands/ranked/ranked-commands.ts';
import { disputeCommand } from './commands/dispute/dispute.ts';
import { boothCheckCommand } from './commands/booth-check/booth-check.ts';

/** Builds the program; exposed for tests. */
export function buildProgram(): Command {
  const program = new Command('scrutineer')
    .description('End-to-end verifiable elections: run, vote in and verify a Scrutineer election.')
    .exitOverride()
    .showHelpAfterError();
  program.addCommand(verifyCommand());
  program.addCommand(serveCommand());
  program.addCommand(rollCommand());
  program.addCommand(nominationsCommand());
  program.addCommand(packsCommand());
  // `election count` lives with the ranked commands, which use the election command's options.
  program.addCommand(electionCommand().addCommand(countCommand()));
  program.addCommand(trusteeCommand());
  program.addCommand(mixerCommand());
  program.addCommand(postalCommand());
  program.addCommand(voteCommand());
  program.addCommand(witnessCommand());
  program.addCommand(disputeCommand());
  program.addCommand(boothCheckCommand());
  throwOnUsageErrors(program);
  return program;
}

/**
 * `addCommand` passes none of the program's settings on, so without this commander would
 * `process.exit(1)` on a usage error in a sub-command; thrown instead, main() makes it exit 2.
 */
function throwOnUsageErrors(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) throwOnUsageErrors(sub);
}

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`scrutineer: ${(error as Error).message}\n`);
    return 2;
  }
}
