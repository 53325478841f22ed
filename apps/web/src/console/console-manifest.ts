/**
 * @module Checking a manifest draft in the page before it is sent (`scrutineer election create`
 * sends the same draft): the record's own parser (spec §9.2) with a stand-in board key, since the
 * board fills in its key, and its finding's JSON Pointer turned into words ("contest 1, candidate
 * 2, name") so the officer can find the field at fault.
 */
import { type Result, err, ok, parseManifest } from '@scrutineer/record';
import type { StepProblem } from './console-actions.ts';

const NAMES: Readonly<Record<string, string>> = {
  contests: 'contest',
  candidates: 'candidate',
  members: 'trustee',
  securityQuestions: 'security question',
};

/** `/contests/0/candidates/2/name` → `contests › contest 1 › candidate 3 › name`. */
export function fieldWords(pointer: string): string {
  const parts = pointer.split('/').filter((p) => p !== '');
  const words: string[] = [];
  parts.forEach((part, i) => {
    const parent = parts[i - 1];
    if (/^\d+$/.test(part) && parent !== undefined)
      words.push(`${NAMES[parent] ?? parent} ${Number(part) + 1}`);
    else if (!(parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1] ?? '') && part in NAMES))
      words.push(part);
  });
  return words.length === 0 ? 'the manifest' : words.join(' › ');
}

export function checkDraft(text: string): Result<Record<string, unknown>, StepProblem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err({ code: 'console/bad-json', detail: (error as Error).message });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err({ code: 'console/manifest', detail: 'it must be a JSON object' });
  const draft = value as Record<string, unknown>;
  if (Object.hasOwn(draft, 'board'))
    return err({
      code: 'console/manifest',
      detail: 'remove the “board” field: the board fills in its own key',
    });
  const parsed = parseManifest({ ...draft, board: { publicKey: '00'.repeat(32) } });
  if (!parsed.ok)
    return err({
      code: 'console/manifest',
      detail: `${fieldWords(parsed.error.path ?? '')}: ${parsed.error.message}`,
    });
  return ok(draft);
}
