/**
 * @module `scrutineer trustee keygen|ceremony|decrypt` (issue 5, spec §7–§8). Keys live in files
 * the trustee keeps; k-of-n: the tally completes with any k decryption shares.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import { ServerClient } from '../../client/server-client.ts';
import { writeJsonFile } from '../roll/roll-files.ts';
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
      'run the key ceremony: deal, check received shares (complain if bad), keep the secret share'
    )
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--key <key.json>', 'this trustee’s key file (the secret share is added to it)')
    .option('--election <id>', 'the election id (default: the key file’s)')
    .action(async (options: { server: string; key: string; election?: string }) => {
      const file = readTrusteeKeyFile(options.key);
      const context = await serverContext(options, file.electionId);
      const done = await runTrusteeCeremony(context, file);
      writeTrusteeKeyFile(options.key, done.file);
      process.stdout.write(
        `Ceremony concluded: election key ${done.electionKey}; secret share written to ${options.key}.\n`
      );
    });
}

function decryptCommand(): Command {
  return new Command('decrypt')
    .description('post this trustee’s decryption share (with proofs) of the encrypted tally')
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--key <key.json>', 'this trustee’s key file, with its secret share')
    .option('--election <id>', 'the election id (default: the key file’s)')
    .action(async (options: { server: string; key: string; election?: string }) => {
      const file = readTrusteeKeyFile(options.key);
      await postDecryptionShare(await serverContext(options, file.electionId), file);
    });
}

export function trusteeCommand(): Command {
  return new Command('trustee')
    .description('a trustee’s part: key, ceremony, decryption share')
    .addCommand(keygenCommand())
    .addCommand(ceremonyCommand())
    .addCommand(decryptCommand());
}
