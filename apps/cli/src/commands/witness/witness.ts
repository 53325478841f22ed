/**
 * @module `scrutineer witness` (spec §10.6): an observer's witness for one election.
 * `witness keygen` makes its key (the public key goes into the manifest's `witnesses`);
 * `witness follow` co-signs each new checkpoint that extends the last one it co-signed, and on a
 * fork writes the two signed checkpoints as evidence and stops (exit 1);
 * `witness check-evidence FILE` checks such evidence (exit 0 valid, 1 not).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  bytesToHex,
  decodeScalar,
  encodeScalar,
  hexToBytes,
  loadGroup,
  randomScalar,
} from '@scrutineer/crypto';
import { canonicalize, checkForkEvidence, manifestHash } from '@scrutineer/record';
import { ServerClient } from '../../client/server-client.ts';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';
import { type WitnessState, witnessRound } from './witness-step.ts';

export const WITNESS_KEY_FORMAT = 'scrutineer/witness-key/v1';

interface WitnessKeyFile {
  readonly format: typeof WITNESS_KEY_FORMAT;
  readonly name: string;
  readonly secretKey: string;
  readonly publicKey: string;
}

function readKeyFile(path: string): WitnessKeyFile {
  const value = readJsonFile(path) as Partial<WitnessKeyFile> | null;
  if (value?.format !== WITNESS_KEY_FORMAT || typeof value.secretKey !== 'string')
    throw new Error(`${path}: not a ${WITNESS_KEY_FORMAT} file`);
  return value as WitnessKeyFile;
}

function keygenCommand(): Command {
  return new Command('keygen')
    .description("create a witness key (secret file, mode 0600) and print the manifest's entry")
    .requiredOption('--out <key.json>', 'the secret key file')
    .requiredOption('--name <name>', 'who the witness is, as the manifest will name it')
    .action(async (options: { out: string; name: string }) => {
      if (existsSync(options.out))
        throw new Error(`${options.out} exists: a key is never overwritten`);
      const group = await loadGroup('sodium');
      const secretKey = randomScalar();
      const publicKey = bytesToHex(group.encodePoint(group.multiplyBase(secretKey)));
      const file: WitnessKeyFile = {
        format: WITNESS_KEY_FORMAT,
        name: options.name,
        secretKey: bytesToHex(encodeScalar(secretKey)),
        publicKey,
      };
      writeFileSync(options.out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      process.stdout.write(`${canonicalize({ name: options.name, publicKey })}\n`);
    });
}

interface FollowOptions {
  key: string;
  state: string;
  evidence: string;
  manifestHash?: string;
  once?: boolean;
  interval: number;
}

function followCommand(): Command {
  return new Command('follow')
    .description('follow a board and co-sign every checkpoint that extends the last one co-signed')
    .argument('<server-url>', 'the board, e.g. https://vote.example.org')
    .argument('<election-id>', 'the election')
    .requiredOption('--key <key.json>', 'the witness key (witness keygen)')
    .requiredOption('--state <state.json>', 'where the last co-signed checkpoint is kept')
    .option('--evidence <file>', 'where fork evidence is written', 'fork-evidence.json')
    .option('--manifest-hash <hex>', 'the manifest hash to pin on the first run (from the officer)')
    .option('--once', 'one round, then exit')
    .option('--interval <seconds>', 'seconds between rounds', (v) => Number.parseInt(v, 10), 30)
    .action(async (url: string, electionId: string, options: FollowOptions) => {
      const group = await loadGroup('sodium');
      const key = readKeyFile(options.key);
      const client = new ServerClient(url);
      const manifest = await client.manifest(electionId);
      const hash = manifestHash(manifest);
      let state: WitnessState = existsSync(options.state)
        ? (readJsonFile(options.state) as WitnessState)
        : { electionId, manifestHash: options.manifestHash ?? hash, last: null };
      if (state.electionId !== electionId || state.manifestHash !== hash)
        throw new Error(
          `the board's manifest hashes to ${hash}, not the pinned ${state.manifestHash}: refusing to witness another election`
        );
      if (manifest.witnesses?.members.some((m) => m.publicKey === key.publicKey) !== true)
        throw new Error(`the manifest does not name the witness key ${key.publicKey}`);
      const secretKey = decodeScalar(hexToBytes(key.secretKey));
      const save = (next: WitnessState): void => writeJsonFile(options.state, next);
      if (!existsSync(options.state)) save(state);
      for (;;) {
        const outcome = await witnessRound({ client, group, manifest, secretKey, state, save });
        if (outcome.kind === 'cosigned') {
          state = outcome.state;
          process.stdout.write(
            `co-signed size ${outcome.cosignature.size} root ${outcome.cosignature.root}\n`
          );
        } else if (outcome.kind === 'refused') {
          process.stderr.write(`refused: ${outcome.reason}\n`);
        } else if (outcome.kind === 'fork') {
          writeFileSync(options.evidence, `${canonicalize(outcome.evidence)}\n`);
          process.stderr.write(
            `FORK: the board signed two logs of size ${outcome.evidence.first.size}; evidence in ${options.evidence}. Publish it.\n`
          );
          process.exitCode = 1;
          return;
        }
        if (options.once === true) return;
        await new Promise((resolve) => setTimeout(resolve, options.interval * 1000));
      }
    });
}

function checkEvidenceCommand(): Command {
  return new Command('check-evidence')
    .description('check fork evidence: two board-signed checkpoints of one size with two roots')
    .argument('<file>', 'the evidence file')
    .action(async (file: string) => {
      const group = await loadGroup('sodium');
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file}: not JSON (${(error as Error).message})`);
      }
      const result = checkForkEvidence(group, value);
      if (!result.ok) {
        process.stdout.write(`NOT valid evidence: ${result.error.code}: ${result.error.message}\n`);
        process.exitCode = 1;
        return;
      }
      const e = result.value;
      process.stdout.write(
        [
          `VALID fork evidence: the board key ${e.boardPublicKey} of election ${e.electionId}`,
          `(manifest hash ${e.manifestHash}) signed two logs of size ${e.first.size}:`,
          `  root ${e.first.root} at ${e.first.time}`,
          `  root ${e.second.root} at ${e.second.time}`,
          'Compare the manifest hash with the election you know before you rely on it.',
          '',
        ].join('\n')
      );
    });
}

export function witnessCommand(): Command {
  return new Command('witness')
    .description(
      'witness an election board: co-sign consistent checkpoints, catch forks (spec §10.6)'
    )
    .addCommand(keygenCommand())
    .addCommand(followCommand())
    .addCommand(checkEvidenceCommand());
}
