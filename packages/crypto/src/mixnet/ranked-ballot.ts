/**
 * @module Ranked ballots (spec §11.2): a ranking of n candidates is n + 1 ciphertexts, position by
 * position, of the candidate indices 1 … n and a STOP marker 0, the voter's ranking first, then
 * STOP, then the unranked candidates in ascending order. The ballot's proof of well-formedness is
 * a shuffle proof (shuffle.ts) that the n + 1 ciphertexts are a re-encrypted permutation of the
 * public vector (0, 1, …, n) encrypted with zero randomness: no candidate twice, no value out of
 * range, any truncation allowed, with the same code and equations as a mix server's shuffle.
 */
import type { Ciphertext } from '../elgamal.ts';
import type { Equation } from '../equation.ts';
import { batchHoldsUnsafe } from '../equation.ts';
import { GroupError, type Group, type Point } from '../group.ts';
import { DomainTag } from '../hash.ts';
import type { ProofContext } from '../proof-context.ts';
import { randomScalar } from '../scalar.ts';
import {
  type SecretSumMode,
  type ShuffleProof,
  type ShuffleStatement,
  type ShuffleTags,
  proveShuffle,
  shuffleEquations,
  at,
  obliviousPick,
} from './shuffle.ts';
import { shuffleGenerators } from './generators.ts';

/** The ranked ballot's own tags, so that a mix proof and a ballot proof never stand for each other. */
export const RANKING_TAGS: ShuffleTags = {
  permutation: DomainTag.rankingPermutationChallenge,
  proof: DomainTag.rankingProof,
};

/** The STOP marker's plaintext. */
export const RANKING_STOP = 0;

/** The most candidates a ranked contest may have (spec §11.2): the booth's proof stays under 100 ms. */
export const MAX_RANKED_CANDIDATES = 64;

/** Thrown for a ranking the booth must not encrypt (a bug in the caller: the booth validates first). */
export class RankingError extends RangeError {
  readonly code: 'ranking/invalid';
  constructor(message: string) {
    super(`ranking/invalid: ${message}`);
    this.name = 'RankingError';
    this.code = 'ranking/invalid';
  }
}

function assertCandidateCount(candidates: number): void {
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > MAX_RANKED_CANDIDATES)
    throw new RankingError(`a ranked contest has 1 … ${MAX_RANKED_CANDIDATES} candidates`);
}

/**
 * Spec §11.2 eq. (11.0): the plaintext vector of a ranking: the ranked candidates (1-based) in
 * preference order, then STOP (0), then the unranked candidates ascending. An empty ranking is a
 * blank ballot for the contest.
 */
export function rankingVector(candidates: number, ranking: readonly number[]): number[] {
  assertCandidateCount(candidates);
  const seen = new Set<number>();
  for (const c of ranking) {
    if (!Number.isInteger(c) || c < 1 || c > candidates)
      throw new RankingError(`candidate ${c} is not in 1 … ${candidates}`);
    if (seen.has(c)) throw new RankingError(`candidate ${c} is ranked twice`);
    seen.add(c);
  }
  const rest: number[] = [];
  for (let c = 1; c <= candidates; c++) if (!seen.has(c)) rest.push(c);
  return [...ranking, RANKING_STOP, ...rest];
}

/** Spec §11.2: the public vector (0, 1, …, n) as ciphertexts with zero randomness: (O, j·G). */
export function publicRankingVector(group: Group, candidates: number): Ciphertext[] {
  assertCandidateCount(candidates);
  let byCount = publicVectors.get(group);
  if (byCount === undefined) {
    byCount = new Map<number, readonly Ciphertext[]>();
    publicVectors.set(group, byCount);
  }
  let known = byCount.get(candidates);
  if (known === undefined) {
    const built: Ciphertext[] = [];
    let point = group.identity;
    for (let j = 0; j <= candidates; j++) {
      built.push({ alpha: group.identity, beta: point });
      point = group.add(point, group.generator);
    }
    byCount.set(candidates, built);
    known = built;
  }
  return [...known];
}

/**
 * Public vectors already built, per group and candidate count: the same points each ballot, so a
 * backend that caches encodings per point encodes them for the proof's digest once.
 */
const publicVectors = new WeakMap<Group, Map<number, readonly Ciphertext[]>>();

function rankingStatement(
  group: Group,
  publicKey: Point,
  ciphertexts: readonly Ciphertext[]
): ShuffleStatement {
  const candidates = ciphertexts.length - 1;
  // One column of n + 1 rows of width 1: the "rows" the proof permutes are the positions.
  return {
    publicKey,
    inputs: publicRankingVector(group, candidates).map((c) => [c]),
    outputs: ciphertexts.map((c) => [c]),
  };
}

