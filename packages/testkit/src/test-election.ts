/**
 * @module Test fixture: a real election on a real server, set up the way officials will — the
 * board creates the election and its key, trustees run the ceremony with the protocol package's
 * trustee code and post signed messages, the officer publishes the key, loads credentials with
 * Argon2id answer hashes, and opens. Voters hold real codes and derive real credential keys.
 */
import { randomBytes } from 'node:crypto';
import {
  type Group,
  type TrusteeKeyPair,
  type VotingCode,
  bytesToHex,
  deriveCredentialKey,
  generateVotingCode,
  loadGroup,
  randomScalar,
} from '@scrutineer/crypto';
import {
  type EncryptionSetup,
  type PostalReturn,
  createCeremonyKey,
  generatePostalReturn,
} from '@scrutineer/protocol';
import { type ContestSpec, simulatedManifest } from './simulate-election.ts';
import { type Manifest, isRankedContest } from '@scrutineer/record';
import { prepareBallotContext } from '@scrutineer/verifier';
import {
  hashBearerKey,
  formatBoardTime,
  type Database,
  createElection,
  loadCredentials,
  openElection,
  type RunningServer,
  type ServerOptions,
  startServer,
  type ServiceContext,
} from '@scrutineer/server';
import { hashSecurityAnswers } from '@scrutineer/protocol';
import { runTestCeremony } from './test-ceremony.ts';

/** Cheap Argon2id for tests (the production default costs ~50 ms a check). */
export const TEST_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };
export const OPERATOR_KEY = 'operator-key-for-tests';

let groupPromise: Promise<Group> | undefined;
export function testGroup(): Promise<Group> {
  return (groupPromise ??= loadGroup('sodium'));
}

export async function startTestServer(
  database: Database,
  options: Partial<ServerOptions> = {}
): Promise<RunningServer> {
  return startServer({
    database,
    port: 0,
    logger: false,
    group: await testGroup(),
    checkpoints: { intervalMs: 0, everyEvents: 1000 },
    operatorKeyHash: hashBearerKey(OPERATOR_KEY),
    requestsPerMinute: 100_000,
    signInPerMinute: 100_000,
    signInMonitor: {
      maxFailuresPerIpPerHour: 1000,
      baselineFailuresPerHour: 1000,
      alarmMultiple: 5,
    },
    ...options,
  });
}

export interface TestVoter {
  readonly code: VotingCode;
  readonly secretKey: bigint;
  readonly credential: string;
  readonly answers: { readonly dob: string; readonly postcode: string };
  readonly packId: string;
  /** The pack's return slip secret and its commitment (spec §9.5). */
  readonly postalReturn: PostalReturn;
}

export interface TestElection {
  readonly electionId: string;
  readonly manifest: Manifest;
  readonly manifestHash: string;
  readonly adminKey: string;
  readonly voters: readonly TestVoter[];
  readonly trusteeKeys: readonly TrusteeKeyPair[];
  readonly trusteeShares: ReadonlyMap<number, bigint>;
  readonly setup: EncryptionSetup;
  /** The registrar's replacement-approval key (manifest `replacements`), if the manifest has one. */
  readonly approverSecretKey: bigint | null;
  /** Spec §9.2.10: the mix servers' secret keys, mixer m at m − 1 (three when a contest is ranked). */
  readonly mixerSecretKeys: readonly bigint[];
}

export interface TestElectionOptions {
  readonly voters?: number;
  readonly policy?: Manifest['policy'];
  readonly contests?: readonly ContestSpec[];
  readonly trustees?: number;
  readonly threshold?: number;
  /** Stop before loading credentials and opening. */
  readonly open?: boolean;
  /**
   * `false`: return no voters (the roll still counts `voters`), for a caller that derives its
   * members' codes and keys itself — a load run does so on worker threads. Only with `open: false`.
   */
  readonly makeVoters?: boolean;
  readonly window?: { readonly opens: string; readonly closes: string };
  /** The manifest's channels (default: online and postal). */
  readonly channels?: Manifest['channels'];
  /**
   * The manifest's `replacements` (spec §9.2.7) with a fresh registrar approval key (limit 10,
   * stop an hour before the close, unless given); default none, so no replacement is allowed.
   */
  readonly replacements?: { readonly limit?: number; readonly stopsBeforeClose?: number };
  /**
   * Spec §13.1: the manifest's `styles`, and each voter's category (voter i the i-th); the
   * credentials are published with them. Default none.
   */
  readonly styles?: {
    readonly manifest: NonNullable<Manifest['styles']>;
    readonly voters: readonly string[];
  };
  /**
   * Spec §13.4: the manifest's `weights`, and each voter's weight (voter i the i-th); the
   * credentials are published with them. Default none.
   */
  readonly weights?: {
    readonly manifest: NonNullable<Manifest['weights']>;
    readonly voters: readonly number[];
  };
}

/**
 * The draft an operator sends to create a small election over HTTP (one 1-of-2 contest, one
 * voter; one trustee unless `trustees` gives their ceremony keys and threshold): a whole manifest
 * but for the board key, which the board adds itself.
 */
export function operatorDraft(
  group: Group,
  electionId: string,
  trustees: { readonly keys: readonly TrusteeKeyPair[]; readonly threshold: number } = {
    keys: [createCeremonyKey(group, electionId, 1)],
    threshold: 1,
  }
): Omit<Manifest, 'board'> {
  const { board: _board, ...draft } = simulatedManifest(group, {
    electionId,
    contests: [
      {
        id: 'leader',
        title: 'Leader',
        minSelections: 1,
        maxSelections: 1,
        candidates: ['A', 'B'],
      },
    ],
    trusteeKeys: trustees.keys,
    threshold: trustees.threshold,
    boardPublicKey: group.generator,
    voters: 1,
    policy: 'first-ballot-final',
    start: '2026-01-01T00:00:00Z',
  });
  return draft;
}

