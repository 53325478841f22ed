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
  CredentialListHasher,
  ceremonyParameters,
  computeBaseHash,
  decodeCommitmentsBody,
  decodeComplaintBody,
  decodeDecryptionBody,
  decodeSharesBody,
  manifestHash,
  trusteeKeysOf,
} from '@scrutineer/record';
import { tallyTargets } from './trustee.ts';

/** The published ceremony messages, as board bodies. */
export interface CeremonyBodies {
  readonly commitments: readonly EventBody<'trustee-commitments'>[];
  readonly shares: readonly EventBody<'trustee-shares'>[];
  readonly complaints: readonly EventBody<'trustee-complaint'>[];
}

export class ProtocolError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'ProtocolError';
    this.code = code;
  }
}

/** Spec §7.6: concludes the ceremony from the board; throws ProtocolError if it failed. */
export function concludeCeremonyFromBodies(
  group: Group,
  manifest: Manifest,
  bodies: CeremonyBodies
): CeremonyResult {
  const outcome = concludeCeremony(group, ceremonyParameters(manifest), {
    trusteeKeys: trusteeKeysOf(group, manifest),
    commitments: bodies.commitments.map((b) => decodeCommitmentsBody(group, b)),
    encryptedShares: bodies.shares.flatMap((b) => decodeSharesBody(group, b)),
    complaints: bodies.complaints.map((b) => decodeComplaintBody(group, b)),
  });
  if (!outcome.ok) throw new ProtocolError(outcome.error.code, outcome.error.message);
  return outcome.value;
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
): {
  readonly result: EventBody<'election-result'>;
  readonly trustees: readonly number[];
  readonly faults: readonly string[];
} {
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
  if (!combined.ok) throw new ProtocolError(combined.error.code, combined.error.message);
  const plaintexts = recoverPlaintextsUnsafe(
    group,
    combined.value.plaintextPoints,
    BigInt(tally.ballots)
  );
  if (!plaintexts.ok) throw new ProtocolError(plaintexts.error.code, plaintexts.error.message);
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
  return {
    result,
    trustees: combined.value.trustees,
    faults: combined.value.faults.map((f) => `trustee ${f.trustee}: ${f.code}: ${f.message}`),
  };
}
