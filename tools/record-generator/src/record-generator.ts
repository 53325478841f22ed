/**
 * @module Generates a valid synthetic election record of any size, streaming it to disk:
 * setup and key ceremony, the credential list (published before the opening, spec §9.5), the
 * opening, one signed 1-of-n ballot per credential, close, encrypted tally, every trustee's
 * decryption share and the result, with checkpoints at every stage and every 10,000 ballots.
 * The crypto of each chunk of voters runs on worker threads; this thread only chains, hashes and
 * writes lines, and keeps nothing per voter, so memory does not grow with the number of ballots.
 *
 * With `ranked`, the contest is ranked (AV/IRV, spec §11): each ballot carries a ranking, and
 * between the tally's shares and the result come the mixes, the rounds of decryption shares, the
 * rankings and the count (ranked-phase.ts). Then this thread keeps each ballot's ranked entry as
 * points (the cascade's input) and a count of each ranking cast, nothing else per voter.
 */
import {
  type Backend,
  type Ciphertext,
  type CiphertextRow,
  type Group,
  type Point,
  addCiphertexts,
  bytesToHex,
  decodeCiphertext,
  encodeCiphertext,
  hexToBytes,
  NativeBackendUnavailable,
  loadGroup,
  unpackPoints,
  zeroCiphertext,
} from '@scrutineer/crypto';
import { addSeconds, resultOf } from '@scrutineer/testkit';
import { CredentialListHasher, computeBaseHash } from '@scrutineer/record';
import { computeResult, decryptTally } from '@scrutineer/protocol';
import { BoardWriter } from './board-writer.ts';
import { runOrdered, startGeneratorPool } from './generator-pool.ts';
import { electedOf, rankingKey, runRankedPhase } from './ranked-phase.ts';
import { installSeededRandomness } from './seeded-randomness.ts';
import { SYNTHETIC_MIXERS, SYNTHETIC_START, runSyntheticCeremony } from './synthetic-ceremony.ts';
import { type BallotChunk, CHUNK_VOTERS, type RankedChunk } from './voter-chunk.ts';

/** At most this many keys per `credentials` event (spec §9.5). */
const KEYS_PER_EVENT = 10_000;
/** Ballots between two checkpoints while voting ("at least every few minutes", spec §10.3). */
const BALLOTS_PER_CHECKPOINT = 10_000;

export interface GenerateOptions {
  readonly ballots: number;
  readonly candidates: number;
  readonly out: string;
  readonly seed: string;
  readonly threads: number;
  readonly trustees?: number;
  readonly threshold?: number;
  /** A ranked (IRV) contest of `candidates`, mixed by 3 mix servers (spec §11), instead of 1-of-n. */
  readonly ranked?: boolean;
  /** Rows per `mix` part and shares per `ranked-decryption-share` part (default 20,000, §11.8). */
  readonly rankedRowsPerPart?: number;
  /** Called now and then with the phase and how many voters of it are done. */
  readonly onProgress?: (phase: 'credentials' | 'ballots', done: number) => void;
  /** Called after each step of the ranked phase (a mix, a round), with what it did. */
  readonly onStep?: (message: string) => void;
}

/** What a ranked record holds beside the (empty) homomorphic counts. */
export interface RankedSummary {
  /** Each ranking cast (candidates 1 … n joined by `,`; blank: ``) and how many voters cast it. */
  readonly intended: ReadonlyMap<string, number>;
  /** First preferences per candidate, as cast. */
  readonly firstPreferences: readonly number[];
  readonly blank: number;
  readonly mixers: number;
  /** The trustees who decrypted the rows, and in how many rounds. */
  readonly trustees: readonly number[];
  readonly rounds: number;
  /** The published count's winner(s) and stages (spec §12.7). */
  readonly elected: readonly string[];
  readonly stages: number;
}

export interface GenerateSummary {
  readonly backend: Backend;
  readonly events: number;
  /** Votes per candidate the generator cast (and the published result states; all 0 if ranked). */
  readonly intended: readonly number[];
  readonly baseHash: string;
  /** With `ranked`: the rankings cast and the published count. */
  readonly ranked?: RankedSummary;
}

