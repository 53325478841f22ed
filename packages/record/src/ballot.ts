/**
 * @module Ballots (spec §9.4): the wire form a voter's device sends and the board publishes, its
 * signing message and its tracker. Cryptographic validity (proofs, signature) is the verifier's
 * job; this module fixes the shape and the bytes everyone hashes.
 */
import { z } from 'zod';
import {
  MAX_RANKED_CANDIDATES,
  bytesToHex,
  frameParts,
  hexToBytes,
  sha256,
  utf8,
  RecordTag,
} from '@scrutineer/crypto';
import { canonicalBytes } from './canonical-json.ts';
import { hexBytes, recordErrorFromZod } from './hex.ts';
import { textSchema } from './text.ts';
import { type Manifest, isRankedContest } from './manifest.ts';
import { rankedEntrySchema } from './ranked-events.ts';
import { type RecordError, type Result, err, ok, recordError } from './result.ts';

/** A range proof on the wire: the hex of its spec §5.3 encoding, 128 bytes a branch, ≤ 101 branches. */
const rangeProofHex = z
  .string()
  .max(256 * 101)
  .regex(/^(?:[0-9a-f]{256})+$/, 'a range proof is lower-case hex, 128 bytes a branch');

export const selectionSchema = z.strictObject({ ciphertext: hexBytes(64), proof: rangeProofHex });

/** Spec §13.2: with ballot styles, each contest entry names its contest (absent otherwise). */
const contestIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
  .optional();

/**
 * Spec §9.4: a contest entry. A homomorphic contest's has one 0/1 selection per candidate and the
 * total's proof; a ranked contest's (§11.2) has no selections (`[]`, so every reader of selections
 * sees none) and `ranked`: n + 1 position ciphertexts and the ranking proof.
 */
const ballotEntrySchema = z
  .strictObject({
    contest: contestIdSchema,
    selections: z.array(selectionSchema).max(50),
    totalProof: rangeProofHex.optional(),
    ranked: rankedEntrySchema.optional(),
  })
  .refine(
    (e) =>
      e.ranked === undefined
        ? e.totalProof !== undefined
        : e.totalProof === undefined && e.selections.length === 0,
    { message: 'an entry has selections and totalProof, or (ranked) empty selections and ranked' }
  );

export const ballotSchema = z.strictObject({
  election: textSchema(0, 64),
  credential: hexBytes(32),
  contests: z.array(ballotEntrySchema).max(20),
  signature: hexBytes(64),
});

/** A ballot exactly as published (spec §9.4). */
export type Ballot = z.infer<typeof ballotSchema>;
/** A ballot before it is signed. */
export type UnsignedBallot = Omit<Ballot, 'signature'>;
/** One contest entry of a ballot: homomorphic (`selections`, `totalProof`) or ranked (`ranked`). */
export type BallotEntry = Ballot['contests'][number];

export const auditedBallotSchema = z.strictObject({
  election: textSchema(0, 64),
  tracker: hexBytes(32),
  contests: z
    .array(
      z
        .strictObject({
          contest: contestIdSchema,
          selections: z
            .array(
              z.strictObject({
                ciphertext: hexBytes(64),
                vote: z.number().int().min(0).max(1),
                randomness: hexBytes(32),
              })
            )
            .max(50),
          // Spec §11.2: a ranked entry (empty selections) opens to its plaintext vector v
          // (eq. (11.0): 1-based candidates, STOP 0, the unranked), with each position's randomness.
          ranked: z
            .strictObject({
              ciphertexts: z
                .array(hexBytes(64))
                .min(2)
                .max(MAX_RANKED_CANDIDATES + 1),
              values: z.array(z.number().int().min(0).max(MAX_RANKED_CANDIDATES)),
              randomness: z.array(hexBytes(32)),
            })
            .refine(
              (r) =>
                r.values.length === r.ciphertexts.length &&
                r.randomness.length === r.ciphertexts.length,
              { message: 'one value and one randomness per position' }
            )
            .optional(),
        })
        .refine((e) => e.ranked === undefined || e.selections.length === 0, {
          message: 'a ranked entry has no selections',
        })
    )
    .max(20),
});

/** A Benaloh-challenged ballot: ciphertexts opened with their randomness, never counted (spec §9.4). */
export type AuditedBallot = z.infer<typeof auditedBallotSchema>;

/** What {@link checkBallotShape} reads of a ballot, cast or audited. */
export interface BallotShape {
  readonly election: string;
  readonly contests: readonly {
    readonly contest?: string | undefined;
    readonly selections: readonly unknown[];
    readonly ranked?: { readonly ciphertexts: readonly unknown[] } | undefined;
  }[];
}

/**
 * Spec §9.4, §13.2: the manifest index of each contest entry of a ballot. Without ballot styles
 * entry c is contest c; with them each entry names its contest. Null if an entry names no contest
 * of the manifest, or the entries are not in strictly increasing manifest order.
 */
export function ballotContestIndexes(manifest: Manifest, ballot: BallotShape): number[] | null {
  if (manifest.styles === undefined) return ballot.contests.map((_, c) => c);
  const indexes: number[] = [];
  for (const entry of ballot.contests) {
    const at = manifest.contests.findIndex((contest) => contest.id === entry.contest);
    if (at < 0 || at <= (indexes.at(-1) ?? -1)) return null;
    indexes.push(at);
  }
  return indexes;
}

