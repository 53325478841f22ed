/**
 * @module What a trustee does (spec §7–§8): create a ceremony key, deal shares, check the shares
 * dealt to it (complaining about bad ones), derive its secret share once the ceremony concludes,
 * and post decryption shares for the tally. Every message is signed with the ceremony key.
 */
import {
  type CeremonyResult,
  type DecryptionTarget,
  type Dealing,
  type Group,
  type TrusteeKeyPair,
  aggregateBindings,
  createDecryptionShares,
  decodeCiphertext,
  createTrusteeKey,
  dealShares,
  deriveSecretShare,
  fileComplaint,
  hexToBytes,
  receiveShare,
  utf8,
} from '@scrutineer/crypto';
import {
  type EventBody,
  type Manifest,
  ceremonyParameters,
  decodeCommitmentsBody,
  decodeSharesBody,
  decryptionCheckpointOf,
  encodeCommitmentsBody,
  encodeComplaintBody,
  encodeDecryptionBody,
  encodeSharesBody,
  manifestHash,
  signStatement,
  trusteeKeysOf,
  trusteeMessage,
} from '@scrutineer/record';

/** Spec §7.2: a trustee's ceremony key, with a proof of possession bound to the election id. */
export function createCeremonyKey(group: Group, electionId: string, index: number): TrusteeKeyPair {
  return createTrusteeKey(group, utf8(electionId), index);
}

/** Signs a trustee's board message (spec §9.5) and returns the signed body. */
export function signTrusteeBody<
  T extends
    | 'trustee-commitments'
    | 'trustee-shares'
    | 'trustee-complaint'
    | 'decryption-share'
    | 'rehearsal-share',
>(
  group: Group,
  manifest: Manifest,
  key: TrusteeKeyPair,
  type: T,
  body: Omit<EventBody<T>, 'signature'>
): EventBody<T> {
  const signature = signStatement(
    group,
    manifestHash(manifest),
    key.secretKey,
    trusteeMessage(type, body)
  );
  return { ...body, signature } as EventBody<T>;
}

/** Spec §7.3–§7.4: deal this trustee's polynomial; the two bodies go on the board. */
export function dealCeremonyShares(
  group: Group,
  manifest: Manifest,
  key: TrusteeKeyPair
): {
  readonly dealing: Dealing;
  readonly commitments: EventBody<'trustee-commitments'>;
  readonly shares: EventBody<'trustee-shares'>;
} {
  const dealer = key.publicKey.trustee;
  const dealing = dealShares(
    group,
    ceremonyParameters(manifest),
    dealer,
    trusteeKeysOf(group, manifest)
  );
  return {
    dealing,
    commitments: signTrusteeBody(
      group,
      manifest,
      key,
      'trustee-commitments',
      encodeCommitmentsBody(group, dealing.commitments)
    ),
    shares: signTrusteeBody(
      group,
      manifest,
      key,
      'trustee-shares',
      encodeSharesBody(group, dealer, dealing.encryptedShares)
    ),
  };
}

/**
 * Spec §7.4–§7.5: opens every share dealt to this trustee and checks it against its dealer's
 * commitments. Returns the good shares (dealer → sᵢₗ, own share included) and a signed complaint
 * body for each bad one.
 */
export function checkReceivedShares(
  group: Group,
  manifest: Manifest,
  key: TrusteeKeyPair,
  /** Only sᵢᵢ is needed, which a resuming trustee keeps (not the rest of its polynomial). */
  ownDealing: Pick<Dealing, 'ownShare'>,
  commitmentBodies: readonly EventBody<'trustee-commitments'>[],
  shareBodies: readonly EventBody<'trustee-shares'>[]
): { readonly shares: Map<number, bigint>; readonly complaints: EventBody<'trustee-complaint'>[] } {
  const parameters = ceremonyParameters(manifest);
  const me = key.publicKey.trustee;
  const shares = new Map<number, bigint>([[me, ownDealing.ownShare]]);
  const complaints: EventBody<'trustee-complaint'>[] = [];
  for (const body of shareBodies) {
    if (body.trustee === me) continue;
    const encrypted = decodeSharesBody(group, body).find((s) => s.recipient === me);
    const commitmentsBody = commitmentBodies.find((c) => c.trustee === body.trustee);
    if (encrypted === undefined || commitmentsBody === undefined) continue; // the dealer is disqualified publicly
    const opened = receiveShare(
      group,
      parameters,
      key,
      decodeCommitmentsBody(group, commitmentsBody),
      encrypted
    );
    if (opened.ok) {
      shares.set(body.trustee, opened.value);
    } else {
      const complaint = fileComplaint(group, parameters, key.secretKey, key.publicKey, encrypted);
      complaints.push(
        signTrusteeBody(
          group,
          manifest,
          key,
          'trustee-complaint',
          encodeComplaintBody(group, complaint)
        )
      );
    }
  }
  return { shares, complaints };
}

/** Spec §7.6: this trustee's secret share xₗ over the qualified dealers. */
export function finishCeremony(
  group: Group,
  result: CeremonyResult,
  trustee: number,
  shares: ReadonlyMap<number, bigint>
): bigint {
  return deriveSecretShare(group, result, trustee, shares);
}

/** Spec §8.1: the aggregates of an `encrypted-tally` as decryption targets, in (contest, option) order. */
export function tallyTargets(
  group: Group,
  tally: EventBody<'encrypted-tally'>
): DecryptionTarget[] {
  return tally.contests.flatMap((contest, c) =>
    contest.options.map((hex, j) => ({
      ciphertext: decodeCiphertext(group, hexToBytes(hex), { allowIdentity: true }),
      bindings: aggregateBindings(c, j),
    }))
  );
}

/** Spec §8.1: the tally has one aggregate per option of every contest of the manifest. */
export function tallyHasManifestShape(
  manifest: Manifest,
  tally: EventBody<'encrypted-tally'>
): boolean {
  return (
    tally.contests.length === manifest.contests.length &&
    manifest.contests.every((c, i) => tally.contests[i]?.options.length === c.candidates.length)
  );
}

/**
 * Spec §8.2: this trustee's decryption shares of the tally, signed, as a board body. `checkpoint`
 * is the signed board checkpoint (§10.3) whose log prefix holds this tally, which the caller has
 * checked (apps/cli trustee decrypt: against a value compared out of band, and V1–V7 on the
 * prefix); the proofs bind it.
 */
export function decryptTally(
  group: Group,
  manifest: Manifest,
  baseHash: Uint8Array,
  key: TrusteeKeyPair,
  secretShare: bigint,
  tally: EventBody<'encrypted-tally'>,
  checkpoint: { readonly size: number; readonly root: string }
): EventBody<'decryption-share'> {
  if (!tallyHasManifestShape(manifest, tally))
    throw new Error('the tally does not have one aggregate per option of the manifest');
  const trustee = key.publicKey.trustee;
  const bound = decryptionCheckpointOf({ checkpoint });
  const shares = createDecryptionShares(
    group,
    baseHash,
    { trustee, secretShare, checkpoint: bound },
    tallyTargets(group, tally)
  );
  const body = encodeDecryptionBody(
    group,
    trustee,
    bound,
    shares,
    tally.contests.map((c) => c.options.length)
  );
  return signTrusteeBody(group, manifest, key, 'decryption-share', body);
}
