/**
 * @module The bodies of the ranked-contest events (spec §11.8): `ranked-ballot` entries, `mix`,
 * `ranked-decryption-share` and `ranked-rankings`. Shapes only (Zod at the trust boundary); the
 * proofs are checked by the verifier's V10 (spec §11.9). Not yet in the board-event union: the
 * ranked manifest that says which contests are ranked comes with the count rules (§12).
 */
import { z } from 'zod';
import {
  type CiphertextRow,
  type Group,
  MAX_RANKED_CANDIDATES,
  RecordTag,
  concatBytes,
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

/** Spec §11.5: mixer m's shuffle of one contest's rows. */
export const mixBodySchema = z
  .strictObject({
    contest: z.number().int().nonnegative(),
    mixer: z.number().int().positive(),
    /** SHA-256 of frame(input rows), so a reader sees which rows it took. */
    inputHash: hexBytes(32),
    outputs: z
      .array(
        z
          .array(ciphertextHex)
          .min(2)
          .max(MAX_RANKED_CANDIDATES + 1)
      )
      .min(1),
    proof: hexOfAnyLength,
  })
  .refine(
    (b) =>
      b.outputs.every((row) => row.length === b.outputs[0]?.length) &&
      b.proof.length === 2 * shuffleProofBytes(b.outputs.length, b.outputs[0]?.length ?? 0),
    { message: 'rows of one width, and a proof of the §11.4 length for N rows of width w' }
  );
export type MixBody = z.infer<typeof mixBodySchema>;

/** Spec §11.6: trustee l's shares of round p (one per target, in target order; §8.7 encoding each). */
export const rankedDecryptionShareBodySchema = z.strictObject({
  contest: z.number().int().nonnegative(),
  position: z.number().int().nonnegative().max(MAX_RANKED_CANDIDATES),
  trustee: z.number().int().positive(),
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
  const rows = concatBytes(...inputs.flatMap((row) => row.map((c) => encodeCiphertext(group, c))));
  return sha256(frameParts([utf8(RecordTag.mixInput), encodeU64(contest), encodeU64(mixer), rows]));
}
