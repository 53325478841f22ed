/**
 * @module The per-voter work of a synthetic record, one chunk of voters at a time: each voter's
 * credential key pair (spec §6: any secret scalar c, published C = c·G; a synthetic record needs no
 * voting codes) and that voter's encrypted, proved and signed ballot (spec §9.4): a 1-of-n vote,
 * or for a ranked contest a ranking (spec §11.2: encrypted position by position with its proof, as
 * the booth makes it). A chunk's randomness comes from its own seeded stream, so chunk i is the
 * same whichever thread computes it.
 */
import {
  type Ciphertext,
  type Group,
  type Point,
  addCiphertexts,
  bytesToHex,
  decodeCiphertext,
  decodeCiphertextsPacked,
  encodeCiphertext,
  hexToBytes,
  randomScalar,
  zeroCiphertext,
} from '@scrutineer/crypto';
import { canonicalize, isRankedContest } from '@scrutineer/record';
import { type EncryptionSetup, encryptBallot } from '@scrutineer/protocol';
import { installSeededRandomness } from './seeded-randomness.ts';

/** Voters per chunk: fixed (not derived from the thread count) so that output depends on the seed only. */
export const CHUNK_VOTERS = 200;

/** What a worker returns for one chunk of ballots. */
export interface BallotChunk {
  /** Canonical JSON of each `ballot-cast` body (`{ballot, tracker}`), in voter order. */
  readonly bodies: readonly string[];
  /** Votes per candidate in this chunk: what the generator intends the result to say. */
  readonly counts: readonly number[];
  /** Per candidate, the hex ciphertext sum of this chunk's selections (spec §4.2). */
  readonly sums: readonly string[];
  /** For a ranked contest: what each voter ranked, and the entries' ciphertexts as points. */
  readonly ranked?: RankedChunk;
}

/** The ranked entries of a chunk of ballots (spec §11.2), in voter order. */
export interface RankedChunk {
  /** Each voter's ranking, candidates 1 … n, first preference first (as `ranked-rankings` has them). */
  readonly rankings: readonly (readonly number[])[];
  /**
   * Every entry's n + 1 ciphertexts as α, β points, entry after entry, packed for the main thread
   * (crypto `packPoints` form: the main thread reads them back without decoding again); the
   * mix cascade's input rows (spec §11.5).
   */
  readonly points: Uint8Array;
}

/**
 * A ranking of `n` candidates (0-based, preference order) drawn from the chunk's stream: 1 in 50
 * blank (spec §11.2: an empty ranking), otherwise 1 … n preferences, each length equally likely,
 * the candidates in a uniformly random order (a partial Fisher–Yates shuffle).
 */
export function randomRanking(n: number): number[] {
  if (randomScalar() % 50n === 0n) return [];
  const length = 1 + Number(randomScalar() % BigInt(n));
  const order = Array.from({ length: n }, (_, j) => j);
  for (let i = 0; i < length; i++) {
    const j = i + Number(randomScalar() % BigInt(n - i));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order.slice(0, length);
}

interface Credential {
  readonly secretKey: bigint;
  readonly publicKey: Point;
}

function chunkCredentials(group: Group, seed: string, chunk: number, count: number): Credential[] {
  const restore = installSeededRandomness(seed, `credentials/${chunk}`);
  try {
    return Array.from({ length: count }, () => {
      const secretKey = randomScalar();
      return { secretKey, publicKey: group.multiplyBase(secretKey) };
    });
  } finally {
    restore();
  }
}

/** The published credential keys (hex) of chunk `chunk`, `count` voters long. */
export function credentialKeys(group: Group, seed: string, chunk: number, count: number): string[] {
  return chunkCredentials(group, seed, chunk, count).map((c) =>
    bytesToHex(group.encodePoint(c.publicKey))
  );
}

/**
 * Every voter of the chunk casts one ballot: for one candidate drawn from the chunk's stream, or
 * in a ranked contest a {@link randomRanking}.
 */
export function ballotChunk(
  setup: EncryptionSetup,
  seed: string,
  chunk: number,
  count: number
): BallotChunk {
  const { group } = setup;
  const contest = setup.manifest.contests[0];
  if (contest !== undefined && isRankedContest(contest))
    return rankedBallotChunk(setup, seed, chunk, count);
  const candidates = contest?.candidates.length ?? 0;
  const credentials = chunkCredentials(group, seed, chunk, count);
  const counts = Array.from({ length: candidates }, () => 0);
  const sums: Ciphertext[] = Array.from({ length: candidates }, () => zeroCiphertext(group));
  const restore = installSeededRandomness(seed, `ballots/${chunk}`);
  try {
    const bodies = credentials.map((credential) => {
      const choice = Number(randomScalar() % BigInt(candidates));
      counts[choice] = (counts[choice] ?? 0) + 1;
      const { ballot, tracker } = encryptBallot(setup, credential, [[choice]]);
      ballot.contests[0]?.selections.forEach((selection, j) => {
        const ciphertext = decodeCiphertext(group, hexToBytes(selection.ciphertext), {
          allowIdentity: false,
        });
        sums[j] = addCiphertexts(group, sums[j] ?? zeroCiphertext(group), ciphertext);
      });
      return canonicalize({ ballot, tracker });
    });
    return {
      bodies,
      counts,
      sums: sums.map((ct) => bytesToHex(encodeCiphertext(group, ct))),
    };
  } finally {
    restore();
  }
}

/** {@link ballotChunk} for a ranked contest: one ranking a voter, no homomorphic vote. */
function rankedBallotChunk(
  setup: EncryptionSetup,
  seed: string,
  chunk: number,
  count: number
): BallotChunk {
  const { group } = setup;
  const n = setup.manifest.contests[0]?.candidates.length ?? 0;
  const credentials = chunkCredentials(group, seed, chunk, count);
  const width = (n + 1) * 64;
  const encodings = new Uint8Array(count * width);
  const rankings: number[][] = [];
  const restore = installSeededRandomness(seed, `ballots/${chunk}`);
  try {
    const bodies = credentials.map((credential, v) => {
      const ranking = randomRanking(n);
      rankings.push(ranking.map((j) => j + 1));
      const { ballot, tracker } = encryptBallot(setup, credential, [ranking]);
      const entry = ballot.contests[0]?.ranked;
      if (entry === undefined) throw new Error('the booth made no ranked entry');
      entry.ciphertexts.forEach((hex, i) => encodings.set(hexToBytes(hex), v * width + i * 64));
      return canonicalize({ ballot, tracker });
    });
    // α, β of every ciphertext: one decode of the chunk (one C call with the native backend).
    const points = decodeCiphertextsPacked(group, encodings, { allowIdentity: false });
    if (points === null) throw new Error('a ranked ciphertext the booth made does not decode');
    // A ranked entry adds nothing to the homomorphic sums (spec §11.8): n zero counts and sums.
    const zero = bytesToHex(encodeCiphertext(group, zeroCiphertext(group)));
    return {
      bodies,
      counts: Array.from({ length: n }, () => 0),
      sums: Array.from({ length: n }, () => zero),
      ranked: { rankings, points },
    };
  } finally {
    restore();
  }
}
