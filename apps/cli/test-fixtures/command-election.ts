/**
 * @module Test helper: the set-up the CLI's process tests share before `election create` — a
 * server on loopback with a PGlite directory in the test's folder and rate limits raised (the
 * test's commands all come from one address), the arguments of `trustee keygen` and `election
 * create`, a synthetic roll imported and committed into the folder's roll files, and instants as
 * a manifest writes them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildRoll } from '@scrutineer/protocol';
import { type RunningServer, hashBearerKey, startServer } from '@scrutineer/server';
import { commitRollMembers } from '../src/commands/roll/commit.ts';
import { parseCsvText } from '../src/commands/roll/csv-file.ts';
import { writeJsonFile } from '../src/commands/roll/roll-files.ts';
import { makeSyntheticRoll } from './synthetic-roll.ts';

/** A server whose database is DIR/database, for the operator key `operatorKey`. */
export function startCommandServer(dir: string, operatorKey: string): Promise<RunningServer> {
  return startServer({
    database: join(dir, 'database'),
    port: 0,
    logger: false,
    operatorKeyHash: hashBearerKey(operatorKey),
    requestsPerMinute: 1_000_000,
    signInPerMinute: 1_000_000,
    checkpoints: { intervalMs: 0 },
  });
}

/** The arguments of `trustee keygen` for trustee `index` of `electionId`, into `out`. */
export function trusteeKeygen(electionId: string, index: number, out: string): string[] {
  return ['trustee', 'keygen', '--election', electionId, '--index', String(index), '--out', out];
}

/**
 * The arguments of `election create` for DIR/draft.json, the trustees' public key files and
 * DIR/roll-commitment.json, into DIR/manifest.json; `options` adds more (`--nominations`, …).
 */
export function electionCreate(
  url: string,
  dir: string,
  trusteePublicKeys: readonly string[],
  options: readonly string[] = []
): string[] {
  return [
    'election',
    'create',
    '--server',
    url,
    '--draft',
    join(dir, 'draft.json'),
    '--trustee',
    ...trusteePublicKeys,
    '--roll',
    join(dir, 'roll-commitment.json'),
    ...options,
    '--out',
    join(dir, 'manifest.json'),
  ];
}

/** The arguments of `election publish` for `electionId`, into `out`. */
export function electionPublish(url: string, electionId: string, out: string): string[] {
  return ['election', 'publish', '--server', url, '--election', electionId, '--out', out];
}

/**
 * A synthetic roll of `members`, imported and committed: DIR/roll.json, DIR/references.json and
 * DIR/roll-commitment.json as `roll import` and `roll commit` write them.
 */
export function writeCommittedRoll(dir: string, members: number, seed: string) {
  const synthetic = makeSyntheticRoll({ members, seed });
  const built = buildRoll(parseCsvText(synthetic.csv), synthetic.rules);
  assert.ok(built.ok);
  const { commitment, references } = commitRollMembers(built.value);
  writeJsonFile(join(dir, 'roll.json'), built.value);
  writeJsonFile(join(dir, 'references.json'), references);
  writeJsonFile(join(dir, 'roll-commitment.json'), commitment);
  return built.value;
}

/** An instant (milliseconds since the epoch) as a manifest writes it: seconds, Z. */
export function manifestInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
