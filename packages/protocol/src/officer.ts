/**
 * @module What the returning officer's tooling computes from public data (spec §7.6, §9.3, §8):
 * the ceremony's conclusion, the opening hashes, the encrypted tally and the result. Nothing here
 * needs a secret; the verifier recomputes all of it independently.
 */
import {
  type CeremonyResult,
  type Ciphertext,
  type Group,
  addCiphertexts,
  bytesToHex,
  combineDecryptionsUnsafe,
  concludeCeremony,
  decodeCiphertext,
  encodeCiphertext,
  hexToBytes,
  recoverPlaintextsUnsafe,
  zeroCiphertext,
} from '@scrutineer/crypto';
import {
  type Ballot,
  type EventBody,
  type Manifest,
  type Result,
  CredentialListHasher,
  ceremonyParameters,
  computeBaseHash,
  decodeCommitmentsBody,
  decodeComplaintBody,
  decodeDecryptionBody,
  decodeSharesBody,
  err,
  manifestHash,
  ok,
  trusteeKeysOf,
} from '@scrutineer/record';
import { tallyTargets } from './trustee.ts';

/** The published ceremony messages, as board bodies. */
export interface CeremonyBodies {
  readonly commitments: readonly EventBody<'trustee-commitments'>[];
  readonly shares: readonly EventBody<'trustee-shares'>[];
  readonly complaints: readonly EventBody<'trustee-complaint'>[];
}

/** Why the ceremony on the board concludes to no key: the crypto core's code and message. */
export interface CeremonyFault {
  readonly code: string;
  readonly message: string;
}

/** Spec §7.6: concludes the ceremony from the board, or says why it failed (its code and message). */
export function concludeCeremonyFromBodies(
  group: Group,
  manifest: Manifest,
  bodies: CeremonyBodies
): Result<CeremonyResult, CeremonyFault> {
  const outcome = concludeCeremony(group, ceremonyParameters(manifest), {
    trusteeKeys: trusteeKeysOf(group, manifest),
    commitments: bodies.commitments.map((b) => decodeCommitmentsBody(group, b)),
    encryptedShares: bodies.shares.flatMap((b) => decodeSharesBody(group, b)),
    complaints: bodies.complaints.map((b) => decodeComplaintBody(group, b)),
  });
  return outcome.ok ? outcome : err({ code: outcome.error.code, message: outcome.error.message });
}

/** The `election-key` body for a concluded ceremony (spec §9.5). */
export function electionKeyBody(group: Group, result: CeremonyResult): EventBody<'election-key'> {
  return {
    qualified: [...result.qualified],
    publicKey: bytesToHex(group.encodePoint(result.electionKey)),
    verificationKeys: result.verificationKeys.map((v) => bytesToHex(group.encodePoint(v))),
  };
}

/** Spec §9.3: the `election-open` body once the credential list is published. */
export function electionOpenBody(
  manifest: Manifest,
  electionKeyHex: string,
  credentialKeys: Iterable<string>
): EventBody<'election-open'> {
  const hasher = new CredentialListHasher();
  for (const key of credentialKeys) hasher.add(key);
  const credentialListHash = hasher.digestHex();
  return {
    baseHash: computeBaseHash({
      manifestHash: manifestHash(manifest),
      electionKey: electionKeyHex,
      credentialListHash,
      credentialCount: hasher.count,
    }),
    credentialCount: hasher.count,
    credentialListHash,
  };
}

/**
 * Splits a credential list into `credentials` bodies of at most 10,000 keys (spec §9.5), with the
 * postal return commitments aligned with the keys when the postal channel is on (`returns` given).
 */
export function credentialBodies(
  keys: readonly string[],
  returns?: readonly string[],
  perEvent = 10_000
): EventBody<'credentials'>[] {
  if (returns !== undefined && returns.length !== keys.length)
    throw new RangeError('credentials/returns-not-aligned');
  const bodies: EventBody<'credentials'>[] = [];
  for (let i = 0; i < keys.length; i += perEvent)
    bodies.push(
      returns === undefined
        ? { keys: keys.slice(i, i + perEvent) }
        : { keys: keys.slice(i, i + perEvent), returns: returns.slice(i, i + perEvent) }
    );
  return bodies;
}

/** Spec §4.2: the `encrypted-tally` body: per option, the sum of the counted ballots' ciphertexts. */
export function encryptedTallyBody(
  group: Group,
  manifest: Manifest,
  counted: Iterable<Ballot>
): EventBody<'encrypted-tally'> {
  const sums: Ciphertext[][] = manifest.contests.map((c) =>
    c.candidates.map(() => zeroCiphertext(group))
  );
  let ballots = 0;
  for (const ballot of counted) {
    ballots++;
    ballot.contests.forEach((contest, c) =>
      contest.selections.forEach((selection, j) => {
        const row = sums[c];
        const ciphertext = decodeCiphertext(group, hexToBytes(selection.ciphertext), {
          allowIdentity: false,
        });
        if (row !== undefined)
          row[j] = addCiphertexts(group, row[j] ?? zeroCiphertext(group), ciphertext);
      })
    );
  }
  return {
    ballots,
    contests: sums.map((options) => ({
      options: options.map((ct) => bytesToHex(encodeCiphertext(group, ct))),
    })),
  };
}

/** A result computed from the shares: the `election-result` body, who counted, who was left out. */
export interface ComputedResult {
  readonly result: EventBody<'election-result'>;
  readonly trustees: readonly number[];
  readonly faults: readonly string[];
}

/**
 * Spec §8.3–§8.5 and §9.5: combines the trustees' shares (any k valid ones; bad ones are left out
 * and named), decodes the online counts and adds the postal totals.
 */
export function computeResult(
  group: Group,
  manifest: Manifest,
  baseHash: Uint8Array,
  key: EventBody<'election-key'>,
  tally: EventBody<'encrypted-tally'>,
  shareBodies: readonly EventBody<'decryption-share'>[],
  postalTotals: readonly (readonly number[])[]
): Result<ComputedResult, CeremonyFault> {
  const targets = tallyTargets(group, tally);
  const combined = combineDecryptionsUnsafe(group, {
    baseHash,
    threshold: manifest.trustees.threshold,
    verificationKeys: key.verificationKeys.map((v) => group.decodePoint(hexToBytes(v))),
    targets,
    submissions: shareBodies.map((body) => ({
      trustee: body.trustee,
      shares: decodeDecryptionBody(group, body),
    })),
  });
  // Fewer than k valid shares, or a count out of range: no result, and the reason.
  if (!combined.ok) return err({ code: combined.error.code, message: combined.error.message });
  const plaintexts = recoverPlaintextsUnsafe(
    group,
    combined.value.plaintextPoints,
    BigInt(tally.ballots)
  );
  if (!plaintexts.ok)
    return err({ code: plaintexts.error.code, message: plaintexts.error.message });
  let next = 0;
  const result = {
    contests: tally.contests.map((contest, c) => ({
      options: contest.options.map((_, j) => {
        const online = Number(plaintexts.value[next++]);
        const postal = postalTotals[c]?.[j] ?? 0;
        return { online, postal, total: online + postal };
      }),
    })),
  };
  return ok({
    result,
    trustees: combined.value.trustees,
    faults: combined.value.faults.map((f) => `trustee ${f.trustee}: ${f.code}: ${f.message}`),
  });
}
