/**
 * @module `scrutineer nominations record --state <file> --nominator ID --candidate NAME --form REF`
 *: records one nomination. A nominator may nominate once; a second nomination, an unknown
 * nominator or a form reference seen before is refused with the reason (exit 1, state unchanged).
 */
import { Command } from 'commander';
import { recordNomination } from '@scrutineer/protocol';
import { readNominationState, writeNominationState } from './state-file.ts';

export function nominationsRecordCommand(): Command {
  return new Command('record')
    .description("record one nominator's nomination, with the reference of its form")
    .requiredOption('--state <file>', 'the nominations state file')
    .requiredOption('--nominator <id>', "the nominator's id")
    .requiredOption(
      '--candidate <name>',
      "the candidate's name (the same name in any case is the same candidate)"
    )
    .requiredOption('--form <reference>', 'the reference printed on the nomination form')
    .action((options: { state: string; nominator: string; candidate: string; form: string }) => {
      const state = readNominationState(options.state);
      const result = recordNomination(state, {
        nominator: options.nominator,
        candidateName: options.candidate,
        form: options.form,
      });
      if (!result.ok) {
        process.stderr.write(`Refused (${result.error.code}): ${result.error.message}\n`);
        process.exitCode = 1;
        return;
      }
      writeNominationState(options.state, result.value);
      const candidate =
        result.value.nominations[result.value.nominations.length - 1]?.candidate ?? '';
      const count = result.value.nominations.filter((n) => n.candidate === candidate).length;
      process.stdout.write(
        `Recorded: ${options.nominator} nominates ${candidate} (form ${options.form.trim()}); ${candidate} now has ${count}.\n`
      );
      process.exitCode = 0;
    });
}
