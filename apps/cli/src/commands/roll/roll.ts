/** @module `scrutineer roll …`: the registrar's roll commands, one file each. */
import { Command } from 'commander';
import { rollAuditCommand } from './audit.ts';
import { rollCheckCommand } from './check.ts';
import { rollCommitCommand } from './commit.ts';
import { rollImportCommand } from './import.ts';

export function rollCommand(): Command {
  const group = new Command('roll')
    .description('the members roll: import, audit, commit, check')
    .addCommand(rollImportCommand())
    .addCommand(rollAuditCommand())
    .addCommand(rollCommitCommand())
    .addCommand(rollCheckCommand());
  return group;
}
