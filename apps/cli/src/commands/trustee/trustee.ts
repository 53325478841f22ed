/**
 * @module `scrutineer trustee keygen|ceremony|decrypt` (spec §7–§8). Keys live in files
 * the trustee keeps; k-of-n: the tally completes with any k decryption shares.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import { ServerClient } from '../../client/server-client.ts';
import { rankedDecryptCommand } from '../ranked/ranked-commands.ts';
import { writeJsonFile } from '../roll/roll-files.ts';
import { type AnnouncedCheckpoint, parseAnnouncedCheckpoint } from './sealed-tally.ts';
import { DEFAULT_WAIT_MINUTES, parseMinutes } from '../wait-option.ts';
import { ceremonyStatePath, removeCeremonyState } from './ceremony-state.ts';
import { postRehearsalShare } from './rehearsal.ts';
import { postDecryptionShare, runTrusteeCeremony } from './trustee-actions.ts';
import {
  createTrusteeKeyFile,
  manifestEntry,
  readTrusteeKeyFile,
  writeTrusteeKeyFile,
} from './trustee-key-file.ts';

function parseIndex(value: string): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('expected 1, 2, …');
  return Number(value);
}

async function serverContext(options: { server: string; election?: string }, electionId: string) {
  return {
    client: new ServerClient(options.server),
    group: await loadGroup('sodium'),
    electionId: options.election ?? electionId,
    log: (message: string) => void process.stdout.write(`${message}\n`),
  };
}

function keygenCommand(): Command {
  return new Command('keygen')
    .description(
      "create this trustee's ceremony key for an election (before the manifest is final)"
    )
    .requiredOption('--election <id>', 'the election id')
    .requiredOption('--index <n>', "this trustee's index in the manifest (1-based)", parseIndex)
    .option('--name <name>', "the trustee's name as the manifest shows it")
    .requiredOption(
      '--out <key.json>',
      'the private key file (also writes <key>.public.json for the manifest)'
    )
    .action(async (options: { election: string; index: number; name?: string; out: string }) => {
      const file = createTrusteeKeyFile(
        await loadGroup('sodium'),
        options.election,
        options.index,
        options.name ?? `Trustee ${options.index}`
      );
      writeTrusteeKeyFile(options.out, file);
      const publicPath = options.out.replace(/\.json$/, '') + '.public.json';
      writeJsonFile(publicPath, manifestEntry(file));
      process.stdout.write(
        `Trustee ${file.trustee} key for ${file.electionId}: ${options.out} (private)\nManifest entry: ${publicPath}\n`
      );
    });
}

function ceremonyCommand(): Command {
  return new Command('ceremony')
    .description(
      'run the key ceremony: deal, check received shares (complain if bad), keep the secret share. ' +
        'Before it deals it seals what it must keep in <key>.ceremony (encrypted under the key file); ' +
        'if it is stopped — a crash, Ctrl-C, a reboot, --wait running out — run the same command ' +
        'again with the same files and it resumes. A busy server (429/503) is waited for, never fatal.'
    )
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--key <key.json>', 'this trustee’s key file (the secret share is added to it)')
    .option('--election <id>', 'the election id (default: the key file’s)')
    .option(
      '--wait <minutes>',
      `how long to wait for the other trustees to deal and for the officer to publish the key ` +
        `(default ${DEFAULT_WAIT_MINUTES}); when it runs out nothing is lost: run the command again to go on`,
      parseMinutes
    )
    .action(async (options: { server: string; key: string; election?: string; wait?: number }) => {
      const file = readTrusteeKeyFile(options.key);
      if (file.secretShare !== undefined) {
        process.stdout.write(
          `Trustee ${file.trustee} already holds its secret share in ${options.key}; the ceremony is over for it.\n`
        );
        return;
      }
      const statePath = ceremonyStatePath(options.key);
      const context = {
        ...(await serverContext(options, file.electionId)),
        statePath,
        ...(options.wait === undefined ? {} : { timeoutMs: options.wait }),
      };
      const done = await runTrusteeCeremony(context, file);
      writeTrusteeKeyFile(options.key, done.file);
      removeCeremonyState(statePath);
      process.stdout.write(
        `Ceremony concluded: election key ${done.electionKey}; secret share written to ${options.key}.\n`
      );
    });
}

function rehearseCommand(): Command {
  return new Command('rehearse')
    .description(
      'after the ceremony, before voting opens: decrypt the test ciphertext with the secret share in ' +
        'this key file (the one you will use at the count) and post the share with its proof, which ' +
        'the board checks. A lost or unreadable share is found now, while it can still be replaced.'
    )
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--key <key.json>', 'this trustee’s key file, with its secret share')
    .option('--election <id>', 'the election id (default: the key file’s)')
    .action(async (options: { server: string; key: string; election?: string }) => {
      const file = readTrusteeKeyFile(options.key);
      const context = await serverContext(options, file.electionId);
      const manifest = await context.client.manifest(context.electionId);
      process.stdout.write(`${await postRehearsalShare(context, manifest, file)}\n`);
    });
}

function parseCheckpoint(value: string): AnnouncedCheckpoint {
  try {
    return parseAnnouncedCheckpoint(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function decryptCommand(): Command {
  return new Command('decrypt')
    .description(
      'check the record up to the announced tally checkpoint, then post this trustee’s decryption share (with proofs) of the encrypted tally sealed there'
    )
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--key <key.json>', 'this trustee’s key file, with its secret share')
    .requiredOption(
      '--checkpoint <size>:<root>',
      'the checkpoint sealing the tally, as the returning officer announced it OUTSIDE this server ' +
        '(printed by `election tally`, shown on the public board page; compare it there, not from the server). ' +
        'The trustee downloads the record, checks that this checkpoint is signed by the manifest’s board key, ' +
        'that the log up to it has this Merkle root, holds the encrypted tally and passes the verifier (V1–V7); ' +
        'otherwise it refuses and decrypts nothing. The shares’ proofs bind this checkpoint (spec §8.2).',
      parseCheckpoint
    )
    .option('--election <id>', 'the election id (default: the key file’s)')
    .action(
      async (options: {
        server: string;
        key: string;
        checkpoint: AnnouncedCheckpoint;
        election?: string;
      }) => {
        const file = readTrusteeKeyFile(options.key);
        await postDecryptionShare(
          await serverContext(options, file.electionId),
          file,
          options.checkpoint
        );
      }
    );
}

export function trusteeCommand(): Command {
  return new Command('trustee')
    .description('a trustee’s part: key, ceremony, decryption rehearsal, decryption share')
    .addCommand(keygenCommand())
    .addCommand(ceremonyCommand())
    .addCommand(rehearseCommand())
    .addCommand(decryptCommand())
    .addCommand(rankedDecryptCommand());
}
