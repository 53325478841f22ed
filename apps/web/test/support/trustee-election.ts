/**
 * @module The officer's side of a ceremony whose trustees made their own keys (in the browser or
 * with `scrutineer trustee keygen`): an election created with their public entries, the election
 * key published from the board's ceremony (as `election key` does), and after voting the tally
 * sealed at a checkpoint the officer announces. Also runs the real CLI as a trustee would.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { bytesToHex, deriveCredentialKey, generateVotingCode } from '@scrutineer/crypto';
import {
  bodiesOf,
  concludeCeremonyFromBodies,
  createCeremonyKey,
  electionKeyBody,
  generatePostalReturn,
  hashSecurityAnswers,
} from '@scrutineer/protocol';
import type { BoardEvent, Manifest } from '@scrutineer/record';
import {
  type RunningServer,
  closeElection,
  createElection,
  hashBearerKey,
  loadCredentials,
  openElection,
} from '@scrutineer/server';
import { simulatedManifest, resultOf } from '@scrutineer/testkit';

const CLI = fileURLToPath(new URL('../../../cli/bin/scrutineer.mjs', import.meta.url));

export interface TrusteeEntry {
  readonly index: number;
  readonly name: string;
  readonly publicKey: string;
  readonly keyProof: string;
}

async function officer(
  server: RunningServer,
  electionId: string,
  adminKey: string,
  path: string,
  body?: unknown
): Promise<unknown> {
  const response = await fetch(`${server.url}/api/elections/${electionId}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${adminKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** Creates the election with these trustees' entries (k = `threshold`); no nominations. */
export async function createTrusteeElection(
  server: RunningServer,
  electionId: string,
  entries: readonly TrusteeEntry[],
  threshold: number
): Promise<{ manifest: Manifest; adminKey: string }> {
  const group = server.service.group;
  const drafted = simulatedManifest(group, {
    electionId,
    contests: [
      {
        id: 'leader',
        title: 'Leader',
        minSelections: 1,
        maxSelections: 1,
        candidates: ['Alex Morgan', 'Sam Patel'],
      },
    ],
    // Stand-ins replaced below by the trustees' own entries.
    trusteeKeys: entries.map((e) => createCeremonyKey(group, electionId, e.index)),
    threshold,
    boardPublicKey: group.generator,
    voters: 1,
    policy: 'first-ballot-final',
    start: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  const { board: _board, ...simulated } = drafted;
  const adminKey = `admin-${randomBytes(8).toString('hex')}`;
  const { manifest } = await createElection(server.service, {
    draft: { ...simulated, trustees: { threshold, members: [...entries] } },
    adminKeyHash: hashBearerKey(adminKey),
  });
  return { manifest, adminKey };
}

/** The officer publishes the key the ceremony on the board concludes to (`election key`). */
export async function publishElectionKey(
  server: RunningServer,
  manifest: Manifest,
  adminKey: string
): Promise<void> {
  const group = server.service.group;
  const events = await boardEvents(server, manifest.electionId);
  const concluded = resultOf(
    concludeCeremonyFromBodies(group, manifest, {
      commitments: bodiesOf(events, 'trustee-commitments'),
      shares: bodiesOf(events, 'trustee-shares'),
      complaints: bodiesOf(events, 'trustee-complaint'),
    })
  );
  await officer(
    server,
    manifest.electionId,
    adminKey,
    '/election-key',
    electionKeyBody(group, concluded)
  );
}

/** Opens with no credentials loaded, closes, and tallies: the announced `<size>:<root>`. */
export async function openCloseAndTally(
  server: RunningServer,
  electionId: string,
  adminKey: string
): Promise<string> {
  // One member on the roll, whose credential is loaded (nobody votes: the tally is of nothing).
  const group = server.service.group;
  const code = generateVotingCode();
  const key = bytesToHex(group.encodePoint(deriveCredentialKey(group, electionId, code).publicKey));
  await loadCredentials(server.service, electionId, [
    {
      key,
      // Spec §9.5: a return commitment per credential when the postal channel is on.
      returnCommitment: generatePostalReturn(key).commitment,
      answersHash: await hashSecurityAnswers(
        ['dob', 'postcode'],
        { dob: '1970-01-01', postcode: 'CF1 1AA' },
        { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 }
      ),
    },
  ]);
  await openElection(server.service, electionId);
  await closeElection(server.service, electionId);
  const { checkpoint } = (await officer(server, electionId, adminKey, '/tally')) as {
    checkpoint: { size: number; root: string };
  };
  return `${checkpoint.size}:${checkpoint.root}`;
}

/** The board's events (parsed enough for bodiesOf). */
export async function boardEvents(
  server: RunningServer,
  electionId: string
): Promise<BoardEvent[]> {
  const response = await fetch(
    `${server.url}/api/elections/${electionId}/events?from=0&limit=1000`
  );
  const page = (await response.json()) as { events: BoardEvent[] };
  return page.events;
}

/** Runs `scrutineer …` (the repository's CLI); resolves to its output, rejects on failure. */
export function runCli(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`scrutineer ${args.join(' ')}: ${output}`))
    );
  });
}
