/**
 * @module The bodies of the ranked-contest events (spec §11.8): `ranked-ballot` entries, `mix`,
 * `ranked-decryption-share` and `ranked-rankings`. Shapes only (Zod at the trust boundary); the
 * proofs are checked by the verifier's V10 (spec §11.9). A mix of 160,000 ballots is ~120 MB and
 * a round of shares ~40 MB, so both are published in parts (§11.8): each event carries a slice,
 * and the parts of one (contest, mixer) or (contest, round, trustee) joined in order are the whole.
 */
import { z } from 'zod';
import {
  type CiphertextRow,
  type Group,
  MAX_RANKED_CANDIDATES,
  RecordTag,
  concatByteArrays,
  encodeCiphertext,
  encodeU64,
  frameParts,
  sha256,
  shuffleProofBytes,
  utf8,
} from '@scrutineer/crypto';
import { hexBytes } from './hex.ts';

/** A ciphertext α ‖ β (spec §2.5). */
const ciphertextHex = hexBytes(64);
const hexOfAnyLength = z.string().regex(/^(?:[0-9a-f]{2})*$/, 'lower-case hex, two digits a byte');

/** One ranked contest entry of a ballot: n + 1 ciphertexts and the §11.2 proof (N = n + 1, w = 1). */
export const rankedEntrySchema = z
  .strictObject({
    ciphertexts: z
      .array(ciphertextHex)
      .min(2)
      .max(MAX_RANKED_CANDIDATES + 1),
    proof: hexOfAnyLength,
  })
  .refine((e) => e.proof.length === 2 * shuffleProofBytes(e.ciphertexts.length, 1), {
    message: 'a ranked proof has the §11.4 length for n + 1 positions',
  });
export type RankedEntry = z.infer<typeof rankedEntrySchema>;

/** Spec §11.8: part `part` (0-based) of `parts` of one publication. */
const partFields = {
  part: z.number().int().nonnegative().max(9_999),
  parts: z.number().int().positive().max(10_000),
};

/**
 * Spec §11.5, §11.8: part of mixer m's shuffle of one contest's rows: a slice of the output rows
 * and a slice of the proof's hex; the parts joined in order are the outputs and the §11.4 proof,
 * and every part carries mixer m's signature on that whole.
 */
export const mixBodySchema = z
  .strictObject({
    contest: z.number().int().nonnegative(),
    mixer: z.number().int().positive(),
    ...partFields,
    /** SHA-256 of frame(input rows), so a reader sees which rows it took. */
    inputHash: hexBytes(32),
    outputs: z.array(
      z
        .array(ciphertextHex)
        .min(2)
        .max(MAX_RANKED_CANDIDATES + 1)
    ),
    proof: hexOfAnyLength,
    /**
     * Spec §11.8, V10.6: mix server m's §5.4 signature on the whole step (mix-signature.ts), the
     * same in every part, so the officer who relays a mix cannot have made it.
     */
    signature: hexBytes(64),
  })
  .refine(
    (b) => b.part < b.parts && b.outputs.every((row) => row.length === b.outputs[0]?.length),
    {
      message: 'a part within its count, with rows of one width',
    }
  );
export type MixBody = z.infer<typeof mixBodySchema>;

/** Rows per `mix` part: ~15 MB of hex at 5 candidates. */
export const MIX_ROWS_PER_PART = 20_000;

/**
 * Spec §11.8: the parts of a mix, `rowsPerPart` output rows each and the proof's hex cut in as
 * many nearly equal slices (the last part takes what remains).
 */
export function mixParts(
  whole: Omit<MixBody, 'part' | 'parts'>,
  rowsPerPart: number = MIX_ROWS_PER_PART
): MixBody[] {
  const parts = Math.max(1, Math.ceil(whole.outputs.length / rowsPerPart));
  // Whole bytes per slice, so each slice is even-length hex.
  const slice = 2 * Math.ceil(whole.proof.length / 2 / parts);
  return Array.from({ length: parts }, (_, part) => ({
    ...whole,
    part,
    parts,
    outputs: whole.outputs.slice(part * rowsPerPart, (part + 1) * rowsPerPart),
    proof: whole.proof.slice(part * slice, part === parts - 1 ? undefined : (part + 1) * slice),
  }));
}

