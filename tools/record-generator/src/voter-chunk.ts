/**
 * @module The per-voter work of a synthetic record, one chunk of voters at a time: each voter's
 * credential key pair (spec §6: any secret scalar c, published C = c·G; a synthetic record needs no
 * voting codes) and that voter's encrypted, proved and signed 1-of-n ballot (spec §9.4). A chunk's
 * randomness comes from its own seeded stream, so chunk i is the same whichever thread computes it.
 */
import {
  type Ciphertext,
  type Group,
  type Point,
  addCiphertexts,
  bytesToHex,
  decodeCiphertext,
  encodeCiphertext,
  hexToBytes,
  randomScalar,
  zeroCiphertext,
} from '@scrutineer/crypto';
import { canonicalize } from '@scrutineer/record';
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

/** Every voter of the chunk casts one ballot for one candidate drawn from the chunk's stream. */
export function ballotChunk(
  setup: EncryptionSetup,
  seed: string,
  chunk: number,
  count: number
): BallotChunk {
  const { group } = setup;
  const candidates = setup.manifest.contests[0]?.candidates.length ?? 0;
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
