/**
 * @module The election a load or chaos run casts into: set up through the service layer
 * of an in-process server on the run's own database (the same steps officials take: ceremony,
 * key, credentials, open), then every member's ballot encrypted with the protocol package and
 * serialised before the clock starts, so the generator spends its time sending, not encrypting.
 *
 * A run of 300,000 members is 300,000 key derivations, Argon2id hashes and ballot encryptions:
 * they run on worker threads, one a core (member-workers.ts), while this thread loads each
 * batch of credentials as soon as its members are ready. Only the request bodies are kept, not
 * the ballot objects (about three times their size in memory).
 */
import { loadFastestGroup } from '@scrutineer/crypto';
import {
  type TestElection,
  type TestVoter,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';
import {
  readHead,
  migrate,
  openDatabase,
  type CredentialEntry,
  loadCredentials,
  openElection,
} from '@scrutineer/server';
import { type BallotRunnerContext, prepareBallotContext } from '@scrutineer/verifier';
import { MemberWorkers } from './member-workers.ts';

/** Members per worker job: long enough to amortise a message, short enough to balance threads. */
const JOB_MEMBERS = 500;
/** Members per `credentials` event (the spec allows 10,000; fewer transactions are cheaper). */
const CREDENTIAL_BATCH = 5000;
/** A progress line every so many members. */
const PROGRESS_EVERY = 25_000;

export interface LoadElection {
  readonly election: TestElection;
  /** `{"ballot": …}` request bodies, one per member, in member order. */
  readonly bodies: readonly string[];
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
  // The threads load their backends while this one migrates and runs the ceremony.
  const workers = new MemberWorkers();
  try {
    const { election, hmacKey, opened } = await keyAndOpen(databaseUrl, voters, workers, log);
    const started = performance.now();
    const choices = Array.from({ length: voters }, (_, member) => choose(member));
    await workers.broadcast({ kind: 'open', ...opened });
    const bodies: string[] = [];
    await inOrder(
      jobs(voters).map(({ from, count }) =>
        workers.run({
          kind: 'encrypt',
          voters: election.voters.slice(from, from + count),
          choices: choices.slice(from, from + count),
        })
      ),
      (reply) => {
        for (const body of reply.bodies ?? []) bodies.push(body);
        if (bodies.length % PROGRESS_EVERY < JOB_MEMBERS)
          log(`  encrypted ${bodies.length} ballots`);
      }
    );
    if (bodies.length !== voters) throw new Error(`${bodies.length} ballots for ${voters} members`);
    log(`${voters} ballots encrypted on ${workers.threads} threads (${seconds(started)} s)`);
    return { election, choices, hmacKey, bodies };
  } finally {
    await workers.close();
  }
}

/** Creates the election, loads every member's credential as the threads derive them, opens it. */
async function keyAndOpen(
  databaseUrl: string,
  voters: number,
  workers: MemberWorkers,
  log: (line: string) => void
): Promise<{ election: TestElection; hmacKey: Uint8Array; opened: BallotRunnerContext }> {
  const database = await openDatabase(databaseUrl);
  try {
    await migrate(database);
    const server = await startTestServer(database);
    try {
      const started = performance.now();
      const keyed = await createTestElection(server.service, {
        voters,
        open: false,
        makeVoters: false,
      });
      const members: TestVoter[] = [];
      let batch: CredentialEntry[] = [];
      await inOrder(
        jobs(voters).map(({ from, count }) =>
          workers.run({ kind: 'key', electionId: keyed.electionId, from, count })
        ),
        async (reply) => {
          const keyedVoters = reply.voters ?? [];
          keyedVoters.forEach((voter, i) => {
            members.push(voter);
            const answersHash = reply.answersHashes?.[i];
            if (answersHash === undefined) throw new Error('a member thread returned no hash');
            batch.push({
              key: voter.credential,
              answersHash,
              returnCommitment: voter.postalReturn.commitment,
            });
          });
          if (batch.length >= CREDENTIAL_BATCH || members.length === voters) {
            await loadCredentials(server.service, keyed.electionId, batch);
            batch = [];
            if (members.length % PROGRESS_EVERY < JOB_MEMBERS)
              log(`  loaded ${members.length} credentials`);
          }
        }
      );
      const { baseHash } = await openElection(server.service, keyed.electionId);
      // The setup's group is the fastest backend (native if built): the ballots are the same bytes.
      const group = await loadFastestGroup();
      const { electionKey } = await readHead(database, keyed.electionId);
      if (electionKey === null) throw new Error('an open election has a key');
      const opened = {
        manifest: keyed.manifest,
        electionKeyHex: electionKey,
        baseHashHex: baseHash,
      };
      const election: TestElection = {
        ...keyed,
        voters: members,
        setup: prepareBallotContext(group, opened),
      };
      const { hmacKey } = await server.service.elections.get(election.electionId);
      log(
        `election ${election.electionId}: ${voters} credentials loaded and open (${seconds(started)} s)`
      );
      return { election, hmacKey, opened };
    } finally {
      await server.close();
    }
  } finally {
    await database.close();
  }
}

/** The worker jobs covering members 0 … voters − 1. */
function jobs(voters: number): { from: number; count: number }[] {
  const ranges: { from: number; count: number }[] = [];
  for (let from = 0; from < voters; from += JOB_MEMBERS)
    ranges.push({ from, count: Math.min(JOB_MEMBERS, voters - from) });
  return ranges;
}

/**
 * Hands each result to `use` in order, as soon as it and those before it are ready. All are
 * observed at once, so a later job's failure is reported once, not as an unhandled rejection.
 */
async function inOrder<T>(
  results: readonly Promise<T>[],
  use: (result: T) => void | Promise<void>
): Promise<void> {
  for (const result of results) result.catch(() => undefined);
  for (const result of results) await use(await result);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
