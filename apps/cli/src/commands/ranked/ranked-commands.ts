/**
 * @module The ranked phase's commands (spec §11.8): `scrutineer mixer keygen`, `scrutineer mixer
 * mix`, `scrutineer trustee ranked-decrypt` and `scrutineer election count`. A mix server posts its
 * mix itself with only its own key (its mix and every staging request signed with it, V10.6 and
 * spec §11.8 "Posted by its mix server"), no officer's key; the trustees' and the officer's steps
 * take the returning officer's key, since those ranked routes are the officer's. The board
 * checks every step before appending it. A mix or a round of shares is staged part by part and
 * committed (spec §11.8 "Staging"), `--concurrency` parts at a time, resumable from its spool.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import { ServerClient } from '../../client/server-client.ts';
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
      withSpool(
        new Command('mix')
          .requiredOption('--server <url>', 'the election server')
          .requiredOption('--election <id>', 'the election id')
          .requiredOption('--contest <id>', 'the ranked contest (its id in the manifest)')
          .option(
            '--admin-key-file <file>',
            'ignored, as SCRUTINEER_ADMIN_KEY is: a mix server posts its own mix with only its key (kept so that older scripts still run)'
          )
      )
        .description(
          "shuffle the previous mix's output (the counted ballots' ranked entries for mixer 1), prove it, sign it with this mix server's key and stage it part by part through the mix server's own routes, each request signed with that key; no officer's key is needed. The board checks the signature first, then the proof (V10.2)"
        )
        .requiredOption(
          '--mixer <m>',
          'this mix server’s place in the manifest (1-based)',
          parseIndex
        )
        .requiredOption('--key <key.json>', 'this mix server’s key file (mixer keygen)')
        .action(async (options: StagedOptions & { mixer: number; key: string }) => {
          const file = readMixerKeyFile(options.key);
          // The mix server's own routes: no officer's key, even if one is given.
          const context: RankedContext = {
            client: new ServerClient(options.server),
            group: await loadGroup('sodium'),
            electionId: options.election,
            log: (message) => void process.stdout.write(`${message}\n`),
            concurrency: options.concurrency,
            ...(options.spoolDir === undefined ? {} : { spoolDir: options.spoolDir }),
          };
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