export interface RankedEncryption {
  /** n + 1 ciphertexts, position 1 first. */
  readonly ciphertexts: readonly Ciphertext[];
  readonly proof: ShuffleProof;
  /** The randomness of each position: the booth's secret, revealed only on a Benaloh challenge. */
  readonly randomness: readonly bigint[];
}

/**
 * Builds, ahead of the voter's ranking, what every ranked ballot of the contest reuses: the
 * fixed-base tables of G, K and H₀, the generators H₀ … H_(n+1) and the public vector. Optional:
 * {@link encryptRanking} builds them on first use; a booth calls this when the contest is shown,
 * so that the ballot itself is only the per-ballot work.
 */
export function prepareRankedEncryption(
  group: Group,
  publicKey: Point,
  baseHash: Uint8Array,
  candidates: number
): void {
  const generators = shuffleGenerators(group, baseHash, candidates + 1);
  group.prepareFixedBase(group.generator);
  group.prepareFixedBase(publicKey);
  group.prepareFixedBase(at(generators, 0));
  publicRankingVector(group, candidates);
}

/**
 * Spec §11.2: encrypts a ranking and proves it well formed. The context is the contest's: base
 * hash, bindings (credential public key, u64le contest index) as every ballot proof (§3.4).
 */
export function encryptRanking(
  group: Group,
  publicKey: Point,
  context: ProofContext,
  candidates: number,
  ranking: readonly number[],
  options: { readonly source?: () => bigint; readonly secretSums?: SecretSumMode } = {}
): RankedEncryption {
  const vector = rankingVector(candidates, ranking);
  const source = options.source ?? randomScalar;
  const key = group.prepareFixedBase(publicKey);
  const randomness = vector.map(() => source());
  // Enc(m; r) = (r·G, m·G + r·K) as in encryptWithRandomness, with m·G read from the public
  // vector (the same points) instead of computed: a third fewer multiplications.
  const plain = publicRankingVector(group, candidates).map((c) => c.beta);
  const ciphertexts = vector.map((m, i) => ({
    alpha: group.multiplyBase(at(randomness, i)),
    beta: group.add(obliviousPick(plain, m), group.multiply(key, at(randomness, i))),
  }));
  const proof = proveShuffle(
    group,
    RANKING_TAGS,
    context,
    rankingStatement(group, publicKey, ciphertexts),
    { permutation: vector, randomness: randomness.map((r) => [r]) },
    {
      source,
      secretSums: options.secretSums ?? 'constant-time',
      inputPlaintexts: vector.map((_, j) => [BigInt(j)]),
    }
  );
  return { ciphertexts, proof, randomness };
}

/** Spec §11.2 check as §5.6 equations, for batching across ballots; throws GroupError on bad shape. */
export function rankedBallotEquations(
  group: Group,
  publicKey: Point,
  context: ProofContext,
  candidates: number,
  ciphertexts: readonly Ciphertext[],
  proof: ShuffleProof
): Equation[] {
  assertCandidateCount(candidates);
  if (ciphertexts.length !== candidates + 1)
    throw new GroupError('group/length-mismatch', 'a ranked ballot has n + 1 ciphertexts');
  return shuffleEquations(
    group,
    RANKING_TAGS,
    context,
    rankingStatement(group, publicKey, ciphertexts),
    proof
  );
}

/** Spec §11.2: true when the ranked ballot's proof holds; false for a wrong shape or a bad proof. */
export function verifyRankedBallot(
  group: Group,
  publicKey: Point,
  context: ProofContext,
  candidates: number,
  ciphertexts: readonly Ciphertext[],
  proof: ShuffleProof
): boolean {
  try {
    return batchHoldsUnsafe(
      group,
      rankedBallotEquations(group, publicKey, context, candidates, ciphertexts, proof)
    );
  } catch (error) {
    if (error instanceof GroupError) return false;
    throw error;
  }
}

/**
 * Spec §11.6: the ranking a ballot's decrypted prefix stands for: the candidates before STOP.
 * `prefix` is positions 1 … s with the STOP at s, or all n + 1 values; null when it is no valid
 * prefix (a candidate twice, a value out of range, no STOP): never the case after a valid proof.
 */
export function rankingFromPrefix(candidates: number, prefix: readonly number[]): number[] | null {
  const stop = prefix.indexOf(RANKING_STOP);
  if (stop < 0) return null;
  const ranking = prefix.slice(0, stop);
  const seen = new Set<number>();
  for (const c of ranking) {
    if (!Number.isInteger(c) || c < 1 || c > candidates || seen.has(c)) return null;
    seen.add(c);
  }
  return ranking;
}
