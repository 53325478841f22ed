/**
 * @module Browser-test fixture: a real server (startServer, PGlite in memory) and real elections
 * set up as officials will — nominations closed and their nominations.json published, trustees'
 * ceremony with the protocol package, the officer's key, credentials with Argon2id answer hashes,
 * opening — through the server's exported service functions (the approach of
 * packages/testkit/src/test-election.ts) and the officer's HTTP API. Also closes, tallies
 * (trustees' decryption shares) and publishes the result, and writes the record for the verifier.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Group,
  type TrusteeKeyPair,
  bytesToHex,
  deriveCredentialKey,
  formatVotingCode,
  generateVotingCode,
  loadGroup,
  randomScalar,
} from '@scrutineer/crypto';
import {
  type ContestSpec,
  simulatedManifest,
  runTestCeremony,
  resultOf,
} from '@scrutineer/testkit';
import {
  type ClosedNominations,
  closeNominations,
  computeResult,
  createCeremonyKey,
  decryptTally,
  generatePostalReturn,
  openNominations,
  recordNomination,
} from '@scrutineer/protocol';
import { type EventBody, type Manifest, isRankedContest } from '@scrutineer/record';
import {
  type RunningServer,
  closeElection,
  createElection,
  hashBearerKey,
  loadCredentials,
  openElection,
  openPgliteDatabase,
  postTrusteeMessage,
  startServer,
  writeRecordBundle,
} from '@scrutineer/server';
import { hashSecurityAnswers } from '@scrutineer/protocol';

const CHEAP_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

export interface FixtureVoter {
  /** The printed form, as on the pack. */
  readonly code: string;
  readonly answers: { readonly dob: string; readonly postcode: string };
}

export interface FixtureElection {
  readonly electionId: string;
  readonly manifest: Manifest;
  readonly adminKey: string;
  readonly voters: readonly FixtureVoter[];
  readonly trusteeKeys: readonly TrusteeKeyPair[];
  readonly trusteeShares: ReadonlyMap<number, bigint>;
}

/** The server's clock runs this many milliseconds ahead of real time (tests move it forward). */
export const clockOffset = { milliseconds: 0 };

/** `options`: more server settings (the booth mirrors' origins). */
export async function startFixtureServer(
  options: { readonly boothOrigins?: readonly string[] } = {}
): Promise<{ server: RunningServer; group: Group }> {
  const group = await loadGroup('sodium');
  const database = await openPgliteDatabase();
  const server = await startServer({
    database,
    port: 0,
    logger: false,
    group,
    clock: () => new Date(Date.now() + clockOffset.milliseconds),
    checkpoints: { intervalMs: 0, everyEvents: 1000 },
    requestsPerMinute: 100_000,
    signInPerMinute: 100_000,
    ...options,
    signInMonitor: {
      maxFailuresPerIpPerHour: 1000,
      baselineFailuresPerHour: 1000,
      alarmMultiple: 5,
    },
  });
  const close = server.close.bind(server);
  return {
    group,
    server: { ...server, close: async () => (await close(), await database.close()) },
  };
}

const boardTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Nominations as the demo runs them (apps/cli/demo/demo-setup.ts, spec §9.2.6): one member
 * nominates each candidate, closed at a threshold of one, so every candidate qualifies.
 */
