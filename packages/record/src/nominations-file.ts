/**
 * @module `nominations.json` (spec §9.2.6): the published nominations, whose SHA-256 the manifest
 * carries. A verifier reads the members below (other members, such as the individual nominations,
 * are the document's own and are hashed but not interpreted) and recounts who reached the threshold.
 */
import { z } from 'zod';
import { recordErrorFromZod } from './hex.ts';
import { type RecordError, type Result, err, ok, recordError } from './result.ts';

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Spec §9.2.6: what a verifier reads of `nominations.json`. */
export const nominationsFileSchema = z.looseObject({
  threshold: z.number().int().min(1),
  candidates: z
    .array(z.looseObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/), nominations: count }))
    .max(1000),
});

export type NominationsFile = z.infer<typeof nominationsFileSchema>;

/** Spec §9.2.6: parses the decoded file; candidate ids must be unique. */
export function parseNominationsFile(value: unknown): Result<NominationsFile, RecordError> {
  const parsed = nominationsFileSchema.safeParse(value);
  if (!parsed.success) return err(recordErrorFromZod(parsed.error, 'record/invalid-nominations'));
  const ids = parsed.data.candidates.map((c) => c.id);
  if (new Set(ids).size !== ids.length)
    return err(recordError('record/duplicate-candidate-id', 'a nominee id repeats', '/candidates'));
  return ok(parsed.data);
}

/** Spec §9.2.6: the ids of the candidates at or above the threshold, in file order. */
export function reachedThreshold(file: NominationsFile): string[] {
  return file.candidates.filter((c) => c.nominations >= file.threshold).map((c) => c.id);
}
