/** @module `scrutineer nominations …`: import nominators, record nominations, close. */
import { Command } from 'commander';
import { nominationsCloseCommand } from './close.ts';
import { nominationsImportCommand } from './import.ts';
import { nominationsRecordCommand } from './record.ts';

export function nominationsCommand(): Command {
  const group = new Command('nominations')
    .description('nominations: import the nominators, record nominations, close at the threshold')
    .addCommand(nominationsImportCommand())
    .addCommand(nominationsRecordCommand())
    .addCommand(nominationsCloseCommand());
  return group;
}
