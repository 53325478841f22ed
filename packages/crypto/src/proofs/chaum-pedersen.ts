/**
 * @module Chaum–Pedersen proof of equality of discrete logarithms (spec §5.2): knowledge of x with
 * X₁ = x·B₁ and X₂ = x·B₂. Decryption shares (B₁ = G, X₁ = trustee key, B₂ = α, X₂ = share) and
 * share complaints use it, each under its own domain tag.
 */
import { GroupError, POINT_BYTES, type Group, type Point } from '../group.ts';
import { concatBytes } from '../bytes.ts';
import { type DomainTag, hashToScalar } from '../hash.ts';
import { type Equation, allHoldUnsafe, equationOf } from '../equation.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  SCALAR_BYTES,
  addScalars,
  decodeScalar,
  encodeScalar,
  multiplyScalars,
  randomScalar,
} from '../scalar.ts';

/** The public statement: log_{B₁} X₁ = log_{B₂} X₂. */
export interface EqualLogsStatement {
  readonly base1: Point;
  readonly value1: Point;
  readonly base2: Point;
  readonly value2: Point;
}

export interface ChaumPedersenProof {
  /** A₁ = a·B₁. */
  readonly commitment1: Point;
  /** A₂ = a·B₂. */
  readonly commitment2: Point;
  /** z = a + c·x mod ℓ. */
  readonly response: bigint;
}

/** Spec §5.2 eq. (5.3): c = H(tag, baseHash, bindings…, B₁, X₁, B₂, X₂, A₁, A₂). */
export function chaumPedersenChallenge(
  group: Group,
  tag: DomainTag,
  context: ProofContext,
  statement: EqualLogsStatement,
  commitment1: Point,
  commitment2: Point
): bigint {
  return hashToScalar(tag, context.baseHash, [
    ...context.bindings,
    ...[statement.base1, statement.value1, statement.base2, statement.value2].map((p) =>
      group.encodePoint(p)
    ),
    group.encodePoint(commitment1),
    group.encodePoint(commitment2),
  ]);
}

/** Proves log_{B₁} X₁ = log_{B₂} X₂ = secret, with the nonce given (vectors, tests). */
export function proveChaumPedersenWithNonce(
  group: Group,
  tag: DomainTag,
  context: ProofContext,
  statement: EqualLogsStatement,
  secret: bigint,
  nonce: bigint
): ChaumPedersenProof {
  return proveChaumPedersenWithCommitments(group, tag, context, statement, secret, nonce, {
    commitment1: group.multiply(statement.base1, nonce),
    commitment2: group.multiply(statement.base2, nonce),
  });
}

/**
 * The same proof when the caller computed A₁ = nonce·B₁ and A₂ = nonce·B₂ itself (a trustee's
 * a·α comes from one dual ladder with its xₗ·α, decryption-share.ts); wrong commitments give a
 * proof that fails, never a wrong statement.
 */
export function proveChaumPedersenWithCommitments(
  group: Group,
  tag: DomainTag,
  context: ProofContext,
  statement: EqualLogsStatement,
  secret: bigint,
  nonce: bigint,
  commitments: { readonly commitment1: Point; readonly commitment2: Point }
): ChaumPedersenProof {
  const { commitment1, commitment2 } = commitments;
  const challenge = chaumPedersenChallenge(
    group,
    tag,
    context,
    statement,
    commitment1,
    commitment2
  );
  return {
    commitment1,
    commitment2,
    response: addScalars(nonce, multiplyScalars(challenge, secret)),
  };
}

/** Proves equality of discrete logs (spec §5.2) with a fresh CSPRNG nonce. */
export function proveChaumPedersen(
  group: Group,
  tag: DomainTag,
  context: ProofContext,
  statement: EqualLogsStatement,
  secret: bigint
): ChaumPedersenProof {
  return proveChaumPedersenWithNonce(group, tag, context, statement, secret, randomScalar());
}

/** Spec §5.2 eq. (5.4): z·B₁ = A₁ + c·X₁ and z·B₂ = A₂ + c·X₂. */
export function chaumPedersenEquations(
  group: Group,
  tag: DomainTag,
  context: ProofContext,
  statement: EqualLogsStatement,
  proof: ChaumPedersenProof
): readonly Equation[] {
  const c = chaumPedersenChallenge(
    group,
    tag,
    context,
    statement,
    proof.commitment1,
    proof.commitment2
  );
  return [
    equationOf([
      [proof.response, statement.base1],
      [-1n, proof.commitment1],
      [-c, statement.value1],
    ]),
    equationOf([
      [proof.response, statement.base2],
      [-1n, proof.commitment2],
      [-c, statement.value2],
    ]),
  ];
}

export function verifyChaumPedersen(
  group: Group,
  tag: DomainTag,
  context: ProofContext,
  statement: EqualLogsStatement,
  proof: ChaumPedersenProof
): boolean {
  return allHoldUnsafe(group, chaumPedersenEquations(group, tag, context, statement, proof));
}

/** Spec §5.2 encoding: A₁ ‖ A₂ ‖ z, 96 bytes (points per spec §2.3, scalar per spec §2.2). */
export function encodeChaumPedersenProof(group: Group, proof: ChaumPedersenProof): Uint8Array {
  return concatBytes(
    group.encodePoint(proof.commitment1),
    group.encodePoint(proof.commitment2),
    encodeScalar(proof.response)
  );
}

/**
 * Decodes A₁ ‖ A₂ ‖ z. Throws GroupError on a wrong length, a non-canonical point, an identity A₁
 * or a response ≥ ℓ. A₂ may be the identity: B₂ is a tally's α, which is O when no ballot counts.
 */
export function decodeChaumPedersenProof(group: Group, bytes: Uint8Array): ChaumPedersenProof {
  if (bytes.length !== 2 * POINT_BYTES + SCALAR_BYTES) {
    throw new GroupError(
      'group/wrong-length',
      `a Chaum–Pedersen proof is 96 bytes, got ${bytes.length}`
    );
  }
  return {
    commitment1: group.decodePoint(bytes.subarray(0, POINT_BYTES)),
    commitment2: group.decodePoint(bytes.subarray(POINT_BYTES, 2 * POINT_BYTES), {
      allowIdentity: true,
    }),
    response: decodeScalar(bytes.subarray(2 * POINT_BYTES)),
  };
}