function nominateAll(names: readonly string[]): ClosedNominations {
  const nominators = names.map((_, i) => ({ id: `member-${i + 1}`, name: `Member ${i + 1}` }));
  let state = openNominations(nominators);
  names.forEach((candidateName, i) => {
    const recorded = recordNomination(state, {
      nominator: `member-${i + 1}`,
      candidateName,
      form: `NF-${i + 1}`,
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    state = recorded.value;
  });
  const closed = closeNominations(state, 1);
  if (!closed.ok) throw new Error(closed.error.message);
  return closed.value;
}

const DEFAULT_CONTESTS: readonly ContestSpec[] = [
  {
    id: 'leader',
    title: 'Leader',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['Alex Morgan', 'Sam Patel', 'Jo Evans'],
  },
];

export async function createFixtureElection(
  server: RunningServer,
  options: {
    contests?: readonly ContestSpec[];
    voters?: number;
    open?: boolean;
    /** The manifest's witnesses (spec §9.2.8); default none. */
    witnesses?: Manifest['witnesses'];
    /** Spec §13: ballot styles and weights of the manifest, and voter i's style and weight. */
    styles?: Manifest['styles'];
    weights?: Manifest['weights'];
    termsOf?: (voter: number) => { style?: string; weight?: number };
    /** Adds to the draft manifest (translations, contact, colour: spec §9.11). */
    extend?: (draft: Record<string, unknown>) => Record<string, unknown>;
    /** The manifest's booth digests (spec §9.2.9); default none. */
    booth?: Manifest['booth'];
  } = {}
): Promise<FixtureElection> {
  const { service } = server;
  const group = service.group;
  const electionId = `e-${randomBytes(5).toString('hex')}`;
  const trusteeKeys = [1, 2].map((i) => createCeremonyKey(group, electionId, i));
  const contests = options.contests ?? DEFAULT_CONTESTS;
  const drafted = simulatedManifest(group, {
    electionId,
    contests,
    trusteeKeys,
    // Spec §9.2.10: an election with a ranked contest names its mix servers (two, fresh keys:
    // nothing here mixes).
    ...(contests.some(isRankedContest)
      ? { mixerPublicKeys: [1, 2].map(() => group.multiplyBase(randomScalar())) }
      : {}),
    threshold: 2,
    boardPublicKey: group.generator,
    voters: options.voters ?? 3,
    policy: 'first-ballot-final',
    start: boardTime(new Date(service.clock().getTime() - 3_600_000)),
  });
  const { board: _board, ...simulated } = drafted;
  // The contest V1.3 compares with the nominations: `leader`, or the only one. Its candidates take
  // the ids nominations gave them; the order stays the test's (V1.3 compares the sets).
  const nominated = simulated.contests.find((c) => c.id === 'leader') ?? simulated.contests[0];
  const nominations = nominateAll(nominated?.candidates.map((c) => c.name) ?? []);
  const nominatedId = (name: string): string => {
    const id = nominations.ballot.find((c) => c.name === name)?.id;
    if (id === undefined) throw new Error(`${name} was not nominated`);
    return id;
  };
  const draft = {
    ...simulated,
    contests: simulated.contests.map((contest) =>
      contest === nominated
        ? {
            ...contest,
            candidates: contest.candidates.map((c) => ({ id: nominatedId(c.name), name: c.name })),
          }
        : contest
    ),
    nominations: nominations.manifestField,
    // Labels in Welsh too (spec §9.2 translations), for the Welsh booth.
    securityQuestions: [
      { id: 'dob', label: 'Date of birth', translations: { cy: 'Dyddiad geni' } },
      { id: 'postcode', label: 'Postcode', translations: { cy: 'Cod post' } },
    ],
    ...(options.witnesses === undefined ? {} : { witnesses: options.witnesses }),
    ...(options.styles === undefined ? {} : { styles: options.styles }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.booth === undefined ? {} : { booth: options.booth }),
  };
  const adminKey = `admin-${randomBytes(8).toString('hex')}`;
  const { manifest } = await createElection(service, {
    draft: options.extend === undefined ? draft : options.extend(draft),
    adminKeyHash: hashBearerKey(adminKey),
  });
  // Published on the board as `scrutineer election nominations` does, for the verifiers' V1.3.
  await officer(server, { electionId, adminKey }, '/nominations', {
    document: new TextDecoder().decode(nominations.bytes),
  });
  const { trusteeShares } = await runTestCeremony(service, manifest, trusteeKeys);
  const voters = Array.from({ length: options.voters ?? 3 }, (_, i) => {
    const code = generateVotingCode();
    return {
      code,
      printed: formatVotingCode(code),
      credential: bytesToHex(
        group.encodePoint(deriveCredentialKey(group, electionId, code).publicKey)
      ),
      answers: { dob: `1970-01-1${i}`, postcode: `CF${i} 1AA` },
    };
  });
  if (options.open !== false) {
    await loadCredentials(
      service,
      electionId,
      await Promise.all(
        voters.map(async (v, i) => ({
          ...options.termsOf?.(i),
          key: v.credential,
          answersHash: await hashSecurityAnswers(['dob', 'postcode'], v.answers, CHEAP_ARGON2),
          // Spec §9.5: a return commitment per credential when the postal channel is on.
          ...(manifest.channels.postal
            ? { returnCommitment: generatePostalReturn(v.credential).commitment }
            : {}),
        }))
      )
    );
    await openElection(service, electionId);
  }
  return {
    electionId,
    manifest,
    adminKey,
    voters: voters.map((v) => ({ code: v.printed, answers: v.answers })),
    trusteeKeys,
    trusteeShares,
  };
}

export async function closeFixtureElection(
  server: RunningServer,
  electionId: string
): Promise<void> {
  await closeElection(server.service, electionId);
}

async function officer(
  server: RunningServer,
  election: Pick<FixtureElection, 'electionId' | 'adminKey'>,
  path: string,
  body?: unknown
): Promise<unknown> {
  const response = await fetch(`${server.url}/api/elections/${election.electionId}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${election.adminKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

async function eventsOf(
  server: RunningServer,
  electionId: string
): Promise<{ type: string; body: unknown }[]> {
  const response = await fetch(
    `${server.url}/api/elections/${electionId}/events?from=0&limit=1000`
  );
  return ((await response.json()) as { events: { type: string; body: unknown }[] }).events;
}

/** Closes, tallies, has both trustees decrypt, publishes the result; returns the record directory. */
export async function tallyAndPublish(
  server: RunningServer,
  election: FixtureElection
): Promise<{ result: EventBody<'election-result'>; recordDirectory: string }> {
  const group = server.service.group;
  await closeFixtureElection(server, election.electionId);
  const { checkpoint } = (await officer(server, election, '/tally')) as {
    checkpoint: { size: number; root: string };
  };
  const events = await eventsOf(server, election.electionId);
  const tally = events.find((e) => e.type === 'encrypted-tally')
    ?.body as EventBody<'encrypted-tally'>;
  const key = events.find((e) => e.type === 'election-key')?.body as EventBody<'election-key'>;
  const open = events.find((e) => e.type === 'election-open')?.body as EventBody<'election-open'>;
  const baseHash = Uint8Array.from(Buffer.from(open.baseHash, 'hex'));
  const shares: EventBody<'decryption-share'>[] = [];
  for (const trustee of election.trusteeKeys) {
    const secret = election.trusteeShares.get(trustee.publicKey.trustee);
    if (secret === undefined) throw new Error('missing trustee share');
    const share = decryptTally(
      group,
      election.manifest,
      baseHash,
      trustee,
      secret,
      tally,
      checkpoint
    );
    shares.push(share);
    await postTrusteeMessage(server.service, election.electionId, 'decryption-share', share);
  }
  const { result } = resultOf(
    computeResult(
      group,
      election.manifest,
      baseHash,
      key,
      tally,
      shares,
      election.manifest.contests.map((c) => c.candidates.map(() => 0))
    )
  );
  await officer(server, election, '/result', result);
  const recordDirectory = await mkdtemp(join(tmpdir(), 'scrutineer-web-record-'));
  await writeRecordBundle(server.database, election.electionId, recordDirectory);
  return { result, recordDirectory };
}
