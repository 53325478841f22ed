/**
 * @module `scrutineer vote --server URL --election ID --code CODE --answers 'dob=…,postcode=…'
 * --choice NAME|POSITION [--choice …] [--audit]` (issue 5): a real voter client (client/vote-client.ts)
 * through the same HTTP API as the booth. Prints the receipt and exits 0 only when a ballot was
 * accepted; 1 for a refusal (wrong answers, locked, already voted and by which channel, not open,
 * closed), 2 for a malformed code (with the check characters' suggestion) or bad arguments.
 */
import { Command } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import { parseAnswers } from '@scrutineer/protocol';
import { castVote } from '../client/vote-client.ts';
import { ServerClient } from '../client/server-client.ts';

interface VoteCommandOptions {
  server: string;
  election?: string;
  code: string;
  answers: string;
  choice: string[];
  audit?: boolean;
}

/** Refusals that are the member's input rather than the election's state: exit 2. */
const INPUT_ERRORS = /^(credential\/|vote\/invalid-choice)/;

export function voteCommand(): Command {
  return new Command('vote')
    .description(
      'vote as a member: sign in with the code and answers, encrypt, cast, print the receipt'
    )
    .requiredOption('--server <url>', 'the election server, e.g. http://127.0.0.1:8080')
    .option(
      '--election <id>',
      'the election id (default: the only election named in the server URL)'
    )
    .requiredOption('--code <code>', 'the voting code printed on the pack')
    .requiredOption(
      '--answers <answers>',
      "the security answers, e.g. 'dob=1970-01-31,postcode=SW1A 1AA'"
    )
    .requiredOption(
      '--choice <name|position>',
      'a candidate by name or 1-based ballot position (repeat for several; contest=… with several contests)',
      (value: string, previous: string[] = []) => [...previous, value]
    )
    .option(
      '--audit',
      'first audit a ballot (Benaloh challenge: it is opened and published, never counted), then cast afresh'
    )
    .action(async (options: VoteCommandOptions) => {
      const fail = (exitCode: number, message: string) => {
        process.stderr.write(`scrutineer vote: ${message}\n`);
        process.exitCode = exitCode;
      };
      const answers = parseAnswers(options.answers);
      if (!answers.ok) return fail(2, `--answers: ${answers.error.message}`);
      const match = /\/api\/elections\/([a-z0-9-]+)/.exec(options.server);
      const electionId = options.election ?? match?.[1];
      if (electionId === undefined) return fail(2, '--election is required');
      const server = new ServerClient(options.server.replace(/\/api\/elections\/.*$/, ''));
      const outcome = await castVote({
        server,
        electionId,
        code: options.code,
        answers: answers.value,
        choices: options.choice,
        audit: options.audit === true,
        group: await loadGroup('sodium'),
      });
      if (!outcome.ok)
        return fail(
          INPUT_ERRORS.test(outcome.code) ? 2 : 1,
          `refused (${outcome.code}): ${outcome.message}`
        );
      if (outcome.audited !== null) {
        process.stdout.write(
          'Audited ballot (published on the board, not counted; check each opening):\n'
        );
        for (const [c, contest] of outcome.audited.contests.entries())
          for (const [j, selection] of contest.selections.entries())
            process.stdout.write(
              `  contest ${c} option ${j + 1}: vote ${selection.vote} randomness ${selection.randomness} ciphertext ${selection.ciphertext}\n`
            );
        process.stdout.write(`  tracker ${outcome.audited.tracker}\n`);
      }
      const { receipt } = outcome;
      process.stdout.write(
        [
          'Ballot accepted. Your receipt (the board signed it; keep it to find your ballot in the record):',
          `  election  ${receipt.election}`,
          `  tracker   ${receipt.tracker}`,
          `  position  ${receipt.position}`,
          `  time      ${receipt.time}`,
          `  signature ${receipt.signature}`,
          '',
        ].join('\n')
      );
      process.exitCode = 0;
    });
}