/**
 * Spec §11.8: joins parts 0 … parts − 1 of one (contest, mixer), or of one (contest, round,
 * trustee), given in board order. Null, with the reason, when a part is missing, repeated, out of
 * order, or the parts disagree on their count or on a field every part repeats.
 */
export function joinParts<T extends { readonly part: number; readonly parts: number }>(
  parts: readonly T[],
  same: (a: T, b: T) => boolean
): { ok: true; parts: readonly T[] } | { ok: false; message: string } {
  const first = parts[0];
  if (first === undefined) return { ok: false, message: 'no parts' };
  for (const [i, p] of parts.entries()) {
    if (p.part !== i || p.parts !== first.parts || !same(p, first))
      return {
        ok: false,
        message: `part ${p.part} of ${p.parts} where part ${i} of ${first.parts} belongs`,
      };
  }
  return parts.length === first.parts
    ? { ok: true, parts }
    : { ok: false, message: `${parts.length} of ${first.parts} parts published` };
}

/**
 * Spec §11.6, §11.8: part of trustee l's shares of round p (one per target, in target order; §8.7
 * encoding each); the parts joined in order hold one share per target of the round.
 */
export const rankedDecryptionShareBodySchema = z.strictObject({
  contest: z.number().int().nonnegative(),
  position: z.number().int().nonnegative().max(MAX_RANKED_CANDIDATES),
  trustee: z.number().int().positive(),
  ...partFields,
  checkpoint: z.strictObject({ size: z.number().int().nonnegative(), root: hexBytes(32) }),
  shares: z.array(hexBytes(4 + 32 * 4)),
});
export type RankedDecryptionShareBody = z.infer<typeof rankedDecryptionShareBodySchema>;

/** Spec §11.6: the decrypted rankings of one contest, row by row (what §12's count reads). */
export const rankedRankingsBodySchema = z
  .strictObject({
    contest: z.number().int().nonnegative(),
    candidates: z.number().int().positive().max(MAX_RANKED_CANDIDATES),
    rankings: z.array(z.array(z.number().int().positive().max(MAX_RANKED_CANDIDATES))),
  })
  .refine(
    (b) =>
      b.rankings.every((r) => r.every((c) => c <= b.candidates) && new Set(r).size === r.length),
    { message: 'each ranking names candidates 1 … n, each at most once' }
  );
export type RankedRankingsBody = z.infer<typeof rankedRankingsBodySchema>;

/** Spec §11.5: a `mix` event's `inputHash`, the SHA-256 of the framed rows the mixer took. */
export function mixInputHash(
  group: Group,
  contest: number,
  mixer: number,
  inputs: readonly CiphertextRow[]
): Uint8Array {
  // A list, not spread arguments: 160,000 rows of six are more than a call's arguments may hold.
  return mixInputHashOfEncodings(
    contest,
    mixer,
    concatByteArrays(inputs.flatMap((row) => row.map((c) => encodeCiphertext(group, c))))
  );
}

/** {@link mixInputHash} of the rows' ciphertexts already encoded (α ‖ β each, row by row). */
export function mixInputHashOfEncodings(
  contest: number,
  mixer: number,
  rows: Uint8Array
): Uint8Array {
  return sha256(frameParts([utf8(RecordTag.mixInput), encodeU64(contest), encodeU64(mixer), rows]));
}

/**
 * Spec §11.6, §11.8, §12.2: the rankings as the count reads them: the published online rankings,
 * then the postal papers' (`postalRankingsOf`, also 1-based). The mix-net numbers candidates
 * 1 … n (0 is STOP, §11.2); the count numbers them 0 … n − 1. This is the one place the two
 * meet: the officer's count, the board's check and the verifier's recount all read rankings
 * through it.
 */
export function countRankingsOf(
  body: Pick<RankedRankingsBody, 'rankings'>,
  postal: readonly (readonly number[])[] = []
): number[][] {
  return [...body.rankings, ...postal].map((ranking) => ranking.map((candidate) => candidate - 1));
}
