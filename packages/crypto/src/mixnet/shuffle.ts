/**
 * @module Verifiable re-encryption shuffle of ciphertext vectors (spec §11.4): the
 * Terelius–Wikström proof as Verificatum, Belenios and CHVote use it, for N rows of w ciphertexts
 * each (one permutation moves whole rows; every component is re-randomised on its own).
 *
 * Output row i is input row ψ(i) plus Enc(0; r̃ᵢₖ) in each component k. The prover commits to ψ
 * with Pedersen commitments over independent generators (generators.ts), proves that the
 * committed matrix is a permutation matrix (the product and sum arguments) and that the outputs
 * are the inputs permuted by that matrix and re-encrypted (the linear combination argument under
 * the public challenges u). Every check is a §5.6 equation, so a verifier combines them all into
 * one multi-scalar multiplication. The same code proves a ranked ballot well formed (ranked-ballot.ts):
 * the ballot is a shuffle of the public vector (0, 1, …, n).
 */
import { concatByteArrays, concatBytes, encodeU32, encodeU64, utf8 } from '../bytes.ts';
import type { Ciphertext } from '../elgamal.ts';
import { encodeCiphertext } from '../elgamal.ts';
import { type Equation, batchWeights, equationOf } from '../equation.ts';
import { GroupError, POINT_BYTES, type Group, type Point } from '../group.ts';
import { type DomainTag, DomainTag as Tags, hashParts, hashToScalar } from '../hash.ts';
import type { ProofContext } from '../proof-context.ts';
import { decodePoints } from '../point-transfer.ts';
import { randomBytes } from '../random.ts';
import {
  SCALAR_BYTES,
  addScalars,
  decodeScalar,
  encodeScalar,
  modOrder,
  multiplyScalars,
  randomScalar,
} from '../scalar.ts';
import { shuffleGenerators } from './generators.ts';

