/**
 * @module `scrutineer vote --server URL --election ID [--code-file FILE|-] --choice NAME|POSITION
 * [--choice …] [--audit]`: a real voter client (client/vote-client.ts)
 * through the same HTTP API as the booth. Prints the receipt and exits 0 only when a ballot was
 * accepted; 1 for a refusal (wrong answers, locked, already voted and by which channel, not open,
 * closed), 2 for a malformed code (with the check characters' suggestion) or bad arguments.
 * The code and answers come from a file, standard input or a prompt (vote-secrets.ts), never
 * argv: `--code` and `--answers` are refused with the reason.
 */
import { Command, Option } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import { parseAnswers } from '@scrutineer/protocol';
import { castVote } from '../client/vote-client.ts';
import { ServerClient } from '../client/server-client.ts';
import { readVoteSecrets } from './vote-secrets.ts';

interface VoteCommandOptions {
  server: string;
  election?: string;
  codeFile?: string;
  code?: string;
  answers?: string;
  choice: string[];
  audit?: boolean;
}

/** Refusals that are the member's input rather than the election's state: exit 2. */
const INPUT_ERRORS = /^(credential\/|vote\/invalid-choice)/;

export function voteCommand(): Command {
  return (
    new Command('vote')
      .description(
        'vote as a member: sign in with the code and answers, encrypt, cast, print the receipt'
      )
      .requiredOption('--server <url>', 'the election server, e.g. http://127.0.0.1:8080')
      .option(
        '--election <id>',
        'the election id (default: the only election named in the server URL)'
      )
      .option(
        '--code-file <file>',
        'a file (- for standard input) with the voting code on its first line and the answers (dob=…,postcode=…) on its second; without it, a terminal is prompted'
      )
      // Refused, with the reason: a code on the command line is seen by `ps` and kept in history.
      .addOption(new Option('--code <code>').hideHelp())
      .addOption(new Option('--answers <answers>').hideHelp())
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
        if (options.code !== undefined || options.answers !== undefined)
          return fail(
            2,
            '--code and --answers are not taken on the command line (other users see it in ps, and the shell keeps it in history): put them in a file for --code-file, pipe them with --code-file -, or type them at the prompt'
          );
        const secrets = await readVoteSecrets(options.codeFile);
        if (typeof secrets === 'string') return fail(2, `--code-file: ${secrets}`);
        const answers = parseAnswers(secrets.answers);
        if (!answers.ok) return fail(2, `answers: ${answers.error.message}`);
        const match = /\/api\/elections\/([a-z0-9-]+)/.exec(options.server);
        const electionId = options.election ?? match?.[1];
        if (electionId === undefined) return fail(2, '--election is required');
        const server = new ServerClient(options.server.replace(/\/api\/elections\/.*$/, ''));
        const outcome = await castVote({
          server,
          electionId,
          code: secrets.code,
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
      })
  );
}
