/**
 * @module A whole election in memory, every party played honestly by one process (spec §1.2):
 * setup, key ceremony, credentials, open, online ballots, Benaloh audits, postal returns, close,
 * tally, threshold decryption and result. Demos, fixtures and tests build records with it; the
 * verifier then checks them without trusting this code.
 */
import { resultOf } from './result-of.ts';
import {
  type Group,
  type Point,
  type TrusteeKeyPair,
  type VotingCode,
  bytesToHex,
  deriveCredentialKey,
  encodeSchnorrProof,
  generateVotingCode,
  hexToBytes,
  randomScalar,
} from '@scrutineer/crypto';
import {
  type Ballot,
  type EventBody,
  type Manifest,
  type UnsignedBallot,
  computeTracker,
  isRankedContest,
  manifestHash,
  parseManifest,
} from '@scrutineer/record';
import { type RankedTamper, simulateRankedPhase, simulatedMixerKeys } from './simulate-ranked.ts';
import {
  type Choices,
  type EncryptionSetup,
  encryptBallot,
  openAuditedBallot,
  computeResult,
  credentialBodies,
  electionKeyBody,
  electionOpenBody,
  encryptedTallyBody,
  completeCeremony,
  type PostalReturn,
  generatePostalReturn,
  createCeremonyKey,
  dealCeremonyShares,
  decryptTally,
} from '@scrutineer/protocol';
import { MemoryBoard, addSeconds } from './memory-board.ts';
import { signUnsignedBallot } from './forge-ballot.ts';

export interface ContestSpec {
  readonly id: string;
  readonly title: string;
  readonly minSelections: number;
  readonly maxSelections: number;
  readonly candidates: readonly string[];
  /** Spec §9.2.1: a ranked contest's method, rule set and places (absent: homomorphic). */
  readonly method?: 'irv' | 'stv';
  readonly rules?: 'irv' | 'ers97' | 'meek';
  readonly seats?: number;
}

export interface SimulationOptions {
  readonly group: Group;
  readonly electionId?: string;
  readonly contests?: readonly ContestSpec[];
  readonly trustees?: number;
  readonly threshold?: number;
  readonly voters: number;
  readonly policy?: Manifest['policy'];
  /** Choices of voter i (0-based) online, or null if that voter does not vote online. */
  readonly onlineChoice?: (voter: number) => Choices | null;
  /**
   * Choices of voter i by post, or null. Postal voters must not also vote online. A ranked
   * contest's choice is the paper's ranking (0-based), posted in the batch's `rankings` (§11.8).
   */
  readonly postalChoice?: (voter: number) => Choices | 'spoilt' | null;
  /** Edits the postal batch as posted (the officer's counts and the ranked count use the honest one). */
  readonly postalBatchTamper?: (body: EventBody<'postal-batch'>) => EventBody<'postal-batch'>;
  /** How many ballots to audit (Benaloh) before the first casts. */
  readonly audits?: number;
  /** Trustees (1-based) who post no decryption share. */
  readonly absentTrustees?: readonly number[];
  /** The board time of the first event. */
  readonly start?: string;
  /** Stop after this stage (a partial record). */
  readonly stopAfter?: 'setup' | 'open' | 'voting' | 'closed' | 'final';
  /** Spec §11.8: rows (and shares) per part of a ranked contest's `mix` and share events. */
  readonly rankedRowsPerPart?: number;
  /** Edits a ranked-phase body before it is posted (fixtures plant one cheat this way). */
  readonly rankedTamper?: RankedTamper;
  /** Edits voter i's cast ballot before it is posted; `resign` signs an edited one again. */
  readonly castTamper?: (
    voter: number,
    ballot: Ballot,
    resign: (unsigned: UnsignedBallot) => Ballot
  ) => Ballot;
}

export interface SimulatedVoter {
  readonly code: VotingCode;
  readonly publicKeyHex: string;
  /** The pack's postal return secret and its published commitment (spec §9.5). */
  readonly postalReturn: PostalReturn;
  readonly secretKey: bigint;
  readonly publicKey: Point;
}