/**
 * The fastest group backend available: `native` if this build has it, else libsodium WASM.
 * Both agree byte for byte (spec §2.6), so the choice never changes the record.
 */
export async function loadFastestGroup(): Promise<Group> {
  try {
    return await loadGroup('native');
  } catch (error) {
    if (!(error instanceof NativeBackendUnavailable)) throw error;
    return loadGroup('sodium');
  }
}

/** Writes the record into `options.out` (an existing, empty directory). */
export async function generateRecord(options: GenerateOptions): Promise<GenerateSummary> {
  const group = await loadFastestGroup();
  const chunks = Math.ceil(options.ballots / CHUNK_VOTERS);
  const chunkSize = (chunk: number): number =>
    Math.min(CHUNK_VOTERS, options.ballots - chunk * CHUNK_VOTERS);
  const board = new BoardWriter(options.out);
  let time = SYNTHETIC_START;
  const tick = (): string => (time = addSeconds(time, 1));
  const pool = startGeneratorPool({ backend: group.backend, seed: options.seed }, options.threads);
  // The setup's randomness (trustee keys, board key, dealings, decryption proofs) is one stream.
  const restore = installSeededRandomness(options.seed, 'setup');
  try {
    const setup = runSyntheticCeremony(
      group,
      board,
      {
        voters: options.ballots,
        candidates: options.candidates,
        trustees: options.trustees ?? 5,
        threshold: options.threshold ?? 3,
        ranked: options.ranked ?? false,
        mixers: SYNTHETIC_MIXERS,
      },
      tick
    );
    const { manifest } = setup;

    // Spec §9.3: the list is hashed in published order as it streams past.
    const hasher = new CredentialListHasher();
    let keys: string[] = [];
    const publishKeys = (): void => {
      if (keys.length > 0) board.append('credentials', tick(), { keys });
      keys = [];
    };
    await runOrdered<string[]>(
      pool,
      chunks,
      (chunk) => ({ kind: 'credentials', chunk, count: chunkSize(chunk) }),
      (chunk, chunkKeys) => {
        for (const key of chunkKeys) {
          hasher.add(key);
          keys.push(key);
          if (keys.length === KEYS_PER_EVENT) publishKeys();
        }
        options.onProgress?.('credentials', chunk * CHUNK_VOTERS + chunkKeys.length);
      }
    );
    publishKeys();
    const credentialListHash = hasher.digestHex();
    const baseHash = computeBaseHash({
      manifestHash: setup.manifestHash,
      electionKey: setup.keyBody.publicKey,
      credentialListHash,
      credentialCount: hasher.count,
    });
    // The window opens at the setup's time (SYNTHETIC_START), so the opening is simply the next tick.
    const opened = tick();
    board.append('election-open', opened, {
      baseHash,
      credentialCount: hasher.count,
      credentialListHash,
    });
    board.checkpoint();

    // Ballots spread evenly over the voting window, strictly inside it (spec V5.8).
    const span = (Date.parse(manifest.window.closes) - Date.parse(opened)) / 1000 - 2;
    const election = { manifest, electionKey: setup.keyBody.publicKey, baseHash };
    const intended = Array.from({ length: options.candidates }, () => 0);
    const sums: Ciphertext[] = intended.map(() => zeroCiphertext(group));
    // A ranked contest: the cascade's input rows (spec §11.5) and the rankings cast, as counts.
    const rankedRows: CiphertextRow[] = [];
    const rankingsCast = new Map<string, number>();
    let cast = 0;
    await runOrdered<BallotChunk>(
      pool,
      chunks,
      (chunk) => ({ kind: 'ballots', chunk, count: chunkSize(chunk), election }),
      (_, result) => {
        for (const body of result.bodies) {
          const at = addSeconds(opened, 1 + Math.floor((cast * span) / options.ballots));
          board.appendCanonical('ballot-cast', at, body);
          cast++;
          if (cast % BALLOTS_PER_CHECKPOINT === 0) board.checkpoint();
        }
        result.counts.forEach((count, j) => (intended[j] = (intended[j] ?? 0) + count));
        result.sums.forEach((hex, j) => {
          const ciphertext = decodeCiphertext(group, hexToBytes(hex), { allowIdentity: true });
          sums[j] = addCiphertexts(group, sums[j] ?? zeroCiphertext(group), ciphertext);
        });
        if (result.ranked !== undefined) keepRanked(group, result.ranked, rankedRows, rankingsCast);
        options.onProgress?.('ballots', cast);
      }
    );
    time = manifest.window.closes;
    board.append('election-close', time, {});
    // Spec §12.3.1: the first checkpoint covering the close fixes a ranked contest's lot seed.
    const closed = board.checkpoint();

    const tally = {
      ballots: cast,
      contests: [{ options: sums.map((ct) => bytesToHex(encodeCiphertext(group, ct))) }],
    };
    board.append('encrypted-tally', tick(), tally);
    const sealed = board.checkpoint();
    const baseHashBytes = hexToBytes(baseHash);
    const shareBodies = setup.trusteeKeys.map((key) => {
      const share = setup.secretShares.get(key.publicKey.trustee);
      if (share === undefined)
        throw new Error(`no secret share for trustee ${key.publicKey.trustee}`);
      return decryptTally(group, manifest, baseHashBytes, key, share, tally, sealed);
    });
    for (const body of shareBodies) board.append('decryption-share', tick(), body);
    board.checkpoint();
    // Spec §11.5–§12.7: the ranked contest's phase, between the tally's shares and the result.
    const ranked = options.ranked
      ? await runRankedPhase({
          group,
          board,
          pool,
          seed: options.seed,
          tick,
          setup,
          baseHash: baseHashBytes,
          rows: rankedRows.splice(0),
          intended: rankingsCast,
          closeRoot: closed.root,
          ...(options.rankedRowsPerPart === undefined
            ? {}
            : { rowsPerPart: options.rankedRowsPerPart }),
          ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
        })
      : undefined;
    const noPostal = [intended.map(() => 0)];
    const { result } = resultOf(
      computeResult(group, manifest, baseHashBytes, setup.keyBody, tally, shareBodies, noPostal)
    );
    const decrypted = result.contests[0]?.options.map((o) => o.total) ?? [];
    // The decryption is computed, not copied from `intended`: a mismatch is a bug in this tool.
    if (decrypted.join() !== intended.join())
      throw new Error(
        `decrypted tally ${decrypted.join()} differs from intended ${intended.join()}`
      );
    board.append('election-result', tick(), result);
    board.checkpoint();
    return {
      backend: group.backend,
      events: board.size,
      intended,
      baseHash,
      ...(ranked === undefined
        ? {}
        : {
            ranked: {
              intended: rankingsCast,
              ...firstPreferences(rankingsCast, options.candidates),
              mixers: manifest.mixers?.members.length ?? 0,
              trustees: ranked.trustees,
              rounds: ranked.rounds,
              elected: electedOf(ranked.result, manifest),
              stages: ranked.result.sheet.stages.length,
            },
          }),
    };
  } finally {
    restore();
    board.close();
    await pool.close();
  }
}

/** A chunk's ranked entries joined to the cascade's input, and its rankings to the counts cast. */
function keepRanked(
  group: Group,
  chunk: RankedChunk,
  rows: CiphertextRow[],
  counts: Map<string, number>
): void {
  const points = unpackPoints(group, chunk.points);
  const width = points.length / 2 / Math.max(1, chunk.rankings.length);
  chunk.rankings.forEach((ranking, b) => {
    const key = rankingKey(ranking);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    rows.push(
      Array.from({ length: width }, (_, i) => {
        const at = 2 * (b * width + i);
        return { alpha: points[at] as Point, beta: points[at + 1] as Point };
      })
    );
  });
}

/** First preferences per candidate (1-based keys) and blank ballots, from the rankings cast. */
function firstPreferences(
  counts: ReadonlyMap<string, number>,
  candidates: number
): { firstPreferences: number[]; blank: number } {
  const first = Array.from({ length: candidates }, () => 0);
  let blank = 0;
  for (const [key, count] of counts) {
    if (key === '') blank += count;
    else {
      const j = Number(key.split(',')[0]) - 1;
      first[j] = (first[j] ?? 0) + count;
    }
  }
  return { firstPreferences: first, blank };
}
