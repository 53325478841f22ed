/**
 * @module A dealer's published coefficient commitments (spec §7.3, message M2) and what anyone
 * derives from them: the Feldman check of a share (§7.4), the joint election key and each
 * trustee's verification key (§7.6).
 */
import { concatBytes, encodeU32 } from '../bytes.ts';
import type { Group, Point } from '../group.ts';
import { DomainTag } from '../hash.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  type SchnorrProof,
  decodeSchnorrProof,
  encodeSchnorrProof,
  proveSchnorrWithNonce,
  verifySchnorr,
} from '../proofs/schnorr.ts';
import { randomScalar } from '../scalar.ts';
import {
  CeremonyError,
  type CeremonyParameters,
  assertTrusteeIndex,
  ceremonyProofContext,
  validateCeremonyParameters,
} from './ceremony-parameters.ts';
import { MessageReader } from './message-reader.ts';
import {
  type Polynomial,
  type ScalarSource,
  commitPolynomial,
  evaluateCommitmentsUnsafe,
} from './polynomial.ts';

/** Spec §7.7 M2: dealer i's commitments Cᵢ₀…Cᵢ,ₖ₋₁ and a proof of knowledge of aᵢ₀. */
export interface CoefficientCommitments {
  readonly dealer: number;
  /** Cᵢⱼ = aᵢⱼ·G for j = 0…k−1; Cᵢ₀ is the dealer's contribution to K. */
  readonly commitments: readonly Point[];
  /** Schnorr proof of knowledge of log_G Cᵢ₀ under {@link DomainTag.coefficientProof}. */
  readonly proof: SchnorrProof;
}

/**
 * Spec §7.3 eq. (7.4): the proof's context: h = ceremony context, bindings = (u64le n, u64le k,
 * u64le i, Cᵢ₁, …, Cᵢ,ₖ₋₁). Cᵢ₀ and the nonce commitment follow as the §5.1 statement, so the challenge
 * covers every commitment, the dealer's index and the ceremony: the proof cannot be replayed by
 * another trustee, in another election, or with other higher coefficients.
 */
export function coefficientProofContext(
  group: Group,
  parameters: CeremonyParameters,
  dealer: number,
  commitments: readonly Point[]
): ProofContext {
  return ceremonyProofContext(
    parameters,
    [dealer],
    commitments.slice(1).map((c) => group.encodePoint(c))
  );
}

/** Spec §7.3 step 2: commits to the dealer's polynomial and proves knowledge of aᵢ₀. */
export function commitCoefficients(
  group: Group,
  parameters: CeremonyParameters,
  dealer: number,
  polynomial: Polynomial,
  source: ScalarSource = randomScalar
): CoefficientCommitments {
  validateCeremonyParameters(parameters);
  assertTrusteeIndex(parameters, dealer, 'dealer');
  if (polynomial.coefficients.length !== parameters.threshold) {
    throw new CeremonyError(
      'ceremony/wrong-commitment-count',
      'the polynomial must have k coefficients'
    );
  }
  const commitments = commitPolynomial(group, polynomial);
  const context = coefficientProofContext(group, parameters, dealer, commitments);
  const secret = polynomial.coefficients[0] as bigint;
  const proof = proveSchnorrWithNonce(group, context, secret, source(), DomainTag.coefficientProof);
  return { dealer, commitments, proof };
}

/** Spec §7.3 check: k commitments, none the identity, and a valid proof for this dealer. */
export function verifyCoefficientCommitments(
  group: Group,
  parameters: CeremonyParameters,
  message: CoefficientCommitments
): boolean {
  const { dealer, commitments, proof } = message;
  if (!Number.isInteger(dealer) || dealer < 1 || dealer > parameters.trusteeCount) return false;
  if (commitments.length !== parameters.threshold) return false;
  if (commitments.some((c) => group.isIdentity(c))) return false;
  const context = coefficientProofContext(group, parameters, dealer, commitments);
  return verifySchnorr(group, context, commitments[0] as Point, proof, DomainTag.coefficientProof);
}

/**
 * Spec §7.4 eq. (7.9), the Feldman check: s·G = Σⱼ l^j·Cᵢⱼ. The secret side s·G is computed in
 * constant time; the public side in variable time.
 */
export function verifyShare(
  group: Group,
  commitments: readonly Point[],
  recipient: number,
  share: bigint
): boolean {
  return group.equals(
    group.multiplyBase(share),
    evaluateCommitmentsUnsafe(group, commitments, recipient)
  );
}

/** Spec §7.6 eq. (7.11): K = Σ_{i∈Q} Cᵢ₀ over the qualified dealers' commitments. */
export function electionKey(group: Group, qualified: readonly CoefficientCommitments[]): Point {
  let key = group.identity;
  for (const message of qualified) key = group.add(key, message.commitments[0] as Point);
  return key;
}

/**
 * Spec §7.6 eq. (7.13): Vₗ = Σ_{i∈Q} Σⱼ l^j·Cᵢⱼ = xₗ·G, from the qualified dealers' commitments
 * alone (variable time: public data). Summing over dealers first costs one k-term evaluation.
 */
export function verificationKeyUnsafe(
  group: Group,
  qualified: readonly CoefficientCommitments[],
  trustee: number
): Point {
  const first = qualified[0];
  if (first === undefined)
    throw new CeremonyError('ceremony/mismatched-messages', 'no qualified dealers');
  const summed = first.commitments.map((_, j) => {
    let sum = group.identity;
    for (const message of qualified) {
      const commitment = message.commitments[j];
      if (commitment === undefined) {
        throw new CeremonyError('ceremony/wrong-commitment-count', 'dealers disagree on k');
      }
      sum = group.add(sum, commitment);
    }
    return sum;
  });
  return evaluateCommitmentsUnsafe(group, summed, trustee);
}

/** Spec §7.7 M2: u32le dealer ‖ u32le k ‖ C₀ ‖ … ‖ Cₖ₋₁ ‖ A ‖ z (72 + 32k bytes). */
export function encodeCoefficientCommitments(
  group: Group,
  message: CoefficientCommitments
): Uint8Array {
  return concatBytes(
    encodeU32(message.dealer),
    encodeU32(message.commitments.length),
    ...message.commitments.map((c) => group.encodePoint(c)),
    encodeSchnorrProof(group, message.proof)
  );
}

/** Decodes M2, refusing a dealer outside 1..n, a count ≠ k, an identity or non-canonical point, z ≥ ℓ. */
export function decodeCoefficientCommitments(
  group: Group,
  parameters: CeremonyParameters,
  bytes: Uint8Array
): CoefficientCommitments {
  const reader = new MessageReader(bytes, 'coefficient commitments');
  const dealer = reader.index(parameters.trusteeCount, 'dealer');
  const count = reader.u32();
  if (count !== parameters.threshold) {
    throw new CeremonyError(
      'ceremony/wrong-commitment-count',
      `expected k = ${parameters.threshold} commitments, got ${count}`
    );
  }
  const commitments: Point[] = [];
  for (let j = 0; j < count; j++) commitments.push(reader.point(group));
  const proof = decodeSchnorrProof(group, reader.bytes(64));
  reader.end();
  return { dealer, commitments, proof };
}