export interface SimulatedElection {
  readonly board: MemoryBoard;
  readonly manifest: Manifest;
  readonly boardSecretKey: bigint;
  readonly trusteeKeys: readonly TrusteeKeyPair[];
  readonly trusteeShares: ReadonlyMap<number, bigint>;
  readonly voters: readonly SimulatedVoter[];
  readonly electionKeyHex: string | null;
  readonly baseHashHex: string | null;
  /** Per contest, per candidate: the online and postal votes the simulation cast. */
  readonly intended: { online: number[][]; postal: number[][] };
  /** Per ranked contest index: the rankings published (1-based, in the last mix's order). */
  readonly rankings: ReadonlyMap<number, readonly (readonly number[])[]>;
}

const DEFAULT_CONTEST: ContestSpec = {
  id: 'leader',
  title: 'Leader of the party',
  minSelections: 1,
  maxSelections: 1,
  candidates: ['Alex Morgan', 'Sam Patel'],
};

/** Builds the manifest of a simulated election (valid per spec §9.2). */
export function simulatedManifest(
  group: Group,
  options: {
    electionId: string;
    contests: readonly ContestSpec[];
    trusteeKeys: readonly TrusteeKeyPair[];
    threshold: number;
    boardPublicKey: Point;
    voters: number;
    policy: Manifest['policy'];
    start: string;
    /** Default: online and postal. */
    channels?: Manifest['channels'];
    /** Spec §9.2.10: the mix servers' public keys, needed exactly when a contest is ranked. */
    mixerPublicKeys?: readonly Point[];
  }
): Manifest {
  const draft = {
    format: 'scrutineer/v1',
    electionId: options.electionId,
    title: 'Simulated members’ ballot',
    organisation: 'Example Party',
    contests: options.contests.map((c) => ({
      id: c.id,
      title: c.title,
      minSelections: c.minSelections,
      maxSelections: c.maxSelections,
      candidates: c.candidates.map((name, j) => ({ id: `c${j + 1}`, name })),
      ...(c.method === undefined ? {} : { method: c.method }),
      ...(c.rules === undefined ? {} : { rules: c.rules }),
      ...(c.seats === undefined ? {} : { seats: c.seats }),
    })),
    ...(options.mixerPublicKeys === undefined
      ? {}
      : {
          mixers: {
            members: options.mixerPublicKeys.map((key, m) => ({
              name: `Mix server ${m + 1}`,
              publicKey: bytesToHex(group.encodePoint(key)),
            })),
          },
        }),
    window: { opens: options.start, closes: addSeconds(options.start, 7 * 24 * 3600) },
    channels: options.channels ?? { online: true, postal: true },
    policy: options.policy,
    trustees: {
      threshold: options.threshold,
      members: options.trusteeKeys.map((k) => ({
        index: k.publicKey.trustee,
        name: `Trustee ${k.publicKey.trustee}`,
        publicKey: bytesToHex(group.encodePoint(k.publicKey.publicKey)),
        keyProof: bytesToHex(encodeSchnorrProof(group, k.publicKey.proof)),
      })),
    },
    board: { publicKey: bytesToHex(group.encodePoint(options.boardPublicKey)) },
    roll: { count: options.voters, root: '00'.repeat(32) },
    securityQuestions: [
      { id: 'dob', label: 'Date of birth' },
      { id: 'postcode', label: 'Postcode' },
    ],
  };
  const parsed = parseManifest(draft);
  if (!parsed.ok) throw new Error(`simulated manifest invalid: ${parsed.error.message}`);
  return parsed.value;
}