/** items[index], which the caller has checked exists (an out-of-range index is a bug). */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range`);
  return item;
}

/** items[index], chosen by scanning every entry, so the access pattern does not tell a secret index. */
export function obliviousPick<T>(items: readonly T[], index: number): T {
  let selected = at(items, 0);
  for (let j = 1; j < items.length; j++) selected = j === index ? at(items, j) : selected;
  return selected;
}

/** One row: w ciphertexts that move together (a ranked ballot's n + 1 positions). */
export type CiphertextRow = readonly Ciphertext[];

/** The public statement: outputs are a re-encrypted permutation of inputs under key K. */
export interface ShuffleStatement {
  readonly publicKey: Point;
  readonly inputs: readonly CiphertextRow[];
  readonly outputs: readonly CiphertextRow[];
}

/** What the shuffler keeps secret: outputs[i][k] = inputs[permutation[i]][k] + Enc(0; randomness[i][k]). */
export interface ShuffleWitness {
  readonly permutation: readonly number[];
  readonly randomness: readonly (readonly bigint[])[];
}

/** Spec §11.4: the proof's commitments and responses (names as in the spec). */
export interface ShuffleProof {
  /** C₁ … C_N: Pedersen commitments to the permutation. */
  readonly permutationCommitments: readonly Point[];
  /** Ĉ₁ … Ĉ_N: the commitment chain of the product argument. */
  readonly chainCommitments: readonly Point[];
  readonly t1: Point;
  readonly t2: Point;
  readonly t3: Point;
  /** w ciphertexts. */
  readonly t4: readonly Ciphertext[];
  /** T̂₁ … T̂_N. */
  readonly tHat: readonly Point[];
  readonly s1: bigint;
  readonly s2: bigint;
  readonly s3: bigint;
  /** w scalars. */
  readonly s4: readonly bigint[];
  readonly sHat: readonly bigint[];
  readonly sPrime: readonly bigint[];
}

/** The two tags of one use of the proof: the permutation challenges u and the challenge c. */
export interface ShuffleTags {
  readonly permutation: DomainTag;
  readonly proof: DomainTag;
}

/** A mix server's shuffle (spec §11.5). */
export const MIX_SHUFFLE_TAGS: ShuffleTags = {
  permutation: Tags.shufflePermutationChallenge,
  proof: Tags.shuffleProof,
};

/**
 * How the prover computes Σ ωᵢ·Pᵢ with its secret ωᵢ: 'constant-time' (one ladder per term; the
 * booth) or 'variable-time' (one multi-scalar multiplication; a mix server, whose timing no
 * outsider observes, at 160,000 rows). The proof is the same either way.
 */
export type SecretSumMode = 'constant-time' | 'variable-time';

export interface ProveShuffleOptions {
  readonly secretSums?: SecretSumMode;
  /** Nonce source (tests and vectors); the CSPRNG by default. */
  readonly source?: () => bigint;
  /**
   * Generators to commit with, H₀ … H_N. Only tests pass them (a cheating mix server with
   * trapdoored generators); a verifier always derives its own (spec §11.3).
   */
  readonly generators?: readonly Point[];
  /**
   * When every input is a trivial ciphertext (O, m·G) of a public m (a ranked ballot's public
   * vector: `inputPlaintexts[j][k]` for row j, component k), T₄ is computed from the witness by
   * fixed-base multiplications instead of sums over the outputs: the same points, a fraction of
   * the time (the booth). A wrong value makes a proof that fails verification.
   */
  readonly inputPlaintexts?: readonly (readonly bigint[])[];
}

/** Spec §11.4: shape of the statement; throws for mismatched lengths (a bug, not a refusal). */
export function shuffleShape(statement: ShuffleStatement): { rows: number; width: number } {
  const rows = statement.inputs.length;
  if (rows === 0 || statement.outputs.length !== rows)
    throw new GroupError('group/length-mismatch', 'a shuffle needs as many outputs as inputs, ≥ 1');
  const width = at(statement.inputs, 0).length;
  if (width === 0) throw new GroupError('group/length-mismatch', 'rows must have width ≥ 1');
  for (const row of [...statement.inputs, ...statement.outputs])
    if (row.length !== width)
      throw new GroupError('group/length-mismatch', 'every row must have the same width');
  return { rows, width };
}

function encodeRows(group: Group, rows: readonly CiphertextRow[]): Uint8Array {
  return concatByteArrays(rows.flatMap((row) => row.map((c) => encodeCiphertext(group, c))));
}

function encodePoints(group: Group, points: readonly Point[]): Uint8Array {
  return concatByteArrays(points.map((p) => group.encodePoint(p)));
}

/**
 * Spec §11.4 eq. (11.2): d = SHA-512(frame(tag_u) ‖ frame(h) ‖ frame(bindings…) ‖ frame(K) ‖
 * frame(u32 N) ‖ frame(u32 w) ‖ frame(inputs) ‖ frame(outputs) ‖ frame(C₁ ‖ … ‖ C_N)): the digest
 * of the whole statement and the permutation commitments.
 */
export function shuffleStatementDigest(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  statement: ShuffleStatement,
  permutationCommitments: readonly Point[]
): Uint8Array {
  const { rows, width } = shuffleShape(statement);
  return hashParts(tags.permutation, [
    context.baseHash,
    ...context.bindings,
    group.encodePoint(statement.publicKey),
    encodeU32(rows),
    encodeU32(width),
    encodeRows(group, statement.inputs),
    encodeRows(group, statement.outputs),
    encodePoints(group, permutationCommitments),
  ]);
}

/** Spec §11.4 eq. (11.3): uⱼ = H(tag_u, d, u64le j) for each input row j. */
export function permutationChallenges(
  tags: ShuffleTags,
  digest: Uint8Array,
  rows: number
): bigint[] {
  const out: bigint[] = [];
  for (let j = 0; j < rows; j++) out.push(hashToScalar(tags.permutation, digest, [encodeU64(j)]));
  return out;
}

/** Spec §11.4 eq. (11.4): c = H(tag_c, h, bindings…, d, Ĉ, t₁, t₂, t₃, T₄, T̂). */
export function shuffleChallenge(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  digest: Uint8Array,
  proof: Pick<ShuffleProof, 'chainCommitments' | 't1' | 't2' | 't3' | 't4' | 'tHat'>
): bigint {
  return hashToScalar(tags.proof, context.baseHash, [
    ...context.bindings,
    digest,
    encodePoints(group, proof.chainCommitments),
    group.encodePoint(proof.t1),
    group.encodePoint(proof.t2),
    group.encodePoint(proof.t3),
    concatBytes(...proof.t4.map((c) => encodeCiphertext(group, c))),
    encodePoints(group, proof.tHat),
  ]);
}

/** A uniform integer in [0, bound) from the CSPRNG (rejection sampling on 32-bit words). */
function randomIndex(bound: number): number {
  const limit = Math.floor(0x100000000 / bound) * bound;
  for (;;) {
    const b = randomBytes(4);
    const v = new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
    if (v < limit) return v % bound;
  }
}

/** A uniformly random permutation of [0, n) (Fisher–Yates on the CSPRNG). */
export function randomPermutation(n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [p[i], p[j]] = [at(p, j), at(p, i)];
  }
  return p;
}

/**
 * Spec §11.5: permutes and re-encrypts the rows (outputs[i] = inputs[ψ(i)] + Enc(0; r̃ᵢ)), with a
 * fresh random ψ unless one is given (tests), and returns the witness for {@link proveShuffle}.
 */
export function shuffleRows(
  group: Group,
  publicKey: Point,
  inputs: readonly CiphertextRow[],
  options: { readonly permutation?: readonly number[]; readonly source?: () => bigint } = {}
): { outputs: CiphertextRow[]; witness: ShuffleWitness } {
  const source = options.source ?? randomScalar;
  const permutation = options.permutation ?? randomPermutation(inputs.length);
  const key = group.prepareFixedBase(publicKey);
  const randomness: bigint[][] = [];
  const outputs = permutation.map((j) => {
    const row = at(inputs, j);
    const rs = row.map(() => source());
    randomness.push(rs);
    return row.map((c, k) => ({
      alpha: group.add(c.alpha, group.multiplyBase(at(rs, k))),
      beta: group.add(c.beta, group.multiply(key, at(rs, k))),
    }));
  });
  return { outputs, witness: { permutation, randomness } };
}

function secretSum(
  group: Group,
  mode: SecretSumMode,
  points: readonly Point[],
  scalars: readonly bigint[]
): Point {
  if (mode === 'variable-time') return group.multiScalarMultiplyUnsafe(points, scalars);
  return constantTimeSum(group, points, scalars);
}

/** Bits per window of {@link constantTimeSum}: 64 windows cover a 253-bit scalar. */
const WINDOW_BITS = 4;
const WINDOWS = 64;

/**
 * Σ sᵢ·Pᵢ for secret sᵢ by Straus' method with fixed 4-bit windows: one doubling chain shared by
 * all terms, one addition per term and window (of the identity for a zero digit), and a table
 * entry chosen by scanning the whole table, so the sequence of group operations is the same for
 * every scalar. About a third of the work of one ladder per term (the booth's T₃ over H₁ … H_N).
 */
function constantTimeSum(
  group: Group,
  points: readonly Point[],
  scalars: readonly bigint[]
): Point {
  const size = 1 << WINDOW_BITS;
  const mask = BigInt(size - 1);
  const tables = points.map((p) => {
    const table = [group.identity];
    for (let d = 1; d < size; d++) table.push(group.add(at(table, d - 1), p));
    return table;
  });
  const digits = scalars.map((scalar) => {
    const out = new Array<number>(WINDOWS);
    let rest = scalar;
    for (let window = 0; window < WINDOWS; window++) {
      out[window] = Number(rest & mask);
      rest >>= BigInt(WINDOW_BITS);
    }
    return out;
  });
  let sum = group.identity;
  for (let window = WINDOWS - 1; window >= 0; window--) {
    if (window !== WINDOWS - 1) for (let d = 0; d < WINDOW_BITS; d++) sum = group.add(sum, sum);
    tables.forEach((table, i) => {
      sum = group.add(sum, obliviousPick(table, at(at(digits, i), window)));
    });
  }
  return sum;
}

/**
 * T₄ₖ = Σ w′ᵢ·E′ᵢₖ − Enc(0; w₄ₖ) when the inputs are (O, m·G): E′ᵢₖ = (r̃ᵢₖ·G, m_ψ(i)k·G + r̃ᵢₖ·K),
 * so T₄ₖ = ((ρₖ − w₄ₖ)·G, μₖ·G + (ρₖ − w₄ₖ)·K) with ρₖ = Σ w′ᵢ·r̃ᵢₖ and μₖ = Σ w′ᵢ·m_ψ(i)k.
 */
function trivialInputsT4(
  group: Group,
  K: Point,
  witness: ShuffleWitness,
  plaintexts: readonly (readonly bigint[])[],
  wPrime: readonly bigint[],
  w4: readonly bigint[]
): Ciphertext[] {
  return w4.map((nonce, k) => {
    let rho = 0n;
    let mu = 0n;
    witness.permutation.forEach((j, i) => {
      rho += at(wPrime, i) * at(at(witness.randomness, i), k);
      mu += at(wPrime, i) * at(at(plaintexts, j), k);
    });
    const r = modOrder(rho - nonce);
    return {
      alpha: group.multiplyBase(r),
      beta: group.add(group.multiplyBase(modOrder(mu)), group.multiply(K, r)),
    };
  });
}

/** T₄ₖ = Σ w′ᵢ·E′ᵢₖ − Enc(0; w₄ₖ) over the outputs E′ (spec §11.4), one per column k. */
export function outputsT4(
  group: Group,
  mode: SecretSumMode,
  K: Point,
  outputs: readonly CiphertextRow[],
  wPrime: readonly bigint[],
  w4: readonly bigint[]
): Ciphertext[] {
  return w4.map((nonce, k) => ({
    alpha: group.subtract(
      secretSum(
        group,
        mode,
        outputs.map((row) => at(row, k).alpha),
        wPrime
      ),
      group.multiplyBase(nonce)
    ),
    beta: group.subtract(
      secretSum(
        group,
        mode,
        outputs.map((row) => at(row, k).beta),
        wPrime
      ),
      group.multiply(K, nonce)
    ),
  }));
}

/** r̂ = Σ r̂ᵢ·vᵢ with vᵢ = Π_{l>i} ũₗ: the secret the chain's last link Ĉ_N opens (spec §11.4). */
export function chainSecret(rHat: readonly bigint[], uTilde: readonly bigint[]): bigint {
  let sum = 0n;
  let v = 1n;
  for (let i = rHat.length - 1; i >= 0; i--) {
    sum = modOrder(sum + at(rHat, i) * v);
    v = multiplyScalars(v, at(uTilde, i));
  }
  return sum;
}

/**
 * The proof's responses s₁, s₂, s₃, s₄ₖ, ŝᵢ, s′ᵢ (spec §11.4) — and, in the same shape, their
 * nonces w₁, w₂, w₃, w₄ₖ, ŵᵢ, w′ᵢ and the secrets they open r̄, r̂, r′, r″ₖ, r̂ᵢ, ũᵢ.
 */
export type ShuffleScalars = Pick<ShuffleProof, 's1' | 's2' | 's3' | 's4' | 'sHat' | 'sPrime'>;

/** The responses s = w + c·secret (each secret reduced first) to the challenge `c`. */
export function shuffleResponses(
  c: bigint,
  nonces: ShuffleScalars,
  secrets: ShuffleScalars
): ShuffleScalars {
  const respond = (nonce: bigint, secret: bigint): bigint =>
    addScalars(nonce, multiplyScalars(c, modOrder(secret)));
  const each = (nonce: readonly bigint[], secret: readonly bigint[]): bigint[] =>
    nonce.map((w, i) => respond(w, at(secret, i)));
  return {
    s1: respond(nonces.s1, secrets.s1),
    s2: respond(nonces.s2, secrets.s2),
    s3: respond(nonces.s3, secrets.s3),
    s4: each(nonces.s4, secrets.s4),
    sHat: each(nonces.sHat, secrets.sHat),
    sPrime: each(nonces.sPrime, secrets.sPrime),
  };
}

/** Spec §11.4: the Terelius–Wikström proof that `statement` is a shuffle with `witness`. */
export function proveShuffle(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  statement: ShuffleStatement,
  witness: ShuffleWitness,
  options: ProveShuffleOptions = {}
): ShuffleProof {
  const { rows: n, width: w } = shuffleShape(statement);
  const source = options.source ?? randomScalar;
  const mode = options.secretSums ?? 'constant-time';
  const h = options.generators ?? shuffleGenerators(group, context.baseHash, n);
  const psi = witness.permutation;
  const K = group.prepareFixedBase(statement.publicKey);

  // Permutation commitments: C_ψ(i) = r_ψ(i)·G + H_(i+1).
  const r: bigint[] = new Array<bigint>(n);
  const commitments: Point[] = new Array<Point>(n);
  psi.forEach((j, i) => {
    r[j] = source();
    commitments[j] = group.add(group.multiplyBase(r[j]), at(h, i + 1));
  });
  const digest = shuffleStatementDigest(group, tags, context, statement, commitments);
  const u = permutationChallenges(tags, digest, n);
  const uTilde = psi.map((j) => at(u, j));

  // Commitment chain Ĉᵢ = r̂ᵢ·G + ũᵢ·Ĉᵢ₋₁ from Ĉ₀ = H₀. Unrolled, Ĉᵢ = aᵢ·G + bᵢ·H₀ with
  // aᵢ = r̂ᵢ + ũᵢ·aᵢ₋₁ and bᵢ = ũᵢ·bᵢ₋₁ (a₀ = 0, b₀ = 1): the prover knows both, so every link
  // (and every T̂ᵢ below) is two fixed-base multiplications instead of one by a fresh point.
  const rHat = uTilde.map(() => source());
  const H0 = group.prepareFixedBase(at(h, 0));
  const onChainBases = (a: bigint, b: bigint): Point =>
    group.add(group.multiplyBase(a), group.multiply(H0, b));
  const previousA: bigint[] = [];
  const previousB: bigint[] = [];
  const chain: Point[] = [];
  let a = 0n;
  let b = 1n;
  for (let i = 0; i < n; i++) {
    previousA.push(a);
    previousB.push(b);
    a = addScalars(at(rHat, i), multiplyScalars(at(uTilde, i), a));
    b = multiplyScalars(at(uTilde, i), b);
    chain.push(onChainBases(a, b));
  }

  const [w1, w2, w3] = [source(), source(), source()];
  const w4 = Array.from({ length: w }, () => source());
  const wHat = uTilde.map(() => source());
  const wPrime = uTilde.map(() => source());
  const t1 = group.multiplyBase(w1);
  const t2 = group.multiplyBase(w2);
  const t3 = group.add(group.multiplyBase(w3), secretSum(group, mode, h.slice(1, n + 1), wPrime));
  const t4 = options.inputPlaintexts
    ? trivialInputsT4(group, K, witness, options.inputPlaintexts, wPrime, w4)
    : outputsT4(group, mode, K, statement.outputs, wPrime, w4);
  // T̂ᵢ = ŵᵢ·G + w′ᵢ·Ĉᵢ₋₁ = (ŵᵢ + w′ᵢ·aᵢ₋₁)·G + (w′ᵢ·bᵢ₋₁)·H₀.
  const tHat = chain.map((_, i) =>
    onChainBases(
      addScalars(at(wHat, i), multiplyScalars(at(wPrime, i), at(previousA, i))),
      multiplyScalars(at(wPrime, i), at(previousB, i))
    )
  );

  const c = shuffleChallenge(group, tags, context, digest, {
    chainCommitments: chain,
    t1,
    t2,
    t3,
    t4,
    tHat,
  });

  // Aggregated witnesses: r̄ = Σ rⱼ, r̂ = Σ r̂ᵢ·vᵢ (vᵢ = Π_{l>i} ũₗ), r′ = Σ rⱼ·uⱼ, r″ₖ = Σ r̃ᵢₖ·ũᵢ.
  let rBar = 0n;
  let rPrime = 0n;
  for (let j = 0; j < n; j++) {
    rBar += at(r, j);
    rPrime += at(r, j) * at(u, j);
  }
  const rDouble = Array.from({ length: w }, (_, k) => {
    let sum = 0n;
    for (let i = 0; i < n; i++) sum += at(at(witness.randomness, i), k) * at(uTilde, i);
    return modOrder(sum);
  });

  return {
    permutationCommitments: commitments,
    chainCommitments: chain,
    t1,
    t2,
    t3,
    t4,
    tHat,
    ...shuffleResponses(
      c,
      { s1: w1, s2: w2, s3: w3, s4: w4, sHat: wHat, sPrime: wPrime },
      {
        s1: rBar,
        s2: chainSecret(rHat, uTilde),
        s3: rPrime,
        s4: rDouble,
        sHat: rHat,
        sPrime: uTilde,
      }
    ),
  };
}

/**
 * Spec §11.4 eqs. (11.5)–(11.9): the verification equations, with generators derived from the
 * context's base hash (never taken from the prover). Throws GroupError when the proof's lengths
 * do not fit the statement.
 */
export function shuffleEquations(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  statement: ShuffleStatement,
  proof: ShuffleProof
): Equation[] {
  const n = shuffleShape(statement).rows;
  return shuffleEquationsUnderGenerators(
    group,
    tags,
    context,
    statement,
    proof,
    shuffleGenerators(group, context.baseHash, n)
  );
}

/**
 * The equations under generators given by the caller. Only the trapdoor test uses it, to show
 * that a forged proof holds under the forger's generators; every verifier derives them (spec
 * §11.3), through {@link shuffleEquations} or {@link verifyShuffle}. Not exported from the package.
 */
export function shuffleEquationsUnderGenerators(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  statement: ShuffleStatement,
  proof: ShuffleProof,
  h: readonly Point[]
): Equation[] {
  const { n, w, c, uProduct, cu } = shuffleChallenges(group, tags, context, statement, proof, h);
  const G = group.generator;
  const K = statement.publicKey;
  const equations: Equation[] = [];
  // (11.5) t₁: s₁·G = t₁ + c·(Σ Cⱼ − Σ Hᵢ)
  equations.push(
    equationOf([
      [proof.s1, G],
      [-1n, proof.t1],
      ...proof.permutationCommitments.map((cj) => [-c, cj] as const),
      ...h.slice(1).map((hi) => [c, hi] as const),
    ])
  );
  // (11.6) t₂: s₂·G = t₂ + c·(Ĉ_N − (Π uⱼ)·H₀)
  equations.push(
    equationOf([
      [proof.s2, G],
      [-1n, proof.t2],
      [-c, at(proof.chainCommitments, n - 1)],
      [multiplyScalars(c, uProduct), at(h, 0)],
    ])
  );
  // (11.7) t₃: s₃·G + Σ s′ᵢ·Hᵢ = t₃ + c·Σ uⱼ·Cⱼ
  equations.push(
    equationOf([
      [proof.s3, G],
      ...proof.sPrime.map((s, i) => [s, at(h, i + 1)] as const),
      [-1n, proof.t3],
      ...proof.permutationCommitments.map((cj, j) => [-at(cu, j), cj] as const),
    ])
  );
  // (11.8) T₄ₖ: Σ s′ᵢ·E′ᵢₖ − Enc(0; s₄ₖ) = T₄ₖ + c·Σ uⱼ·Eⱼₖ, both points of each ciphertext
  for (let k = 0; k < w; k++) {
    for (const [part, base] of [
      ['alpha', G],
      ['beta', K],
    ] as const) {
      equations.push(
        equationOf([
          ...proof.sPrime.map((s, i) => [s, at(at(statement.outputs, i), k)[part]] as const),
          [-at(proof.s4, k), base],
          [-1n, at(proof.t4, k)[part]],
          ...statement.inputs.map((row, j) => [-at(cu, j), at(row, k)[part]] as const),
        ])
      );
    }
  }
  // (11.9) T̂ᵢ: ŝᵢ·G + s′ᵢ·Ĉᵢ₋₁ = T̂ᵢ + c·Ĉᵢ (Ĉ₀ = H₀)
  for (let i = 0; i < n; i++) {
    equations.push(
      equationOf([
        [at(proof.sHat, i), G],
        [at(proof.sPrime, i), i === 0 ? at(h, 0) : at(proof.chainCommitments, i - 1)],
        [-1n, at(proof.tHat, i)],
        [-c, at(proof.chainCommitments, i)],
      ])
    );
  }
  return equations;
}

/**
 * What (11.5)–(11.9) are evaluated with: the shape (checked against the proof's lengths; throws
 * GroupError when they do not fit), the challenge c, Π uⱼ and each c·uⱼ.
 */
function shuffleChallenges(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  statement: ShuffleStatement,
  proof: ShuffleProof,
  h: readonly Point[]
): { n: number; w: number; c: bigint; uProduct: bigint; cu: bigint[] } {
  const { rows: n, width: w } = shuffleShape(statement);
  if (h.length !== n + 1) throw new GroupError('group/length-mismatch', 'N + 1 generators');
  for (const list of [
    proof.permutationCommitments,
    proof.chainCommitments,
    proof.tHat,
    proof.sHat,
    proof.sPrime,
  ])
    if (list.length !== n) throw new GroupError('group/length-mismatch', 'proof length ≠ N');
  if (proof.t4.length !== w || proof.s4.length !== w)
    throw new GroupError('group/length-mismatch', 'proof width ≠ w');
  const digest = shuffleStatementDigest(
    group,
    tags,
    context,
    statement,
    proof.permutationCommitments
  );
  const u = permutationChallenges(tags, digest, n);
  const c = shuffleChallenge(group, tags, context, digest, proof);
  let uProduct = 1n;
  for (const uj of u) uProduct = multiplyScalars(uProduct, uj);
  return { n, w, c, uProduct, cu: u.map((uj) => multiplyScalars(c, uj)) };
}

/**
 * (11.5)–(11.9) batched as §5.6 batches them — one weight an equation, drawn now — and checked in
 * one multi-scalar multiplication whose terms are already merged point by point: the sum
 * `batchHoldsUnsafe(group, shuffleEquations(…))` computes, without an equation object or a
 * repeated term. At 160,000 rows of six that bookkeeping, not the multiplication, was half the
 * time. Equation by equation, the weights are ω₁, ω₂, ω₃ for (11.5)–(11.7), ω₄ₖ for component k's
 * α and β equations of (11.8), and ω̂ᵢ for (11.9) at i. Throws GroupError when lengths do not fit.
 */
function shuffleBatchHoldsUnsafe(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  statement: ShuffleStatement,
  proof: ShuffleProof
): boolean {
  const n = shuffleShape(statement).rows;
  const h = shuffleGenerators(group, context.baseHash, n);
  const { w, c, uProduct, cu } = shuffleChallenges(group, tags, context, statement, proof, h);
  const weights = batchWeights(3 + 2 * w + n);
  const [w1, w2, w3] = weights as [bigint, bigint, bigint];
  const alphaWeight = (k: number) => at(weights, 3 + 2 * k);
  const betaWeight = (k: number) => at(weights, 4 + 2 * k);
  const hatWeight = (i: number) => at(weights, 3 + 2 * w + i);

  const points: Point[] = [];
  const scalars: bigint[] = [];
  const term = (scalar: bigint, point: Point): void => {
    points.push(point);
    scalars.push(modOrder(scalar));
  };
  // G: s₁, s₂, s₃, −s₄ₖ in each α equation of (11.8), ŝᵢ in each (11.9). K: −s₄ₖ in each β one.
  let g = w1 * proof.s1 + w2 * proof.s2 + w3 * proof.s3;
  let k = 0n;
  for (let j = 0; j < w; j++) {
    g -= alphaWeight(j) * at(proof.s4, j);
    k -= betaWeight(j) * at(proof.s4, j);
  }
  for (let i = 0; i < n; i++) g += hatWeight(i) * at(proof.sHat, i);
  term(g, group.generator);
  term(k, statement.publicKey);
  term(-w1, proof.t1);
  term(-w2, proof.t2);
  term(-w3, proof.t3);
  for (let j = 0; j < w; j++) {
    term(-alphaWeight(j), at(proof.t4, j).alpha);
    term(-betaWeight(j), at(proof.t4, j).beta);
  }
  // Cⱼ: −c in (11.5), −c·uⱼ in (11.7). H₀: c·Π uⱼ in (11.6), s′₀ in (11.9) at 0. Hᵢ₊₁: c in
  // (11.5), s′ᵢ in (11.7).
  const cw1 = c * w1;
  for (let j = 0; j < n; j++) term(-cw1 - at(cu, j) * w3, at(proof.permutationCommitments, j));
  term(c * uProduct * w2 + at(proof.sPrime, 0) * hatWeight(0), at(h, 0));
  for (let i = 0; i < n; i++) term(cw1 + at(proof.sPrime, i) * w3, at(h, i + 1));
  // Ĉᵢ: −c in (11.9) at i, s′ᵢ₊₁ in (11.9) at i + 1, and Ĉ_N₋₁ −c in (11.6). T̂ᵢ: −1 at i.
  for (let i = 0; i < n; i++) {
    let chain = -c * hatWeight(i);
    if (i + 1 < n) chain += at(proof.sPrime, i + 1) * hatWeight(i + 1);
    if (i === n - 1) chain -= c * w2;
    term(chain, at(proof.chainCommitments, i));
    term(-hatWeight(i), at(proof.tHat, i));
  }
  // (11.8): s′ᵢ on each output component, −c·uⱼ on each input component, under that
  // component's α or β weight.
  for (let i = 0; i < n; i++) {
    const s = at(proof.sPrime, i);
    const row = at(statement.outputs, i);
    for (let j = 0; j < w; j++) {
      term(s * alphaWeight(j), at(row, j).alpha);
      term(s * betaWeight(j), at(row, j).beta);
    }
  }
  for (let i = 0; i < n; i++) {
    const minus = -at(cu, i);
    const row = at(statement.inputs, i);
    for (let j = 0; j < w; j++) {
      term(minus * alphaWeight(j), at(row, j).alpha);
      term(minus * betaWeight(j), at(row, j).beta);
    }
  }
  return group.isIdentity(group.multiScalarMultiplyUnsafe(points, scalars, { distinct: true }));
}

/**
 * Spec §11.4: true when the proof holds (all equations batched into one multi-scalar
 * multiplication, §5.6). False, never a throw, for a proof whose lengths do not fit.
 */
export function verifyShuffle(
  group: Group,
  tags: ShuffleTags,
  context: ProofContext,
  statement: ShuffleStatement,
  proof: ShuffleProof
): boolean {
  try {
    return shuffleBatchHoldsUnsafe(group, tags, context, statement, proof);
  } catch (error) {
    if (error instanceof GroupError) return false;
    throw error;
  }
}

/** How many points a proof for N rows of width w holds. */
const proofPointCount = (rows: number, width: number): number => 3 * rows + 3 + 2 * width;

/** Bytes of an encoded proof for N rows of width w (spec §11.4 encoding). */
export function shuffleProofBytes(rows: number, width: number): number {
  return POINT_BYTES * proofPointCount(rows, width) + SCALAR_BYTES * (2 * rows + 3 + width);
}

/** Spec §11.4 encoding order of a proof's points: C, Ĉ, t₁, t₂, t₃, T₄ (α, β of each), T̂. */
export function shuffleProofPoints(proof: ShuffleProof): Point[] {
  return [
    ...proof.permutationCommitments,
    ...proof.chainCommitments,
    proof.t1,
    proof.t2,
    proof.t3,
    ...proof.t4.flatMap((c) => [c.alpha, c.beta]),
    ...proof.tHat,
  ];
}

/** Spec §11.4 encoding of a proof's scalars, the tail of its encoding: s₁ ‖ s₂ ‖ s₃ ‖ s₄ ‖ Ŝ ‖ S′. */
export function encodeShuffleProofScalars(proof: ShuffleProof): Uint8Array {
  return concatByteArrays(
    [proof.s1, proof.s2, proof.s3, ...proof.s4, ...proof.sHat, ...proof.sPrime].map(encodeScalar)
  );
}

/** Spec §11.4 encoding: C ‖ Ĉ ‖ t₁ ‖ t₂ ‖ t₃ ‖ T₄ ‖ T̂ ‖ s₁ ‖ s₂ ‖ s₃ ‖ s₄ ‖ Ŝ ‖ S′. */
export function encodeShuffleProof(group: Group, proof: ShuffleProof): Uint8Array {
  return concatByteArrays([
    encodePoints(group, shuffleProofPoints(proof)),
    encodeShuffleProofScalars(proof),
  ]);
}

/**
 * Decodes a proof for N rows of width w; throws GroupError on a wrong length, a non-canonical
 * point or scalar. The identity is allowed where an honest proof may hold it only by negligible
 * chance, so that the equations, not the decoder, judge it. Every point comes first in the
 * encoding, so they are decoded at once (one C call on the native backend).
 */
export function decodeShuffleProof(
  group: Group,
  bytes: Uint8Array,
  rows: number,
  width: number
): ShuffleProof {
  if (bytes.length !== shuffleProofBytes(rows, width))
    throw new GroupError('group/wrong-length', 'shuffle proof length does not fit N and w');
  const pointBytes = proofPointCount(rows, width) * POINT_BYTES;
  const points = decodePoints(group, bytes.subarray(0, pointBytes), [false]);
  return shuffleProofFrom(points, bytes.subarray(pointBytes), rows, width);
}

/**
 * A proof for N rows of width w from its points, in {@link shuffleProofPoints}' order, and its
 * encoded scalars ({@link encodeShuffleProofScalars}): how a verifier's worker takes a proof whose
 * points the main thread already decoded. Throws GroupError on a wrong count or a scalar ≥ ℓ.
 */
export function shuffleProofFrom(
  points: readonly Point[],
  scalarBytes: Uint8Array,
  rows: number,
  width: number
): ShuffleProof {
  if (
    points.length !== proofPointCount(rows, width) ||
    scalarBytes.length !== SCALAR_BYTES * (2 * rows + 3 + width)
  )
    throw new GroupError('group/wrong-length', 'shuffle proof length does not fit N and w');
  let next = 0;
  const point = (): Point => points[next++] as Point;
  let offset = 0;
  const scalar = (): bigint => {
    const s = decodeScalar(scalarBytes.subarray(offset, offset + SCALAR_BYTES));
    offset += SCALAR_BYTES;
    return s;
  };
  const many = <T>(count: number, one: () => T): T[] => Array.from({ length: count }, one);
  const permutationCommitments = many(rows, point);
  const chainCommitments = many(rows, point);
  const [t1, t2, t3] = [point(), point(), point()];
  const t4 = many(width, () => ({ alpha: point(), beta: point() }));
  const tHat = many(rows, point);
  const [s1, s2, s3] = [scalar(), scalar(), scalar()];
  return {
    permutationCommitments,
    chainCommitments,
    t1,
    t2,
    t3,
    t4,
    tHat,
    s1,
    s2,
    s3,
    s4: many(width, scalar),
    sHat: many(rows, scalar),
    sPrime: many(rows, scalar),
  };
}

/**
 * Spec §11.5 eq. (11.10): a mix server's proof context: bindings (utf8 "mix", u64le contest,
 * u64le mixer index), so a proof is attributed to the mixer that made it and moves to no other
 * contest or position in the cascade.
 */
export function mixProofContext(
  baseHash: Uint8Array,
  contest: number,
  mixer: number
): ProofContext {
  return { baseHash, bindings: [utf8('mix'), encodeU64(contest), encodeU64(mixer)] };
}
