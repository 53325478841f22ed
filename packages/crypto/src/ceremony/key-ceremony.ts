/**
 * @module A trustee's own steps of the distributed key generation (spec §7.3–§7.6): deal a
 * polynomial, open and check the shares dealt to it, and, once the public conclusion names the
 * qualified dealers, add up its secret share xₗ. The public steps anyone runs are in
 * conclude-ceremony.ts; there is no trusted dealer and no party ever holds the election secret.
 */
import type { Group } from '../group.ts';
import { addScalars, randomScalar } from '../scalar.ts';
import {
  CeremonyError,
  type CeremonyParameters,
  assertTrusteeIndex,
  validateCeremonyParameters,
} from './ceremony-parameters.ts';
import { type CoefficientCommitments, commitCoefficients, verifyShare } from './commitments.ts';
import {
  type Polynomial,
  type ScalarSource,
  evaluatePolynomial,
  randomPolynomial,
} from './polynomial.ts';
import {
  type EncryptedShare,
  type ShareOpening,
  decryptShare,
  encryptShare,
  shareFault,
} from './share-encryption.ts';
import { type TrusteeKey, type TrusteeKeyPair, findInvalidTrusteeKey } from './trustee-key.ts';
import type { CeremonyResult } from './conclude-ceremony.ts';

/** What a dealer keeps (polynomial, own share) and publishes (commitments, encrypted shares). */
export interface Dealing {
  /** Secret: fᵢ. Erase once the ceremony has concluded. */
  readonly polynomial: Polynomial;
  /** Secret: sᵢᵢ = fᵢ(i), the dealer's share of its own polynomial. */
  readonly ownShare: bigint;
  /** Published (M2). */
  readonly commitments: CoefficientCommitments;
  /** Published (M3): one per other trustee, in ascending recipient order. */
  readonly encryptedShares: readonly EncryptedShare[];
}

/**
 * Spec §7.3–§7.4, dealer i: draws fᵢ of degree k−1, commits to it with a proof of knowledge of aᵢ₀,
 * and encrypts sᵢₗ = fᵢ(l) to every other trustee's key.
 * @param trusteeKeys E₁…Eₙ from the manifest, whose proofs of possession were checked at setup.
 * @throws {@link CeremonyError} if `trusteeKeys` is not E₁…Eₙ in order, or has an identity or
 *   repeated key.
 */
export function dealShares(
  group: Group,
  parameters: CeremonyParameters,
  dealer: number,
  trusteeKeys: readonly TrusteeKey[],
  source: ScalarSource = randomScalar
): Dealing {
  validateCeremonyParameters(parameters);
  assertTrusteeIndex(parameters, dealer, 'dealer');
  const invalid = findInvalidTrusteeKey(group, parameters, trusteeKeys);
  if (invalid !== null) {
    throw new CeremonyError(
      'ceremony/invalid-trustee-key',
      `trustee ${invalid}'s key is the identity or repeated`
    );
  }
  const polynomial = randomPolynomial(parameters.threshold, source);
  const commitments = commitCoefficients(group, parameters, dealer, polynomial, source);
  const encryptedShares = trusteeKeys
    .filter((key) => key.trustee !== dealer)
    .map((key) =>
      encryptShare(
        group,
        parameters,
        { dealer, recipient: key.trustee },
        key.publicKey,
        evaluatePolynomial(polynomial, key.trustee),
        source
      )
    );
  return {
    polynomial,
    ownShare: evaluatePolynomial(polynomial, dealer),
    commitments,
    encryptedShares,
  };
}

/**
 * Spec §7.4 step 4, recipient l: decrypts sᵢₗ and runs the Feldman check against dealer i's
 * commitments. On failure the recipient files a complaint (`fileComplaint`, complaint.ts).
 * The commitments' own proof is checked publicly in the conclusion, not here.
 */
export function receiveShare(
  group: Group,
  parameters: CeremonyParameters,
  recipient: TrusteeKeyPair,
  dealerCommitments: CoefficientCommitments,
  encrypted: EncryptedShare
): ShareOpening {
  if (
    encrypted.recipient !== recipient.publicKey.trustee ||
    dealerCommitments.dealer !== encrypted.dealer
  ) {
    throw new CeremonyError(
      'ceremony/mismatched-messages',
      'share, commitments and recipient do not belong together'
    );
  }
  const opened = decryptShare(
    group,
    parameters,
    recipient.secretKey,
    recipient.publicKey.publicKey,
    encrypted
  );
  if (!opened.ok) return opened;
  if (!verifyShare(group, dealerCommitments.commitments, encrypted.recipient, opened.value)) {
    return shareFault(
      'ceremony/share-inconsistent',
      `dealer ${encrypted.dealer}'s share fails the Feldman check`
    );
  }
  return opened;
}

/**
 * Spec §7.6 eq. (7.12), trustee l: xₗ = Σ_{i∈Q} sᵢₗ, over the qualified dealers only (its own sₗₗ
 * included if l ∈ Q), then checks xₗ·G = Vₗ.
 * @param shares dealer index → sᵢₗ (checked with {@link receiveShare}); extra dealers are ignored.
 * @throws {@link CeremonyError} `ceremony/missing-share` if a qualified dealer's share is absent,
 *   `ceremony/secret-share-mismatch` if the sum disagrees with the public Vₗ (a share was accepted
 *   unchecked).
 */
export function deriveSecretShare(
  group: Group,
  result: CeremonyResult,
  trustee: number,
  shares: ReadonlyMap<number, bigint>
): bigint {
  const verificationKey = result.verificationKeys[trustee - 1];
  if (verificationKey === undefined)
    throw new CeremonyError('ceremony/index-out-of-range', `no trustee ${trustee}`);
  let secretShare = 0n;
  for (const dealer of result.qualified) {
    const share = shares.get(dealer);
    if (share === undefined)
      throw new CeremonyError('ceremony/missing-share', `no share from dealer ${dealer}`);
    secretShare = addScalars(secretShare, share);
  }
  if (!group.equals(group.multiplyBase(secretShare), verificationKey)) {
    throw new CeremonyError('ceremony/secret-share-mismatch', `x·G ≠ V for trustee ${trustee}`);
  }
  return secretShare;
}
