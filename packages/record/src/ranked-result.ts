/**
 * @module The `ranked-result` event (spec §9.5, 12-count-rules.md §12.7): a ranked contest's
 * published stage-by-stage result sheet, with the rule set and the lot seed it was counted with.
 * The schema checks the shape only; V11 re-runs the count (`@scrutineer/ranked-count`) from the
 * decrypted rankings and compares.
 */
import { z } from 'zod';
import { hexBytes } from './hex.ts';

/** Spec §12.1: the ranked methods a contest may name, and STV's rule sets. */
export const RANKED_METHODS = ['irv', 'stv'] as const;
export const STV_RULES = ['ers97', 'meek'] as const;

const candidate = z.number().int().min(0).max(49);
const candidates = z.array(candidate).max(50).readonly();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A non-negative decimal in the rule's precision ("12", "5.64", "4.714286196"). */
const decimal = z.string().regex(/^(0|[1-9][0-9]{0,15})(\.[0-9]{1,9})?$/, 'a decimal number');

const tieSchema = z.strictObject({
  for: z.enum(['exclude', 'surplus', 'elect']),
  among: z.array(candidate).min(2).max(50).readonly(),
  by: z.enum(['earlier-stages', 'lot']),
  chosen: z.array(candidate).max(1).readonly(),
});

const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('first') }),
  z.strictObject({ type: z.literal('surplus'), candidate }),
  z.strictObject({ type: z.literal('surpluses') }),
  z.strictObject({
    type: z.literal('exclude'),
    candidates: z.array(candidate).min(1).max(50).readonly(),
    batch: decimal.optional(),
  }),
]);

const stageSchema = z.strictObject({
  stage: z.number().int().min(1),
  action: actionSchema,
  votes: z.array(decimal).min(1).max(50).readonly(),
  nonTransferable: decimal,
  quota: decimal,
  elected: candidates,
  excluded: candidates,
  ties: z.array(tieSchema).max(100).readonly(),
  keepValues: z.array(decimal).min(1).max(50).readonly().optional(),
});

/** Spec §12.7: the result sheet, as `countRanked` returns it. */
export const rankedSheetSchema = z.strictObject({
  method: z.enum(RANKED_METHODS),
  rules: z.enum(STV_RULES).nullable(),
  seats: z.number().int().min(1).max(49),
  candidates: z.number().int().min(1).max(50),
  ballots: count,
  blank: count,
  decimals: z.union([z.literal(0), z.literal(2), z.literal(9)]),
  stages: z.array(stageSchema).min(1).max(10_000).readonly(),
  elected: candidates,
});

/** Spec §9.5 `ranked-result`: one per ranked contest. */
export const rankedResultBodySchema = z.strictObject({
  contestId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  method: z.enum(RANKED_METHODS),
  /** Null for IRV, which has one rule. */
  rules: z.enum(STV_RULES).nullable(),
  /** Spec §12.3: fixed before the count. */
  seed: hexBytes(32),
  sheet: rankedSheetSchema,
});

export type RankedResultBody = z.infer<typeof rankedResultBodySchema>;
export type RankedSheet = z.infer<typeof rankedSheetSchema>;
