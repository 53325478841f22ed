/**
 * @module The ranked phase's commands (spec §11.8): `scrutineer mixer mix`, `scrutineer trustee
 * ranked-decrypt` and `scrutineer election count`. Each takes the returning officer's key, since
 * the board's ranked routes are the officer's (the `mix` and `ranked-decryption-share` bodies
 * carry no signatures); the board checks every step before appending it. A mix or a round of
 * shares is staged part by part and committed (spec §11.8 "Staging"), resumable from its spool.
 */
import { Command, InvalidArgumentError } from 'commander';
import { type Common, officer, withCommon } from '../election/election.ts';
import { readTrusteeKeyFile, secretShareOf } from '../trustee/trustee-key-file.ts';
import {
  type RankedContext,
  postNextMix,
  postRankedCount,
  postRankedShares,
} from './ranked-actions.ts';
import { DEFAULT_SPOOL_DIR } from './step-spool.ts';

interface RankedOptions extends Common {
  contest: string;
}

interface StagedOptions extends RankedOptions {
  spoolDir?: string;
}

/** A step is staged part by part; it waits on disk until the board has it (spec §11.8). */
const withSpool = (command: Command): Command =>
  command.option(
    '--spool-dir <dir>',
    `where the step waits until the board has it, so that a run cut short resumes (default ${DEFAULT_SPOOL_DIR})`
  );

async function stagingContext(options: StagedOptions): Promise<RankedContext> {
  const context = await officer(options);
  return options.spoolDir === undefined ? context : { ...context, spoolDir: options.spoolDir };
}

function parseIndex(value: string): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('expected 1, 2, …');
  return Number(value);
}

const withContest = (command: Command): Command =>
  withCommon(command).requiredOption(
    '--contest <id>',
    'the ranked contest (its id in the manifest)'
  );

export function mixerCommand(): Command {
  return new Command('mixer').description('a mix server’s part of a ranked contest').addCommand(
    withSpool(withContest(new Command('mix')))
      .description(
        "shuffle the previous mix's output (the counted ballots' ranked entries for mixer 1), prove it and stage it part by part; the board checks the proof before appending it (V10.2)"
      )
      .requiredOption(
        '--mixer <m>',
        'this mix server’s place in the manifest (1-based)',
        parseIndex
      )
      .action(async (options: StagedOptions & { mixer: number }) => {
        await postNextMix(await stagingContext(options), options.contest, options.mixer);
      })
  );
}

export function rankedDecryptCommand(): Command {
  return withSpool(withContest(new Command('ranked-decrypt')))
    .description(
      "post this trustee's shares of the ranked contest's current decryption round, after the last mix (spec §11.6); run it again for each round, once k trustees have posted theirs"
    )
    .requiredOption('--key <key.json>', 'this trustee’s key file (with its secret share)')
    .action(async (options: StagedOptions & { key: string }) => {
      const file = readTrusteeKeyFile(options.key);
      const context = await stagingContext(options);
      const position = await postRankedShares(context, options.contest, {
        trustee: file.trustee,
        secretShare: secretShareOf(file),
      });
      if (position === null)
        context.log?.('Nothing to post: this round has your shares, or every row is decrypted.');
    });
}

export function countCommand(): Command {
  return withContest(new Command('count'))
    .description(
      'once every round is decrypted: publish the ranked contest’s rankings and its count (ranked-rankings, ranked-result, spec §12.7)'
    )
    .action(async (options: RankedOptions) => {
      await postRankedCount(await officer(options), options.contest);
    });
}
