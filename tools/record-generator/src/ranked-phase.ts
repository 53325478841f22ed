/**
 * @module The ranked phase of a synthetic record (spec §11.5–§11.8, §12.7), after the tally's
 * decryption shares and before the result, every party honest and played as a real election plays
 * it (apps/cli ranked-actions.ts, the demo's ranked scenario): each mix server in the manifest's
 * order shuffles its predecessor's output (mixer 1: the counted ballots' ranked entries in board
 * order), proves the shuffle and signs the whole step with its own key (`mix` parts); k trustees
 * post their shares of each round, bound to a checkpoint signed just before it, until every row
 * has reached its STOP; the officer combines each round (`combineRankedRound`, which checks every
 * share), publishes `ranked-rankings` and counts them (`ranked-result`) with the §12.3.1 seed.
 * The decrypted rankings must be the multiset the voters cast: a mismatch is a bug in this tool.
 *
 * Each mix runs on this thread (the mix servers take turns: each needs its predecessor's output);
 * the trustees' shares run on the generator's worker threads in slices of a round's targets, each
 * slice's proof randomness from its own seeded stream, so the record does not depend on the
 * number of threads.
 */
import { type CiphertextRow, type Group, hexToBytes } from '@scrutineer/crypto';
import type { Manifest, RankedRankingsBody, RankedResultBody } from '@scrutineer/record';
import {
  type RankedRound,
  SHARES_PER_PART,
  combineRankedRound,
  mixBodiesAndOutputs,
  packTargetCiphertexts,
  rankedResultBody,
  rankedSharePartsOf,
  rankingsOfPrefixes,
  roundTargets,
  submissionOf,
} from '@scrutineer/protocol';
import { countSeed } from '@scrutineer/ranked-count';
import type { BoardWriter } from './board-writer.ts';
import { type GeneratorPool, runOrdered } from './generator-pool.ts';
import { installSeededRandomness } from './seeded-randomness.ts';
import type { SyntheticSetup } from './synthetic-ceremony.ts';

/** Targets per worker job: small enough that the threads finish a round together (fixed, not
 * derived from the thread count, so that the record depends on the seed only). */
const SHARE_SLICE = 1_000;

export interface RankedPhaseInput {
  readonly group: Group;
  readonly board: BoardWriter;
  readonly pool: GeneratorPool;
  readonly seed: string;
  readonly tick: () => string;
  readonly setup: SyntheticSetup;
  readonly baseHash: Uint8Array;
  /** The counted ballots' ranked entries in board order: the cascade's input (spec §11.5). */
  readonly rows: readonly CiphertextRow[];
  /** What the voters ranked: ranking (candidates 1 … n joined by `,`) → how many cast it. */
  readonly intended: ReadonlyMap<string, number>;
  /** Spec §12.3.1: the root of the first checkpoint covering `election-close`. */
  readonly closeRoot: string;
  /** Rows per `mix` part and shares per `ranked-decryption-share` part (default 20,000, §11.8). */
  readonly rowsPerPart?: number;
  readonly onStep?: (message: string) => void;
}

export interface RankedOutcome {
  /** The trustees who decrypted (k of them), and the rounds they took. */
  readonly trustees: readonly number[];
  readonly rounds: number;
  readonly result: RankedResultBody;
}

/** Spec §11.6: k of the n trustees decrypt, spread over the indices (3 of 5: 1, 3 and 5). */
export function decryptingTrustees(trustees: number, threshold: number): number[] {
  if (threshold === 1) return [1];
  return Array.from(
    { length: threshold },
    (_, i) => 1 + Math.round((i * (trustees - 1)) / (threshold - 1))
  );
}

/** The multiset of rankings as the generator keeps it: ranking → count. */
export function rankingKey(ranking: readonly number[]): string {
  return ranking.join(',');
}

