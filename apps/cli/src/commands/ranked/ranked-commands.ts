/**
 * @module The ranked phase's commands (spec §11.8): `scrutineer mixer mix`, `scrutineer trustee
 * ranked-decrypt` and `scrutineer election count`. Each takes the returning officer's key, since
 * the board's ranked routes are the officer's (the `mix` and `ranked-decryption-share` bodies
 * carry no signatures); the board checks every step before appending it.
 */
import { Command, InvalidArgumentError } from 'commander';
import { type Common, officer, withCommon } from '../election/election.ts';
import { readTrusteeKeyFile, secretShareOf } from '../trustee/trustee-key-file.ts';
import { postNextMix, postRankedCount, postRankedShares } from './ranked-actions.ts';

interface RankedOptions extends Common {
  contest: string;
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
    withContest(new Command('mix'))
      .description(
        "shuffle the previous mix's output (the counted ballots' ranked entries for mixer 1), prove it and post it; the board checks the proof first (V10.2)"
      )
      .requiredOption(
        '--mixer <m>',
        'this mix server’s place in the manifest (1-based)',
        parseIndex
      )
      .action(async (options: RankedOptions & { mixer: number }) => {
        await postNextMix(await officer(options), options.contest, options.mixer);
      })
  );
}

export function rankedDecryptCommand(): Command {
  return withContest(new Command('ranked-decrypt'))
    .description(
      "post this trustee's shares of the ranked contest's current decryption round, after the last mix (spec §11.6); run it again for each round, once k trustees have posted theirs"
    )
    .requiredOption('--key <key.json>', 'this trustee’s key file (with its secret share)')
    .action(async (options: RankedOptions & { key: string }) => {
      const file = readTrusteeKeyFile(options.key);
      const context = await officer(options);
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
