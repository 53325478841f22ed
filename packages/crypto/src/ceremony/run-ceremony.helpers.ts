/**
 * @module TESTS AND VECTORS ONLY: runs a whole key ceremony in one process with seeded
 * randomness, every trustee played honestly except where `cheats` says otherwise. Real trustees
 * each run their own steps (key-ceremony.ts) on their own machines.
 */
import { utf8 } from '../bytes.ts';
import type { Group } from '../group.ts';
import { addScalars } from '../scalar.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import type { CeremonyParameters } from './ceremony-parameters.ts';
import { type ShareComplaint, fileComplaint } from './complaint.ts';
import {
  type CeremonyOutcome,
  type CeremonyTranscript,
  concludeCeremony,
} from './conclude-ceremony.ts';
import { type Dealing, dealShares, deriveSecretShare, receiveShare } from './key-ceremony.ts';
import { evaluatePolynomial } from './polynomial.ts';
import { type EncryptedShare, encryptShare } from './share-encryption.ts';
import { type TrusteeKeyPair, createTrusteeKey, verifyTrusteeKey } from './trustee-key.ts';

/** The key context of every simulated election: utf8(electionId) (spec §7.2). */
export const TEST_KEY_CONTEXT = utf8('scrutineer-test-election');

export interface Cheats {
  /** Dealer sends recipient f(recipient) + 1, properly encrypted: the Feldman check fails. */
  readonly badShares?: readonly { readonly dealer: number; readonly recipient: number }[];
  /** Complainer complains about a share that is in fact fine. */
  readonly falseComplaints?: readonly { readonly complainer: number; readonly dealer: number }[];
}

export interface CeremonyRun {
  readonly keyPairs: readonly TrusteeKeyPair[];
  readonly dealings: readonly Dealing[];
  readonly transcript: CeremonyTranscript;
  readonly outcome: CeremonyOutcome;
  /** xₗ for each trustee l (position l−1), when the ceremony succeeded. */
  readonly secretShares: readonly bigint[];
}

export function runCeremony(
  group: Group,
  parameters: CeremonyParameters,
  seed: string,
  cheats: Cheats = {}
): CeremonyRun {
  const random = createSeededRandom(seed);
  const source = (): bigint => random.scalar();
  const n = parameters.trusteeCount;
  const trustees = Array.from({ length: n }, (_, i) => i + 1);
  const keyPairs = trustees.map((l) => createTrusteeKey(group, TEST_KEY_CONTEXT, l, source));
  const trusteeKeys = keyPairs.map((pair) => pair.publicKey);
  // Setup (spec §7.2): every proof of possession is checked before the manifest lists the keys.
  if (!trusteeKeys.every((key) => verifyTrusteeKey(group, TEST_KEY_CONTEXT, key)))
    throw new Error('bad key');
  const dealings = trustees.map((i) => dealShares(group, parameters, i, trusteeKeys, source));

  const encryptedShares: EncryptedShare[] = dealings.flatMap((dealing, position) =>
    dealing.encryptedShares.map((share) => {
      const bad = cheats.badShares?.some(
        (c) => c.dealer === position + 1 && c.recipient === share.recipient
      );
      if (bad !== true) return share;
      const key = trusteeKeys[share.recipient - 1];
      if (key === undefined) throw new Error('no key');
      const wrong = addScalars(evaluatePolynomial(dealing.polynomial, share.recipient), 1n);
      return encryptShare(group, parameters, share, key.publicKey, wrong, source);
    })
  );

  // Each recipient opens its shares, keeps the good ones and complains about the bad ones.
  const complaints: ShareComplaint[] = [];
  const received = trustees.map(
    (l) => new Map<number, bigint>([[l, dealings[l - 1]?.ownShare ?? 0n]])
  );
  for (const share of encryptedShares) {
    const recipient = keyPairs[share.recipient - 1] as TrusteeKeyPair;
    const commitments = (dealings[share.dealer - 1] as Dealing).commitments;
    const opened = receiveShare(group, parameters, recipient, commitments, share);
    const falseComplaint = cheats.falseComplaints?.some(
      (c) => c.complainer === share.recipient && c.dealer === share.dealer
    );
    if (opened.ok) received[share.recipient - 1]?.set(share.dealer, opened.value);
    if (!opened.ok || falseComplaint === true) {
      complaints.push(
        fileComplaint(group, parameters, recipient.secretKey, recipient.publicKey, share, source)
      );
    }
  }

  const transcript: CeremonyTranscript = {
    trusteeKeys,
    commitments: dealings.map((d) => d.commitments),
    encryptedShares,
    complaints,
  };
  const outcome = concludeCeremony(group, parameters, transcript);
  const secretShares = outcome.ok
    ? trustees.map((l) =>
        deriveSecretShare(group, outcome.value, l, received[l - 1] as Map<number, bigint>)
      )
    : [];
  return { keyPairs, dealings, transcript, outcome, secretShares };
}

/** `items[index]`, failing the test if it is absent (tests use this, not non-null assertions). */
export function at<T>(items: readonly T[], index: number): T {
  return defined(items[index], `item ${index}`);
}

/** `value`, failing the test if it is undefined. */
export function defined<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`test expected ${what} to be present`);
  return value;
}
