/**
 * @module The election a load or chaos run casts into (issue 7): set up through the service layer
 * of an in-process server on the run's own database (the same steps officials take: ceremony,
 * key, credentials, open), then every member's ballot encrypted with the protocol package and
 * serialised before the clock starts, so the generator spends its time sending, not encrypting.
 */
import { hexToBytes, loadFastestGroup } from '@scrutineer/crypto';
import type { Ballot } from '@scrutineer/record';
import { hashSecurityAnswers } from '../auth/security-answers.ts';
import { readHead } from '../board/board-head.ts';
import { migrate } from '../database/migrate.ts';
import { openDatabase } from '../database/open-database.ts';
import { loadCredentials, openElection } from '../officials/setup-steps.ts';
import { honestBallot } from '../test-support/ballot-forgery.ts';
import {
  TEST_ARGON2,
  type TestElection,
  createTestElection,
  startTestServer,
} from '../test-support/test-election.ts';

const CREDENTIAL_BATCH = 500;

export interface LoadElection {
  readonly election: TestElection;
  /** `{"ballot": …}` request bodies, one per member, in member order. */
  readonly bodies: readonly string[];
  readonly ballots: readonly Ballot[];
  /** The candidate (0-based) each member chose. */
  readonly choices: readonly number[];
  /** The election's session-stamping key, for runs too large to sign every member in. */
  readonly hmacKey: Uint8Array;
}

/** Member i votes for candidate i mod 2, or as `choose` says. */
export async function prepareLoadElection(
  databaseUrl: string,
  voters: number,
  log: (line: string) => void,
  choose: (member: number) => number = (member) => member % 2
): Promise<LoadElection> {
  const database = await openDatabase(databaseUrl);
  await migrate(database);
  const server = await startTestServer(database);
  let election: TestElection;
  let hmacKey: Uint8Array;
  try {
    const started = performance.now();
    // Credentials in batches (a `credentials` event holds at most 10,000 keys, and hashing every
    // member's answers at once would exhaust WebAssembly memory), then open.
    const keyed = await createTestElection(server.service, { voters, open: false });
    for (let from = 0; from < voters; from += CREDENTIAL_BATCH) {
      const entries = await Promise.all(
        keyed.voters.slice(from, from + CREDENTIAL_BATCH).map(async (v) => ({
          key: v.credential,
          answersHash: await hashSecurityAnswers(['dob', 'postcode'], v.answers, TEST_ARGON2),
          packId: v.packId,
        }))
      );
      await loadCredentials(server.service, keyed.electionId, entries);
    }
    const { baseHash } = await openElection(server.service, keyed.electionId);
    // Encrypt with the fastest backend here (native if built): the ballots are the same bytes.
    const group = await loadFastestGroup();
    const { electionKey } = await readHead(database, keyed.electionId);
    if (electionKey === null) throw new Error('an open election has a key');
    election = {
      ...keyed,
      setup: {
        ...keyed.setup,
        group,
        electionKey: group.prepareFixedBase(group.decodePoint(hexToBytes(electionKey))),
        baseHash: hexToBytes(baseHash),
      },
    };
    hmacKey = (await server.service.elections.get(election.electionId)).hmacKey;
    log(
      `election ${election.electionId}: ${voters} credentials loaded and open (${seconds(started)} s)`
    );
  } finally {
    await server.close();
    await database.close();
  }
  const started = performance.now();
  const choices = election.voters.map((_, i) => choose(i));
  const ballots = election.voters.map((voter, i) => {
    if (i > 0 && i % 5000 === 0) log(`  encrypted ${i} ballots`);
    return honestBallot(election.setup, voter, choices[i]).ballot;
  });
  log(`${voters} ballots encrypted (${seconds(started)} s)`);
  return {
    election,
    ballots,
    choices,
    hmacKey,
    bodies: ballots.map((ballot) => JSON.stringify({ ballot })),
  };
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
