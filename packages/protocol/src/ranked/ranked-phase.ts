/**
 * @module The ranked phase's event bodies (spec §11.5–§11.8, §12.7), as each party makes them
 * after the tally has fixed the counted ballots: a mix server's `mix` parts, a trustee's
 * `ranked-decryption-share` parts for one round, the officer's `ranked-rankings` and
 * `ranked-result`. Pure: the caller reads the board and posts the bodies.
 */
import {
  type Ciphertext,
  type CiphertextRow,
  type DecryptionCheckpoint,
  type Group,
  bytesToHex,
  decodeCiphertext,
  decodeDecryptionShare,
  decodeShuffleProof,
  encodeCiphertext,
  encodeDecryptionShare,
  encodeShuffleProof,
  hexToBytes,
} from '@scrutineer/crypto';
import {
  type Ballot,
  type Manifest,
  type MixBody,
  type RankedDecryptionShareBody,
  type RankedResultBody,
  type RankedRankingsBody,
  ballotContestIndexes,
  countRankingsOf,
  isRankedContest,
  mixInputHash,
  mixParts,
  signMix,
} from '@scrutineer/record';
import { countRanked } from '@scrutineer/ranked-count';
import { type MixInput, mixRankedRows } from './mix-cascade.ts';
import { type RankedRound, roundTargets, trusteeRankedShares } from './ranked-decryption.ts';

/** Shares per `ranked-decryption-share` part: ~5 MB of hex. */
export const SHARES_PER_PART = 20_000;

const decodeRow = (group: Group, row: readonly string[]): Ciphertext[] =>
  row.map((hex) => decodeCiphertext(group, hexToBytes(hex), { allowIdentity: false }));
const encodeRow = (group: Group, row: CiphertextRow): string[] =>
  row.map((c) => bytesToHex(encodeCiphertext(group, c)));

/**
 * Spec §11.5: the cascade's input for contest c: the ranked entries of the counted ballots, in
 * board order (the caller passes exactly the counted ballots, as the tally counted them).
 */
export function rankedInputRows(
  group: Group,
  manifest: Manifest,
  counted: readonly Ballot[],
  contest: number
): CiphertextRow[] {
  return rankedInputHex(manifest, counted, contest).map((row) => decodeRow(group, row));
}

/** {@link rankedInputRows} as the ballots hold them: each row's hex ciphertexts, undecoded. */
export function rankedInputHex(
  manifest: Manifest,
  counted: readonly Ballot[],
  contest: number
): (readonly string[])[] {
  return counted.flatMap((ballot) => {
    const e = (ballotContestIndexes(manifest, ballot) ?? []).indexOf(contest);
    const ranked = ballot.contests[e]?.ranked;
    return ranked === undefined ? [] : [ranked.ciphertexts];
  });
}

/** Spec §11.8: a mix's output rows, from its parts joined in order. */
export function mixOutputRows(group: Group, parts: readonly MixBody[]): CiphertextRow[] {
  return parts.flatMap((p) => p.outputs.map((row) => decodeRow(group, row)));
}

/** Mix server m's signing key (spec §9.2.10: the manifest lists its public key). */
export interface MixSigner {
  readonly secretKey: bigint;
  readonly manifestHash: string;
}

/**
 * Spec §11.5, §11.8: mix server m shuffles its input, proves it and signs the whole step with its
 * own key; the `mix` event bodies, in parts.
 */
export function mixBodies(
  group: Group,
  input: MixInput,
  signer: MixSigner,
  rowsPerPart?: number
): MixBody[] {
  return mixBodiesAndOutputs(group, input, signer, rowsPerPart).bodies;
}

/**
 * {@link mixBodies}, with the output rows as the shuffle made them: what the next mix server
 * takes, for a caller that plays the whole cascade and need not decode the parts again (the
 * record generator; {@link mixOutputRows} reads the same rows from the parts).
 */
export function mixBodiesAndOutputs(
  group: Group,
  input: MixInput,
  signer: MixSigner,
  rowsPerPart?: number
): { readonly bodies: MixBody[]; readonly outputs: readonly CiphertextRow[] } {
  const step = mixRankedRows(group, input);
  const statement = {
    contest: input.contest,
    mixer: input.mixer,
    inputHash: bytesToHex(mixInputHash(group, input.contest, input.mixer, input.inputs)),
    outputs: step.outputs.map((row) => encodeRow(group, row)),
    proof: bytesToHex(encodeShuffleProof(group, step.proof)),
  };
  const signature = signMix(group, signer.manifestHash, signer.secretKey, statement);
  return {
    bodies: mixParts({ ...statement, signature }, rowsPerPart),
    outputs: step.outputs,
  };
}

