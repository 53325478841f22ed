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
  scaleCiphertext,
  zeroCiphertext,
} from '@scrutineer/crypto';
import {
  type Ballot,
  type EventBody,
  type Manifest,
  type Result,
  CredentialListHasher,
  ballotContestIndexes,
  ceremonyParameters,
  computeBaseHash,
  decodeCommitmentsBody,
  decodeComplaintBody,
  decodeDecryptionBody,
  decodeSharesBody,
  err,
  manifestHash,
  ok,
  tallyDecryptionBound,
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
  perEvent = 10_000,
  terms: { readonly styles?: readonly string[]; readonly weights?: readonly number[] } = {}
): EventBody<'credentials'>[] {
  if (returns !== undefined && returns.length !== keys.length)
    throw new RangeError('credentials/returns-not-aligned');
  const { styles, weights } = terms;
  if (styles !== undefined && styles.length !== keys.length)
    throw new RangeError('credentials/styles-not-aligned');
  if (weights !== undefined && weights.length !== keys.length)
    throw new RangeError('credentials/weights-not-aligned');
  const bodies: EventBody<'credentials'>[] = [];
  for (let i = 0; i < keys.length; i += perEvent)
    bodies.push({
      keys: keys.slice(i, i + perEvent),
      ...(returns === undefined ? {} : { returns: returns.slice(i, i + perEvent) }),
      // Spec §13.1, §13.4: each key's style and weight, aligned with the keys.
      ...(styles === undefined ? {} : { styles: styles.slice(i, i + perEvent) }),
      ...(weights === undefined ? {} : { weights: weights.slice(i, i + perEvent) }),
    });
  return bodies;
}

/**
 * Spec §4.2, §13.6: sums counted ballots into an `encrypted-tally` body. Each ballot adds its
 * ciphertexts, multiplied by its credential's weight, to the contests it covers (its entries name
 * them with ballot styles); with styles each contest counts its own ballots, with weights the
 * weight of them too.
 */
export class TallyAccumulator {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #sums: Ciphertext[][];
  readonly #ballots: number[];
  readonly #weights: bigint[];
  #count = 0;
  #weight = 0n;

  constructor(group: Group, manifest: Manifest) {
    this.#group = group;
    this.#manifest = manifest;
    this.#sums = manifest.contests.map((c) => c.candidates.map(() => zeroCiphertext(group)));
    this.#ballots = manifest.contests.map(() => 0);
    this.#weights = manifest.contests.map(() => 0n);
  }

  /** Adds one counted ballot (shape-checked) with its credential's weight (1 without weights). */
  add(ballot: Ballot, weight = 1): void {
    const group = this.#group;
    const indexes = ballotContestIndexes(this.#manifest, ballot);
    if (indexes === null) throw new Error('a counted ballot names contests outside the manifest');
    this.#count++;
    this.#weight += BigInt(weight);
    ballot.contests.forEach((contest, e) => {
      const c = indexes[e] as number;
      const row = this.#sums[c];
      if (row === undefined) return;
      this.#ballots[c] = (this.#ballots[c] ?? 0) + 1;
      this.#weights[c] = (this.#weights[c] ?? 0n) + BigInt(weight);
      contest.selections.forEach((selection, j) => {
        const ciphertext = decodeCiphertext(group, hexToBytes(selection.ciphertext), {
          allowIdentity: false,
        });
        row[j] = addCiphertexts(
          group,
          row[j] ?? zeroCiphertext(group),
          scaleCiphertext(group, ciphertext, BigInt(weight))
        );
      });
    });
  }

  body(): EventBody<'encrypted-tally'> {
    const group = this.#group;
    const styled = this.#manifest.styles !== undefined;
    const weighted = this.#manifest.weights !== undefined;
    return {
      ballots: this.#count,
      ...(weighted ? { weight: Number(this.#weight) } : {}),
      contests: this.#sums.map((options, c) => ({
        options: options.map((ct) => bytesToHex(encodeCiphertext(group, ct))),
        ...(styled ? { ballots: this.#ballots[c] ?? 0 } : {}),
        ...(weighted ? { weight: Number(this.#weights[c] ?? 0n) } : {}),
      })),
    };
  }
}

/**
 * Spec §4.2: the `encrypted-tally` body: per option, the sum of the counted ballots' ciphertexts
 * (weighted by `weightOf`, spec §13.6, when the manifest has weights).
 */
export function encryptedTallyBody(
  group: Group,
  manifest: Manifest,
  counted: Iterable<Ballot>,
  weightOf: (credential: string) => number = () => 1
): EventBody<'encrypted-tally'> {
  const tally = new TallyAccumulator(group, manifest);
  for (const ballot of counted) tally.add(ballot, weightOf(ballot.credential));
  return tally.body();
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
    tallyDecryptionBound(tally)
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
