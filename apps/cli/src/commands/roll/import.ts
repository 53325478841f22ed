/**
 * @module `scrutineer roll import <members.csv> --out <roll.json>`: reads the membership
 * CSV, checks every row and applies the eligibility rules. Any bad row refuses the whole file: one
 * line per problem (row, field, reason) on stderr, nothing written, exit 1.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { Result } from '@scrutineer/record';
import {
  type EligibilityRules,
  type Roll,
  type RowProblem,
  buildRoll,
  isCivilDate,
  normaliseStatus,
} from '@scrutineer/protocol';
import { readCsvFile } from './csv-file.ts';
import { writeJsonFile } from './roll-files.ts';

/** Library form: reads `csvPath` under `rules`; writes nothing. */
export function importRollFile(
  csvPath: string,
  rules: EligibilityRules
): Result<Roll, RowProblem[]> {
  return buildRoll(readCsvFile(csvPath), rules);
}

export function formatRowProblem(problem: RowProblem): string {
  return `row ${problem.row}: ${problem.field}: ${problem.reason}`;
}

export function parseDateOption(value: string): string {
  if (!isCivilDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}

export function parseCountOption(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

/** Today's date in UTC, YYYY-MM-DD (the command line may read the clock; packages may not). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function rollImportCommand(): Command {
  return new Command('import')
    .description('import the members CSV into a roll, checking every row and marking eligibility')
    .argument(
      '<members.csv>',
      'columns: member id, name, address, postcode, date of birth, email (optional), join date, status, category and weight (optional: ballot style and weight, spec §13)'
    )
    .requiredOption('--out <roll.json>', 'where to write the roll (personal data: keep it private)')
    .option(
      '--cutoff <date>',
      'members who joined after this date (YYYY-MM-DD) are not eligible',
      parseDateOption
    )
    .option('--min-age <years>', 'minimum age on the --as-of date', parseCountOption)
    .option(
      '--as-of <date>',
      'the date ages are measured on (default: today, UTC)',
      parseDateOption
    )
    .option('--statuses <list>', 'comma-separated membership statuses that may vote', 'active,paid')
    .action(
      (
        csvPath: string,
        options: { out: string; cutoff?: string; minAge?: number; asOf?: string; statuses: string }
      ) => {
        const rules: EligibilityRules = {
          cutoff: options.cutoff ?? null,
          statuses: options.statuses
            .split(',')
            .map(normaliseStatus)
            .filter((s) => s !== ''),
          minimumAge: options.minAge ?? null,
          asOf: options.asOf ?? todayUtc(),
        };
        const result = importRollFile(csvPath, rules);
        if (!result.ok) {
          for (const problem of result.error)
            process.stderr.write(`${formatRowProblem(problem)}\n`);
          process.stderr.write(
            `scrutineer roll import: ${result.error.length} problem(s); nothing was imported\n`
          );
          process.exitCode = 1;
          return;
        }
        writeJsonFile(options.out, result.value);
        const eligible = result.value.members.filter((m) => m.eligible).length;
        process.stdout.write(
          `Imported ${result.value.members.length} members into ${options.out}: ${eligible} eligible, ${result.value.members.length - eligible} not.\n`
        );
        process.exitCode = 0;
      }
    );
}