export function simulateElection(options: SimulationOptions): SimulatedElection {
  const group = options.group;
  const electionId = options.electionId ?? 'simulated-election';
  const contests = options.contests ?? [DEFAULT_CONTEST];
  const n = options.trustees ?? 5;
  const k = options.threshold ?? 3;
  let time = options.start ?? '2026-11-01T09:00:00Z';
  const tick = (): string => (time = addSeconds(time, 1));
  const stopAfter = options.stopAfter ?? 'final';

  const trusteeKeys = Array.from({ length: n }, (_, i) =>
    createCeremonyKey(group, electionId, i + 1)
  );
  const boardSecretKey = randomScalar();
  const mixerSecretKeys = contests.some(isRankedContest) ? simulatedMixerKeys() : [];
  const manifest = simulatedManifest(group, {
    electionId,
    contests,
    trusteeKeys,
    threshold: k,
    boardPublicKey: group.multiplyBase(boardSecretKey),
    voters: options.voters,
    policy: options.policy ?? 'first-ballot-final',
    start: time,
    ...(mixerSecretKeys.length === 0
      ? {}
      : { mixerPublicKeys: mixerSecretKeys.map((k) => group.multiplyBase(k)) }),
  });
  const board = new MemoryBoard();
  const rankings = new Map<number, number[][]>();
  const mHash = manifestHash(manifest);
  const checkpoint = (): void =>
    void board.checkpoint(group, electionId, mHash, boardSecretKey, time);
  const intended = {
    online: contests.map((c) => c.candidates.map(() => 0)),
    postal: contests.map((c) => c.candidates.map(() => 0)),
  };
  const voters: SimulatedVoter[] = [];
  const result = (
    electionKeyHex: string | null,
    baseHashHex: string | null,
    trusteeShares: ReadonlyMap<number, bigint>
  ): SimulatedElection => {
    checkpoint();
    return {
      board,
      manifest,
      boardSecretKey,
      trusteeKeys,
      trusteeShares,
      voters,
      electionKeyHex,
      baseHashHex,
      intended,
      rankings,
    };
  };

  board.append('election-setup', time, manifest);
  // Key ceremony (spec §7): every trustee deals, checks what it received, and derives its share.
  const dealings = trusteeKeys.map((key) => dealCeremonyShares(group, manifest, key));
  for (const d of dealings) board.append('trustee-commitments', tick(), d.commitments);
  for (const d of dealings) board.append('trustee-shares', tick(), d.shares);
  const { complaints, ceremony, trusteeShares } = completeCeremony(
    group,
    manifest,
    trusteeKeys,
    dealings
  );
  for (const c of complaints) board.append('trustee-complaint', tick(), c);
  const keyBody = electionKeyBody(group, ceremony);
  board.append('election-key', tick(), keyBody);
  if (stopAfter === 'setup') return result(keyBody.publicKey, null, trusteeShares);

  for (let i = 0; i < options.voters; i++) {
    const code = generateVotingCode();
    const pair = deriveCredentialKey(group, electionId, code);
    const publicKeyHex = bytesToHex(group.encodePoint(pair.publicKey));
    voters.push({
      code,
      secretKey: pair.secretKey,
      publicKey: pair.publicKey,
      publicKeyHex,
      postalReturn: generatePostalReturn(publicKeyHex),
    });
  }
  // The published list is shuffled so its order says nothing about the roll (spec §6).
  const listed = shuffled(voters.map((v) => v.publicKeyHex));
  const returnOf = new Map(voters.map((v) => [v.publicKeyHex, v.postalReturn.commitment]));
  const returns = manifest.channels.postal
    ? listed.map((key) => returnOf.get(key) as string)
    : undefined;
  for (const body of credentialBodies(listed, returns)) board.append('credentials', tick(), body);
  const openBody = electionOpenBody(manifest, keyBody.publicKey, listed);
  time = manifest.window.opens > time ? manifest.window.opens : time;
  board.append('election-open', tick(), openBody);
  if (stopAfter === 'open') return result(keyBody.publicKey, openBody.baseHash, trusteeShares);

  const setup: EncryptionSetup = {
    group,
    manifest,
    electionKey: group.prepareFixedBase(group.decodePoint(hexToBytes(keyBody.publicKey))),
    baseHash: hexToBytes(openBody.baseHash),
  };
  const counted: EventBody<'ballot-cast'>['ballot'][] = [];
  for (let a = 0; a < (options.audits ?? 0) && voters.length > 0; a++) {
    const voter = voters[a % voters.length] as SimulatedVoter;
    const encrypted = encryptBallot(
      setup,
      voter,
      contests.map((c) => Array.from({ length: c.minSelections }, (_, j) => j))
    );
    board.append('ballot-audited', tick(), openAuditedBallot(encrypted));
  }
  voters.forEach((voter, i) => {
    const choices = options.onlineChoice?.(i) ?? null;
    if (choices === null) return;
    const encrypted = encryptBallot(setup, voter, choices);
    const ballot =
      options.castTamper?.(i, encrypted.ballot, (unsigned) =>
        signUnsignedBallot(group, setup.baseHash, voter.secretKey, unsigned)
      ) ?? encrypted.ballot;
    board.append('ballot-cast', tick(), { ballot, tracker: computeTracker(ballot) });
    counted.push(ballot);
    choices.forEach((chosen, c) =>
      chosen.forEach(
        (j) =>
          ((intended.online[c] as number[])[j] = ((intended.online[c] as number[])[j] ?? 0) + 1)
      )
    );
  });
  let papers = 0;
  let spoilt = 0;
  const batchCounts = contests.map((c) => c.candidates.map(() => 0));
  // Spec §11.8: a ranked contest's papers are posted as rankings (1-based), not counts.
  const batchRankings: (number[][] | undefined)[] = manifest.contests.map((c) =>
    isRankedContest(c) ? [] : undefined
  );
  voters.forEach((voter, i) => {
    const choice = options.postalChoice?.(i) ?? null;
    if (choice === null) return;
    board.append('postal-received', tick(), {
      credential: voter.publicKeyHex,
      returnSecret: voter.postalReturn.secret,
    });
    papers++;
    if (choice === 'spoilt') return void spoilt++;
    choice.forEach((chosen, c) => {
      const ranked = batchRankings[c];
      if (ranked !== undefined) return void ranked.push(chosen.map((j) => j + 1));
      chosen.forEach((j) => {
        (batchCounts[c] as number[])[j] = ((batchCounts[c] as number[])[j] ?? 0) + 1;
        (intended.postal[c] as number[])[j] = ((intended.postal[c] as number[])[j] ?? 0) + 1;
      });
    });
  });
  if (stopAfter === 'voting') return result(keyBody.publicKey, openBody.baseHash, trusteeShares);

  board.append('election-close', tick(), {});
  // Postal counts are published after the close, never as a running count (spec §9.5).
  const batch: EventBody<'postal-batch'> = {
    batch: 'batch-1',
    papers,
    spoilt,
    contests: batchCounts.map((counts, c) => {
      const ranked = batchRankings[c];
      return ranked === undefined ? { counts } : { counts: [], rankings: ranked };
    }),
  };
  if (papers > 0) board.append('postal-batch', tick(), options.postalBatchTamper?.(batch) ?? batch);
  if (stopAfter === 'closed') return result(keyBody.publicKey, openBody.baseHash, trusteeShares);
  const tally = encryptedTallyBody(group, manifest, counted);
  board.append('encrypted-tally', tick(), tally);
  // Spec §10.3: the board seals the tally with a checkpoint; the trustees' proofs bind it (§8.2).
  const sealed = board.checkpoint(group, electionId, mHash, boardSecretKey, time);
  const shareBodies = trusteeKeys
    .filter(
      (key) =>
        !(options.absentTrustees ?? []).includes(key.publicKey.trustee) &&
        ceremony.qualified.includes(key.publicKey.trustee)
    )
    .map((key) =>
      decryptTally(
        group,
        manifest,
        setup.baseHash,
        key,
        trusteeShares.get(key.publicKey.trustee) as bigint,
        tally,
        sealed
      )
    );
  for (const body of shareBodies) board.append('decryption-share', tick(), body);
  // Spec §11.5–§12.7: the ranked contests, between the tally's shares and the result.
  const decrypting = new Map(
    shareBodies.map((b) => [b.trustee, trusteeShares.get(b.trustee) as bigint])
  );
  const ranked = simulateRankedPhase({
    group,
    board,
    manifest,
    publicKey: setup.electionKey,
    baseHash: setup.baseHash,
    counted,
    trusteeShares: decrypting,
    mixerSecretKeys,
    verificationKeys: keyBody.verificationKeys.map((v) => group.decodePoint(hexToBytes(v))),
    closeRoot: sealed.root,
    manifestHash: mHash,
    postal: papers > 0 ? [batch] : [],
    checkpoint: () => board.checkpoint(group, electionId, mHash, boardSecretKey, time),
    tick,
    ...(options.rankedRowsPerPart === undefined ? {} : { rowsPerPart: options.rankedRowsPerPart }),
    ...(options.rankedTamper === undefined ? {} : { tamper: options.rankedTamper }),
  });
  for (const [c, r] of ranked) rankings.set(c, r);
  const { result: resultBody } = resultOf(
    computeResult(group, manifest, setup.baseHash, keyBody, tally, shareBodies, batchCounts)
  );
  board.append('election-result', tick(), resultBody);
  return result(keyBody.publicKey, openBody.baseHash, trusteeShares);
}

/** Fisher–Yates with CSPRNG-drawn indices. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Number(randomScalar() % BigInt(i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