/** Runs the mixes, the rounds of decryption, the rankings and the count of contest 0. */
export async function runRankedPhase(input: RankedPhaseInput): Promise<RankedOutcome> {
  const { group, board, setup, tick } = input;
  const { manifest } = setup;
  const contest = 0;
  const spec = manifest.contests[contest];
  if (spec === undefined) throw new Error('no contest');
  const n = spec.candidates.length;
  const publicKey = group.prepareFixedBase(group.decodePoint(hexToBytes(setup.keyBody.publicKey)));

  // Spec §11.5, §11.8: the cascade, each mixer signing its own step with its own key.
  let rows = input.rows;
  const mixers = manifest.mixers?.members.length ?? 0;
  for (let mixer = 1; mixer <= mixers; mixer++) {
    const started = performance.now();
    const secretKey = setup.mixerSecretKeys[mixer - 1];
    if (secretKey === undefined) throw new Error(`no secret key for mix server ${mixer}`);
    const restore = installSeededRandomness(input.seed, `mix/${contest}/${mixer}`);
    let mixed: ReturnType<typeof mixBodiesAndOutputs>;
    try {
      mixed = mixBodiesAndOutputs(
        group,
        { baseHash: input.baseHash, publicKey, contest, mixer, inputs: rows },
        { secretKey, manifestHash: setup.manifestHash },
        input.rowsPerPart
      );
    } finally {
      restore();
    }
    for (const body of mixed.bodies) board.append('mix', tick(), body);
    rows = mixed.outputs;
    input.onStep?.(
      `mixer ${mixer} of ${mixers}: ${rows.length} rows in ${mixed.bodies.length} part(s), ${seconds(started)} s`
    );
  }

  // Spec §11.6: round p decrypts position p of every row not yet stopped.
  const trustees = decryptingTrustees(
    manifest.trustees.members.length,
    manifest.trustees.threshold
  );
  const verificationKeys = setup.keyBody.verificationKeys.map((v) =>
    group.decodePoint(hexToBytes(v))
  );
  let prefixes: readonly (readonly number[])[] = rows.map(() => []);
  let rounds = 0;
  for (let position = 0; position <= n; position++) {
    const started = performance.now();
    const round: RankedRound = { contest, rows, prefixes, position };
    const submissions = await postRound(input, round, trustees);
    const shared = performance.now();
    const outcome = combineRankedRound(group, {
      baseHash: input.baseHash,
      threshold: manifest.trustees.threshold,
      verificationKeys,
      candidates: n,
      round,
      submissions,
    });
    // Honest trustees: a fault or a failed round is a bug in this tool.
    if (!outcome.ok || outcome.faults.length > 0)
      throw new Error(
        `ranked round ${position} did not decrypt: ${outcome.ok ? outcome.faults[0]?.message : outcome.code}`
      );
    prefixes = outcome.prefixes;
    rounds++;
    input.onStep?.(
      `round ${position}: ${submissions[0]?.shares.length ?? 0} targets, shares of trustees ${trustees.join(', ')} ${((shared - started) / 1000).toFixed(1)} s, combined ${seconds(shared)} s`
    );
    if (outcome.done) break;
  }

  const rankings = rankingsOfPrefixes(n, prefixes);
  if (rankings === null) throw new Error('a row did not reach its STOP');
  checkRankings(rankings, input.intended);
  const rankingsBody: RankedRankingsBody = { contest, candidates: n, rankings };
  board.append('ranked-rankings', tick(), rankingsBody);
  const result = rankedResultBody(
    manifest,
    rankingsBody,
    countSeed(setup.manifestHash, input.closeRoot, spec.id)
  );
  board.append('ranked-result', tick(), result);
  board.checkpoint();
  return { trustees, rounds, result };
}

/**
 * One round: a checkpoint of the board as it stands (the trustees check it and their shares bind
 * it, spec §8.2), then each trustee's shares made on the worker threads and posted as parts, in
 * trustee order; returns each trustee's submission as the officer reads it from the parts.
 */
async function postRound(
  input: RankedPhaseInput,
  round: RankedRound,
  trustees: readonly number[]
): Promise<ReturnType<typeof submissionOf>[]> {
  const { group, board, setup } = input;
  const sealed = board.checkpoint();
  const checkpoint = { size: sealed.size, root: hexToBytes(sealed.root) };
  const targets = roundTargets(round);
  const slices = Math.ceil(targets.length / SHARE_SLICE);
  const packed = Array.from({ length: slices }, (_, s) =>
    packTargetCiphertexts(group, targets.slice(s * SHARE_SLICE, (s + 1) * SHARE_SLICE))
  );
  const submissions: ReturnType<typeof submissionOf>[] = [];
  let shares: string[] = [];
  await runOrdered<string[]>(
    input.pool,
    trustees.length * slices,
    (job) => {
      const trustee = trustees[Math.floor(job / slices)] as number;
      const s = job % slices;
      const secretShare = setup.secretShares.get(trustee);
      if (secretShare === undefined) throw new Error(`no secret share for trustee ${trustee}`);
      return {
        kind: 'ranked-shares',
        label: `ranked-shares/${round.contest}/${round.position}/${trustee}/${s}`,
        baseHash: input.baseHash,
        trustee,
        secretShare,
        checkpoint,
        ciphertexts: packed[s] as Uint8Array,
        bindings: targets.slice(s * SHARE_SLICE, (s + 1) * SHARE_SLICE).map((t) => t.bindings),
      };
    },
    (job, slice) => {
      shares.push(...slice);
      if (job % slices !== slices - 1) return;
      const trustee = trustees[Math.floor(job / slices)] as number;
      const bodies = rankedSharePartsOf(
        round,
        { trustee, checkpoint },
        shares,
        input.rowsPerPart ?? SHARES_PER_PART
      );
      for (const body of bodies) board.append('ranked-decryption-share', input.tick(), body);
      submissions.push(submissionOf(group, setup.manifest.trustees.members.length, bodies));
      shares = [];
    }
  );
  return submissions;
}

/**
 * The decrypted rankings are the cast ones, as multisets (the mixes permuted the rows); throws
 * otherwise, naming a ranking whose count differs.
 */
export function checkRankings(
  rankings: readonly (readonly number[])[],
  intended: ReadonlyMap<string, number>
): void {
  const decrypted = new Map<string, number>();
  for (const ranking of rankings) {
    const key = rankingKey(ranking);
    decrypted.set(key, (decrypted.get(key) ?? 0) + 1);
  }
  const differing = [...new Set([...decrypted.keys(), ...intended.keys()])].find(
    (key) => decrypted.get(key) !== intended.get(key)
  );
  if (differing !== undefined)
    throw new Error(
      `decrypted rankings differ from those cast: [${differing}] decrypted ${decrypted.get(differing) ?? 0} times, cast ${intended.get(differing) ?? 0}`
    );
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);

/** Spec §12.7: the names of the candidates the sheet elects. */
export function electedOf(result: RankedResultBody, manifest: Manifest): string[] {
  return result.sheet.elected.map((e) => manifest.contests[0]?.candidates[e]?.name ?? String(e));
}