/**
 * Checks a ballot names this election and has one entry per contest (with ballot styles: per
 * contest it names, §13.2) and one selection per candidate of that contest (spec §9.4). Whether
 * the contests are the credential's style is V12.1's business (the ballot alone cannot say).
 */
export function checkBallotShape(manifest: Manifest, ballot: BallotShape): RecordError | null {
  if (ballot.election !== manifest.electionId) {
    return recordError(
      'record/wrong-election',
      `ballot is for ${ballot.election}, not ${manifest.electionId}`,
      '/election'
    );
  }
  const styled = manifest.styles !== undefined;
  if (ballot.contests.some((entry) => (entry.contest !== undefined) !== styled))
    return recordError(
      'record/wrong-contest-count',
      styled ? 'with ballot styles every entry names its contest' : 'an entry names a contest',
      '/contests'
    );
  const indexes = ballotContestIndexes(manifest, ballot);
  if (indexes === null)
    return recordError(
      'record/wrong-contest-count',
      'entries must name distinct contests of the manifest, in manifest order',
      '/contests'
    );
  const expected = styled ? indexes.length : manifest.contests.length;
  if (ballot.contests.length !== expected || ballot.contests.length === 0) {
    return recordError(
      'record/wrong-contest-count',
      `expected ${manifest.contests.length} contests, got ${ballot.contests.length}`,
      '/contests'
    );
  }
  for (const [c, at] of indexes.entries()) {
    const contest = manifest.contests[at];
    const entry = ballot.contests[c];
    if (contest === undefined || entry === undefined) continue;
    // Spec §9.4, §11.2: a ranked contest takes a ranked entry of n + 1 ciphertexts, any other a
    // selection per candidate.
    const ranked = entry.ranked !== undefined;
    if (isRankedContest(contest) !== ranked)
      return recordError(
        'record/wrong-entry-kind',
        `contest ${contest.id} is ${isRankedContest(contest) ? '' : 'not '}ranked`,
        `/contests/${c}`
      );
    const got = entry.ranked?.ciphertexts.length ?? entry.selections.length;
    const want = contest.candidates.length + (ranked ? 1 : 0);
    if (got !== want) {
      return recordError(
        'record/wrong-selection-count',
        `contest ${contest.id} needs ${want} ${ranked ? 'position ciphertexts' : 'selections'}, got ${got}`,
        `/contests/${c}/${ranked ? 'ranked/ciphertexts' : 'selections'}`
      );
    }
  }
  return null;
}

/** Spec §9.4: parses an untrusted value as a ballot of this election. */
export function parseBallot(manifest: Manifest, value: unknown): Result<Ballot, RecordError> {
  const parsed = ballotSchema.safeParse(value);
  if (!parsed.success) return err(recordErrorFromZod(parsed.error, 'record/invalid-ballot'));
  const shape = checkBallotShape(manifest, parsed.data);
  return shape === null ? ok(parsed.data) : err(shape);
}

/** Spec §9.4: parses an untrusted value as an audited ballot of this election. */
export function parseAuditedBallot(
  manifest: Manifest,
  value: unknown
): Result<AuditedBallot, RecordError> {
  const parsed = auditedBallotSchema.safeParse(value);
  if (!parsed.success)
    return err(recordErrorFromZod(parsed.error, 'record/invalid-audited-ballot'));
  const shape = checkBallotShape(manifest, parsed.data);
  return shape === null ? ok(parsed.data) : err(shape);
}

/** Spec §9.4: the bytes a credential signs: SHA-256(frame(tag) ‖ frame(canonical unsigned ballot)). */
export function ballotSigningMessage(ballot: UnsignedBallot): Uint8Array {
  const { election, credential, contests } = ballot;
  return sha256(
    frameParts([utf8(RecordTag.ballot), canonicalBytes({ election, credential, contests })])
  );
}

/** What {@link entryCiphertexts} reads of an entry, cast or audited. */
export interface CiphertextsOfEntry {
  readonly selections: readonly { readonly ciphertext: string }[];
  readonly ranked?: { readonly ciphertexts: readonly string[] } | undefined;
}

/** Spec §9.4: an entry's ciphertexts (hex), in option order, or for a ranked entry in position order. */
export function entryCiphertexts(entry: CiphertextsOfEntry): readonly string[] {
  return entry.ranked?.ciphertexts ?? entry.selections.map((s) => s.ciphertext);
}

/**
 * Spec §9.4: the tracker, from the ciphertexts alone, in contest and option order (a ranked
 * entry's n + 1 ciphertexts in position order, §11.2).
 */
export function computeTracker(ballot: {
  readonly contests: readonly CiphertextsOfEntry[];
}): string {
  const parts = [utf8(RecordTag.tracker)];
  for (const contest of ballot.contests) {
    for (const ciphertext of entryCiphertexts(contest)) parts.push(hexToBytes(ciphertext));
  }
  return bytesToHex(sha256(frameParts(parts)));
}