/**
 * An election of `operatorDraft`'s with `trustees` ceremony keys, `threshold` of them needed,
 * created through the service layer of `service` and not keyed: for tests of the board's rules
 * for the ceremony and what follows it. The trustees' keys come back for the test to deal with.
 */
export async function createUnkeyedElection(
  service: ServiceContext,
  options: { readonly trustees: number; readonly threshold: number }
): Promise<{
  electionId: string;
  manifest: Manifest;
  adminKey: string;
  trusteeKeys: readonly TrusteeKeyPair[];
}> {
  const group = service.group;
  const electionId = `e-${randomBytes(5).toString('hex')}`;
  const trusteeKeys = Array.from({ length: options.trustees }, (_, i) =>
    createCeremonyKey(group, electionId, i + 1)
  );
  const draft = operatorDraft(group, electionId, {
    keys: trusteeKeys,
    threshold: options.threshold,
  });
  const adminKey = `admin-${randomBytes(8).toString('hex')}`;
  const { manifest } = await createElection(service, {
    draft,
    adminKeyHash: hashBearerKey(adminKey),
  });
  return { electionId, manifest, adminKey, trusteeKeys };
}

export function makeVoter(group: Group, electionId: string, index: number): TestVoter {
  const code = generateVotingCode();
  const pair = deriveCredentialKey(group, electionId, code);
  const credential = bytesToHex(group.encodePoint(pair.publicKey));
  return {
    code,
    secretKey: pair.secretKey,
    credential,
    postalReturn: generatePostalReturn(credential),
    answers: {
      dob: `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 10}`,
      postcode: `SW${index} 1AA`,
    },
    packId: `pack-${index}`,
  };
}

/** Creates, keys and (by default) opens an election through the service layer of `service`. */
export async function createTestElection(
  service: ServiceContext,
  options: TestElectionOptions = {}
): Promise<TestElection> {
  const group = service.group;
  const electionId = `e-${randomBytes(5).toString('hex')}`;
  const trustees = options.trustees ?? 2;
  const threshold = options.threshold ?? 2;
  const voterCount = options.voters ?? 3;
  if (options.makeVoters === false && options.open !== false)
    throw new RangeError('an election cannot be opened without voters: pass open: false');
  const trusteeKeys = Array.from({ length: trustees }, (_, i) =>
    createCeremonyKey(group, electionId, i + 1)
  );
  const now = service.clock();
  const mixerSecretKeys = (options.contests ?? []).some(isRankedContest)
    ? [randomScalar(), randomScalar(), randomScalar()]
    : [];
  const drafted = simulatedManifest(group, {
    electionId,
    ...(mixerSecretKeys.length === 0
      ? {}
      : { mixerPublicKeys: mixerSecretKeys.map((k) => group.multiplyBase(k)) }),
    contests: options.contests ?? [
      {
        id: 'leader',
        title: 'Leader',
        minSelections: 1,
        maxSelections: 1,
        candidates: ['Alex Morgan', 'Sam Patel'],
      },
    ],
    trusteeKeys,
    threshold,
    boardPublicKey: group.generator,
    voters: voterCount,
    policy: options.policy ?? 'first-ballot-final',
    start: formatBoardTime(new Date(now.getTime() - 3_600_000)),
  });
  const { board: _board, ...draft } = drafted;
  if (options.window !== undefined) draft.window = { ...options.window };
  if (options.channels !== undefined) draft.channels = { ...options.channels };
  if (options.styles !== undefined) draft.styles = options.styles.manifest;
  if (options.weights !== undefined) draft.weights = options.weights.manifest;
  const approverSecretKey = options.replacements === undefined ? null : randomScalar();
  if (options.replacements !== undefined && approverSecretKey !== null)
    draft.replacements = {
      approverKey: bytesToHex(group.encodePoint(group.multiplyBase(approverSecretKey))),
      limit: options.replacements.limit ?? 10,
      stopsBeforeClose: options.replacements.stopsBeforeClose ?? 3600,
    };
  const adminKey = `admin-${randomBytes(8).toString('hex')}`;
  const { manifest, manifestHash } = await createElection(service, {
    draft,
    adminKeyHash: hashBearerKey(adminKey),
  });

  const { keyBody, trusteeShares } = await runTestCeremony(service, manifest, trusteeKeys);

  const voters =
    options.makeVoters === false
      ? []
      : Array.from({ length: voterCount }, (_, i) => makeVoter(group, electionId, i));
  let baseHash = '00'.repeat(32);
  if (options.open !== false) {
    const entries = await Promise.all(
      voters.map(async (v, i) => ({
        key: v.credential,
        ...(options.styles === undefined ? {} : { style: options.styles.voters[i] }),
        ...(options.weights === undefined ? {} : { weight: options.weights.voters[i] ?? 1 }),
        answersHash: await hashSecurityAnswers(['dob', 'postcode'], v.answers, TEST_ARGON2),
        ...(manifest.channels.postal ? { returnCommitment: v.postalReturn.commitment } : {}),
      }))
    );
    await loadCredentials(service, electionId, entries);
    baseHash = (await openElection(service, electionId)).baseHash;
  }
  return {
    electionId,
    manifest,
    manifestHash,
    adminKey,
    voters,
    trusteeKeys,
    trusteeShares,
    setup: prepareBallotContext(group, {
      manifest,
      electionKeyHex: keyBody.publicKey,
      baseHashHex: baseHash,
    }),
    approverSecretKey,
    mixerSecretKeys,
  };
}
