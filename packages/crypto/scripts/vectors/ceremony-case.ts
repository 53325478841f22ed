/**
 * @module The shape of a `key-ceremony` vector case (spec §7) and its check: every value is
 * re-derived from the file alone (proofs verify, shares decrypt with the listed key, verdicts and
 * the result are recomputed). Used by ceremony.ts, which generates the cases.
 */
import assert from 'node:assert/strict';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import {
  type CeremonyParameters,
  type CeremonyResult,
  type CoefficientCommitments,
  DomainTag,
  type EncryptedShare,
  type Group,
  type Point,
  type ShareComplaint,
  type TrusteePublicKey,
  addScalars,
  bytesToHex,
  complaintProofContext,
  coefficientProofContext,
  concludeCeremony,
  decodeCoefficientCommitments,
  decodeEncryptedShare,
  decodeShareComplaint,
  decodeTrusteePublicKey,
  encodeScalar,
  encodeU64,
  evaluatePolynomial,
  frameParts,
  hexToBytes,
  judgeComplaint,
  sha512,
  trusteeKeyProofContext,
  utf8,
  verifyCoefficientCommitments,
  verifyTrusteeKey,
} from '../../src/index.ts';
import { ceremonyHeader } from '../../src/ceremony/ceremony-parameters.ts';
import { shareAssociatedData } from '../../src/ceremony/share-encryption.ts';
import { casesOf, challengeInputHex, pointHex, readScalar, scalarHex } from './vector-file.ts';

/** One encrypted share (M3) with everything needed to redo eq. (7.6)–(7.8) by hand. */
export interface ShareCase {
  readonly dealer: string;
  readonly recipient: string;
  /** The scalar encrypted: fᵢ(l), or fᵢ(l) + 1 where the dealer cheats. */
  readonly share: string;
  readonly ephemeralSecret: string;
  /** S = y·Eₗ = eₗ·Y. */
  readonly sharedPoint: string;
  /** eq. (7.6): the exact SHA-512 input; key = digest[0..32), nonce = digest[32..44). */
  readonly keyDerivationInput: string;
  readonly key: string;
  readonly nonce: string;
  /** eq. (7.7). */
  readonly associatedData: string;
  /** M3: u32le dealer ‖ u32le recipient ‖ Y ‖ ChaCha20-Poly1305 ciphertext (48 bytes). */
  readonly message: string;
}

export interface CeremonyCase {
  readonly name: string;
  /** utf8(electionId): the context of the keys' proofs of possession (§7.2). */
  readonly keyContext: string;
  /** The ceremony context, the manifest hash (§7.1). */
  readonly context: string;
  readonly trusteeCount: string;
  readonly threshold: string;
  /** Trustee l at position l−1: its secret key and M1, with the exact challenge input of its proof. */
  readonly trustees: readonly {
    readonly secretKey: string;
    readonly challengeInput: string;
    readonly message: string;
  }[];
  /** Dealer i at position i−1: its polynomial and M2. */
  readonly dealers: readonly {
    readonly coefficients: readonly string[];
    readonly challengeInput: string;
    readonly message: string;
  }[];
  readonly shares: readonly ShareCase[];
  /** M4 and the §7.5 verdict on it. */
  readonly complaints: readonly {
    readonly challengeInput: string;
    readonly message: string;
    readonly faulty: string;
    readonly code: string;
  }[];
  readonly result: {
    readonly qualified: readonly string[];
    readonly disqualified: readonly { readonly dealer: string; readonly code: string }[];
    readonly electionKey: string;
    readonly verificationKeys: readonly string[];
    /** xₗ = Σ_{i∈Q} sᵢₗ for l = 1..n. */
    readonly secretShares: readonly string[];
  };
}

export function keyDerivationInput(
  group: Group,
  parameters: CeremonyParameters,
  share: EncryptedShare,
  recipientKey: Point,
  sharedPoint: Uint8Array
): Uint8Array {
  return frameParts([
    utf8(DomainTag.shareEncryptionKey),
    parameters.context,
    ...ceremonyHeader(parameters),
    encodeU64(share.dealer),
    encodeU64(share.recipient),
    group.encodePoint(recipientKey),
    group.encodePoint(share.ephemeralKey),
    sharedPoint,
  ]);
}

export const keyChallengeInput = (
  group: Group,
  keyContext: Uint8Array,
  key: TrusteePublicKey
): string =>
  challengeInputHex(DomainTag.ceremonyKeyProof, keyContext, [
    ...trusteeKeyProofContext(keyContext, key.trustee).bindings,
    ...[key.publicKey, key.proof.commitment].map((p) => group.encodePoint(p)),
  ]);

export const coefficientChallengeInput = (
  group: Group,
  parameters: CeremonyParameters,
  message: CoefficientCommitments
): string =>
  challengeInputHex(DomainTag.coefficientProof, parameters.context, [
    ...coefficientProofContext(group, parameters, message.dealer, message.commitments).bindings,
    ...[message.commitments[0] ?? group.identity, message.proof.commitment].map((p) =>
      group.encodePoint(p)
    ),
  ]);

export const complaintChallengeInput = (
  group: Group,
  parameters: CeremonyParameters,
  complaint: ShareComplaint,
  share: EncryptedShare,
  recipientKey: Point
): string =>
  challengeInputHex(DomainTag.shareComplaintProof, parameters.context, [
    ...complaintProofContext(parameters, share).bindings,
    ...[
      group.generator,
      recipientKey,
      share.ephemeralKey,
      complaint.sharedPoint,
      complaint.proof.commitment1,
      complaint.proof.commitment2,
    ].map((p) => group.encodePoint(p)),
  ]);

