/**
 * @module `scrutineer nominations import <nominators.csv> --state <file>`: the people
 * entitled to nominate (e.g. the MPs), from a CSV with a nominator id and a name. Opens the
 * nominations in a new state file; refuses to overwrite one that already holds nominations.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import type { Result } from '@scrutineer/record';
import {
  type Nominator,
  type RowProblem,
  openNominations,
  parseNominators,
} from '@scrutineer/protocol';
import { readCsvFile } from '../roll/csv-file.ts';
import { formatRowProblem } from '../roll/import.ts';
import { readNominationState, writeNominationState } from './state-file.ts';

/** Library form: reads the nominators CSV (nothing written). */
export function importNominatorsFile(csvPath: string): Result<Nominator[], RowProblem[]> {
  return parseNominators(readCsvFile(csvPath));
}

export function nominationsImportCommand(): Command {
  return new Command('import')
    .description('import the nominators and open nominations')
    .argument('<nominators.csv>', 'columns: nominator id, name (others are ignored)')
    .requiredOption('--state <file>', 'the nominations state file to create')
    .action((csvPath: string, options: { state: string }) => {
      if (existsSync(options.state) && readNominationState(options.state).nominations.length > 0) {
        process.stderr.write(
          `scrutineer nominations import: ${options.state} already holds nominations; not overwritten\n`
        );
        process.exitCode = 1;
        return;
      }
      const result = importNominatorsFile(csvPath);
      if (!result.ok) {
        for (const problem of result.error) process.stderr.write(`${formatRowProblem(problem)}\n`);
        process.stderr.write(
          `scrutineer nominations import: ${result.error.length} problem(s); nothing was imported\n`
        );
        process.exitCode = 1;
        return;
      }
      writeNominationState(options.state, openNominations(result.value));
      process.stdout.write(
        `Nominations open: ${result.value.length} nominators (${options.state}).\n`
      );
      process.exitCode = 0;
    });
}
