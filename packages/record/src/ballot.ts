/**
 * @module Ballots (spec §9.4): the wire form a voter's device sends and the board publishes, its
 * signing message and its tracker. Cryptographic validity (proofs, signature) is the verifier's
 * job; this module fixes the shape and the bytes everyone hashes.
 */
import { z } from 'zod';
import { bytesToHex, frameParts, hexToBytes, sha256, utf8, RecordTag } from '@scrutineer/crypto';
import { canonicalBytes } from './canonical-json.ts';
import { hexBytes, recordErrorFromZod } from './hex.ts';
import { textSchema } from './text.ts';
import type { Manifest } from './manifest.ts';
import { type RecordError, type Result, err, ok, recordError } from './result.ts';

/** A range proof on the wire: the hex of its spec §5.3 encoding, 128 bytes a branch, ≤ 101 branches. */
const rangeProofHex = z
  .string()
  .max(256 * 101)
  .regex(/^(?:[0-9a-f]{256})+$/, 'a range proof is lower-case hex, 128 bytes a branch');

export const selectionSchema = z.strictObject({ ciphertext: hexBytes(64), proof: rangeProofHex });

export const ballotSchema = z.strictObject({
  election: textSchema(0, 64),
  credential: hexBytes(32),
  contests: z
    .array(
      z.strictObject({ selections: z.array(selectionSchema).max(50), totalProof: rangeProofHex })
    )
    .max(20),
  signature: hexBytes(64),
});

/** A ballot exactly as published (spec §9.4). */
export type Ballot = z.infer<typeof ballotSchema>;
/** A ballot before it is signed. */
export type UnsignedBallot = Omit<Ballot, 'signature'>;

export const auditedBallotSchema = z.strictObject({
  election: textSchema(0, 64),
  tracker: hexBytes(32),
  contests: z
    .array(
      z.strictObject({
        selections: z
          .array(
            z.strictObject({
              ciphertext: hexBytes(64),
              vote: z.number().int().min(0).max(1),
              randomness: hexBytes(32),
            })
          )
          .max(50),
      })
    )
    .max(20),
});

/** A Benaloh-challenged ballot: ciphertexts opened with their randomness, never counted (spec §9.4). */
export type AuditedBallot = z.infer<typeof auditedBallotSchema>;

/**
 * Checks a ballot has one entry per contest and one selection per candidate of the manifest
 * (spec §9.4), and names this election.
 */
export function checkBallotShape(
  manifest: Manifest,
  ballot: {
    readonly election: string;
    readonly contests: readonly { readonly selections: readonly unknown[] }[];
  }
): RecordError | null {
  if (ballot.election !== manifest.electionId) {
    return recordError(
      'record/wrong-election',
      `ballot is for ${ballot.election}, not ${manifest.electionId}`,
      '/election'
    );
  }
  if (ballot.contests.length !== manifest.contests.length) {
    return recordError(
      'record/wrong-contest-count',
      `expected ${manifest.contests.length} contests, got ${ballot.contests.length}`,
      '/contests'
    );
  }
  for (const [c, contest] of manifest.contests.entries()) {
    const got = ballot.contests[c]?.selections.length ?? 0;
    if (got !== contest.candidates.length) {
      return recordError(
        'record/wrong-selection-count',
        `contest ${contest.id} needs ${contest.candidates.length} selections, got ${got}`,
        `/contests/${c}/selections`
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

/** Spec §9.4: the tracker, from the ciphertexts alone, in contest and option order. */
export function computeTracker(ballot: {
  readonly contests: readonly { readonly selections: readonly { readonly ciphertext: string }[] }[];
}): string {
  const parts = [utf8(RecordTag.tracker)];
  for (const contest of ballot.contests) {
    for (const selection of contest.selections) parts.push(hexToBytes(selection.ciphertext));
  }
  return bytesToHex(sha256(frameParts(parts)));
}