export function shareFor(
  shares: readonly EncryptedShare[],
  complaint: ShareComplaint
): EncryptedShare {
  const share = shares.find(
    (s) => s.dealer === complaint.dealer && s.recipient === complaint.recipient
  );
  assert.ok(share, 'a complaint names a published share');
  return share;
}

export function resultCase(
  group: Group,
  result: CeremonyResult,
  secretShares: readonly bigint[]
): CeremonyCase['result'] {
  return {
    qualified: result.qualified.map(String),
    disqualified: result.disqualified.map((d) => ({ dealer: String(d.dealer), code: d.code })),
    electionKey: pointHex(group, result.electionKey),
    verificationKeys: result.verificationKeys.map((v) => pointHex(group, v)),
    secretShares: secretShares.map(scalarHex),
  };
}

export function checkCeremonyVectors(content: unknown, group: Group): void {
  for (const c of casesOf<CeremonyCase>(content)) {
    const parameters: CeremonyParameters = {
      context: hexToBytes(c.context),
      trusteeCount: Number(c.trusteeCount),
      threshold: Number(c.threshold),
    };
    const keyContext = hexToBytes(c.keyContext);
    const n = parameters.trusteeCount;
    const keys = c.trustees.map((t, position) => {
      const key = decodeTrusteePublicKey(group, n, hexToBytes(t.message));
      assert.equal(key.trustee, position + 1, c.name);
      assert.ok(group.equals(key.publicKey, group.multiplyBase(readScalar(t.secretKey))), c.name);
      assert.ok(verifyTrusteeKey(group, keyContext, key), c.name);
      assert.equal(keyChallengeInput(group, keyContext, key), t.challengeInput, c.name);
      return key;
    });
    const keyOf = (l: number): Point => keys[l - 1]?.publicKey ?? group.identity;
    const commitments = c.dealers.map((d, position) => {
      const message = decodeCoefficientCommitments(group, parameters, hexToBytes(d.message));
      assert.equal(message.dealer, position + 1, c.name);
      d.coefficients.forEach((a, j) => {
        assert.ok(
          group.equals(message.commitments[j] ?? group.identity, group.multiplyBase(readScalar(a))),
          c.name
        );
      });
      assert.ok(verifyCoefficientCommitments(group, parameters, message), c.name);
      assert.equal(coefficientChallengeInput(group, parameters, message), d.challengeInput, c.name);
      return message;
    });
    const encryptedShares = c.shares.map((s) => {
      const share = decodeEncryptedShare(group, parameters, hexToBytes(s.message));
      const y = readScalar(s.ephemeralSecret);
      const recipientSecret = readScalar(c.trustees[share.recipient - 1]?.secretKey ?? '');
      assert.ok(group.equals(share.ephemeralKey, group.multiplyBase(y)), c.name);
      assert.equal(
        pointHex(group, group.multiply(share.ephemeralKey, recipientSecret)),
        s.sharedPoint,
        c.name
      );
      const derivation = keyDerivationInput(
        group,
        parameters,
        share,
        keyOf(share.recipient),
        hexToBytes(s.sharedPoint)
      );
      assert.equal(bytesToHex(derivation), s.keyDerivationInput, c.name);
      const digest = sha512(derivation);
      assert.equal(bytesToHex(digest.slice(0, 32)), s.key, c.name);
      assert.equal(bytesToHex(digest.slice(32, 44)), s.nonce, c.name);
      assert.equal(bytesToHex(shareAssociatedData(parameters, share)), s.associatedData, c.name);
      const plaintext = chacha20poly1305(
        hexToBytes(s.key),
        hexToBytes(s.nonce),
        hexToBytes(s.associatedData)
      ).decrypt(share.ciphertext);
      assert.equal(bytesToHex(plaintext), s.share, c.name);
      return share;
    });
    const complaints = c.complaints.map((entry) => {
      const complaint = decodeShareComplaint(group, parameters, hexToBytes(entry.message));
      const encryptedShare = shareFor(encryptedShares, complaint);
      const dealerCommitments = commitments[complaint.dealer - 1];
      const recipientKey = keys[complaint.recipient - 1];
      assert.ok(dealerCommitments && recipientKey, c.name);
      const verdict = judgeComplaint(group, parameters, {
        complaint,
        encryptedShare,
        dealerCommitments,
        recipientKey,
      });
      assert.deepEqual([verdict.faulty, verdict.code], [entry.faulty, entry.code], c.name);
      assert.equal(
        complaintChallengeInput(
          group,
          parameters,
          complaint,
          encryptedShare,
          recipientKey.publicKey
        ),
        entry.challengeInput,
        c.name
      );
      return complaint;
    });
    const outcome = concludeCeremony(group, parameters, {
      trusteeKeys: keys,
      commitments,
      encryptedShares,
      complaints,
    });
    assert.ok(outcome.ok, c.name);
    // xₗ = Σ_{i∈Q} sᵢₗ from the listed plaintext shares (sₗₗ = fₗ(l)), and xₗ·G = Vₗ.
    const secretShares = keys.map(({ trustee: l }) =>
      outcome.value.qualified.reduce((sum, i) => {
        const listed = c.shares.find((s) => s.dealer === String(i) && s.recipient === String(l));
        const own = { coefficients: (c.dealers[i - 1]?.coefficients ?? []).map(readScalar) };
        return addScalars(sum, listed ? readScalar(listed.share) : evaluatePolynomial(own, l));
      }, 0n)
    );
    assert.deepEqual(resultCase(group, outcome.value, secretShares), c.result, c.name);
    secretShares.forEach((x, position) => {
      assert.ok(
        group.equals(
          group.multiplyBase(x),
          outcome.value.verificationKeys[position] ?? group.identity
        ),
        c.name
      );
      assert.equal(bytesToHex(encodeScalar(x)), c.result.secretShares[position], c.name);
    });
  }
}