/** Spec §11.4: the proof of a mix, from its parts joined (for a mix server checking its predecessor). */
export function mixProofOf(group: Group, parts: readonly MixBody[], width: number) {
  const rows = parts.reduce((sum, p) => sum + p.outputs.length, 0);
  return decodeShuffleProof(group, hexToBytes(parts.map((p) => p.proof).join('')), rows, width);
}

/** Spec §11.6: trustee l's shares of one round, as `ranked-decryption-share` parts. */
export function rankedShareBodies(
  group: Group,
  baseHash: Uint8Array,
  trustee: {
    readonly trustee: number;
    readonly secretShare: bigint;
    readonly checkpoint: DecryptionCheckpoint;
  },
  round: RankedRound,
  sharesPerPart: number = SHARES_PER_PART
): RankedDecryptionShareBody[] {
  const shares = trusteeRankedShares(group, baseHash, trustee, round).map((s) =>
    bytesToHex(encodeDecryptionShare(group, s))
  );
  return rankedSharePartsOf(round, trustee, shares, sharesPerPart);
}

/**
 * Spec §11.6, §11.8: the parts of one round's shares already made and encoded (hex D1, in target
 * order), e.g. by several threads of a trustee's machine.
 */
export function rankedSharePartsOf(
  round: RankedRound,
  trustee: { readonly trustee: number; readonly checkpoint: DecryptionCheckpoint },
  shares: readonly string[],
  sharesPerPart: number = SHARES_PER_PART
): RankedDecryptionShareBody[] {
  return shareParts(
    {
      contest: round.contest,
      position: round.position,
      trustee: trustee.trustee,
      checkpoint: {
        size: trustee.checkpoint.size,
        root: bytesToHex(trustee.checkpoint.root),
      },
      shares: [...shares],
    },
    sharesPerPart
  );
}

/** Spec §11.8: a trustee's whole round of shares cut into parts of `sharesPerPart` shares. */
export function shareParts(
  whole: Omit<RankedDecryptionShareBody, 'part' | 'parts'>,
  sharesPerPart: number = SHARES_PER_PART
): RankedDecryptionShareBody[] {
  const parts = Math.max(1, Math.ceil(whole.shares.length / sharesPerPart));
  return Array.from({ length: parts }, (_, part) => ({
    ...whole,
    part,
    parts,
    shares: whole.shares.slice(part * sharesPerPart, (part + 1) * sharesPerPart),
  }));
}

/** Spec §11.6: a trustee's submission for the combine, from its parts joined in order. */
export function submissionOf(
  group: Group,
  trustees: number,
  parts: readonly RankedDecryptionShareBody[]
) {
  const first = parts[0];
  if (first === undefined) throw new RangeError('a submission needs its parts');
  const checkpoint = { size: first.checkpoint.size, root: hexToBytes(first.checkpoint.root) };
  return {
    trustee: first.trustee,
    shares: parts.flatMap((p) =>
      p.shares.map((hex) => decodeDecryptionShare(group, trustees, checkpoint, hexToBytes(hex)))
    ),
  };
}

/** Spec §11.6: how many targets a round has (what a trustee's parts must cover). */
export function roundSize(round: RankedRound): number {
  return roundTargets(round).length;
}

/**
 * Spec §12.7: the officer's `ranked-result` for contest c from its published rankings, the postal
 * papers' rankings (§11.8, `postalRankingsOf` of the batches; none by default) and the §12.3.1
 * seed. Both are 1-based; `countRankingsOf` converts them.
 */
export function rankedResultBody(
  manifest: Manifest,
  rankings: RankedRankingsBody,
  seed: string,
  postal: readonly (readonly number[])[] = []
): RankedResultBody {
  const contest = manifest.contests[rankings.contest];
  if (contest === undefined || !isRankedContest(contest))
    throw new RangeError('not a ranked contest');
  const rules = contest.method === 'stv' ? (contest.rules as 'ers97' | 'meek') : null;
  const counted = countRanked({
    method: contest.method,
    ...(rules === null ? {} : { rules }),
    seats: contest.seats ?? 1,
    candidates: contest.candidates.length,
    rankings: countRankingsOf(rankings, postal),
    seed,
  });
  if (!counted.ok) throw new Error(`count: ${counted.error.message}`);
  return {
    contestId: contest.id,
    method: contest.method,
    rules,
    seed,
    sheet: counted.value,
  };
}
