/**
 * @module The ranked phase's commands (spec §11.8): `scrutineer mixer keygen`, `scrutineer mixer
 * mix`, `scrutineer trustee ranked-decrypt` and `scrutineer election count`. Each step takes the
 * returning officer's key, since the board's ranked routes are the officer's; a mix is also signed
 * with the mix server's own key (V10.6), so the officer relays it but cannot make it. The board
 * checks every step before appending it. A mix or a round of shares is staged part by part and
 * committed (spec §11.8 "Staging"), `--concurrency` parts at a time, resumable from its spool.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import { type Common, officer, withCommon } from '../election/election.ts';
import { readTrusteeKeyFile, secretShareOf } from '../trustee/trustee-key-file.ts';
import {
  checkMixerKey,
  createMixerKeyFile,
  mixerPublicPath,
  mixerSecretKey,
  readMixerKeyFile,
  writeMixerKeyFile,
} from './mixer-key-file.ts';
import {
  type RankedContext,
  postNextMix,
  postRankedCount,
  postRankedShares,
} from './ranked-actions.ts';
import { DEFAULT_CONCURRENCY } from './staged-post.ts';
import { DEFAULT_SPOOL_DIR } from './step-spool.ts';

interface RankedOptions extends Common {
  contest: string;
}

interface StagedOptions extends RankedOptions {
  spoolDir?: string;
  concurrency: number;
}

function parseConcurrency(value: string): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('expected 1 … 99');
  return Number(value);
}

/**
 * A step is staged part by part, a few parts at a time; it waits on disk until the board has it
 * (spec §11.8).
 */
const withSpool = (command: Command): Command =>
  command
    .option(
      '--spool-dir <dir>',
      `where the step waits until the board has it, so that a run cut short resumes (default ${DEFAULT_SPOOL_DIR})`
    )
    .option(
      '--concurrency <n>',
      'staged parts uploaded at once',
      parseConcurrency,
      DEFAULT_CONCURRENCY
    );

async function stagingContext(options: StagedOptions): Promise<RankedContext> {
  const context = { ...(await officer(options)), concurrency: options.concurrency };
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

function mixerKeygenCommand(): Command {
  return new Command('keygen')
    .description(
      "create a mix server's signing key (secret file, mode 0600) and its manifest entry <key>.public.json (for `election create --mixer`)"
    )
    .requiredOption('--out <key.json>', 'the secret key file')
    .requiredOption('--name <name>', 'the mix server, as the manifest will name it')
    .action(async (options: { out: string; name: string }) => {
      const file = createMixerKeyFile(await loadGroup('sodium'), options.name);
      writeMixerKeyFile(options.out, file);
      process.stdout.write(
        `Mix server key: ${options.out} (secret, mode 0600; keep it on the mix server, never with the officer)\nManifest entry: ${mixerPublicPath(options.out)}\n`
      );
    });
}

export function mixerCommand(): Command {
  return new Command('mixer')
    .description('a mix server’s part of a ranked contest')
    .addCommand(mixerKeygenCommand())
    .addCommand(
      withSpool(withContest(new Command('mix')))
        .description(
          "shuffle the previous mix's output (the counted ballots' ranked entries for mixer 1), prove it, sign it with this mix server's key and stage it part by part; the board checks the proof (V10.2) and the signature (V10.6) first"
        )
        .requiredOption(
          '--mixer <m>',
          'this mix server’s place in the manifest (1-based)',
          parseIndex
        )
        .requiredOption('--key <key.json>', 'this mix server’s key file (mixer keygen)')
        .action(async (options: StagedOptions & { mixer: number; key: string }) => {
          const file = readMixerKeyFile(options.key);
          const context = await stagingContext(options);
          checkMixerKey(await context.client.manifest(context.electionId), options.mixer, file);
          await postNextMix(context, options.contest, options.mixer, mixerSecretKey(file));
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
