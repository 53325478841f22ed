/**
 * @module The member's place in the booth, kept for a reload (sessionStorage: this tab only, gone when What is kept: the step, the choices and the session token while voting,
 * then only the receipt. Never the voting code or the answers (they are dropped at sign-in), and
 * never an encrypted ballot (the worker's randomness is gone after a reload: the member encrypts
 * again from the review step).
 */
import { receiptSchema } from '@scrutineer/record';
import type { ReceiptData } from '../worker-protocol.ts';

const KEY = 'scrutineer-booth';

export type SavedStep = 'sign-in' | 'ballot' | 'review' | 'receipt';

export interface SavedBooth {
  readonly electionId: string;
  readonly mode: 'vote' | 'pack';
  readonly step: SavedStep;
  readonly choices: number[][];
  readonly receipt: { readonly receipt: ReceiptData; readonly signatureValid: boolean } | null;
}

export function saveBooth(saved: SavedBooth): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage refused (private mode, quota): a reload then starts over, as before.
  }
}

export function clearBooth(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}

const STEPS: readonly string[] = ['sign-in', 'ballot', 'review', 'receipt'];

/** The saved place for this election and mode, checked field by field; null if none or not ours. */
export function loadBooth(
  electionId: string,
  mode: 'vote' | 'pack',
  contests: number
): SavedBooth | null {
  let value: unknown;
  try {
    value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const saved = value as Record<string, unknown>;
  if (saved['electionId'] !== electionId || saved['mode'] !== mode) return null;
  const step = saved['step'];
  const choices = saved['choices'];
  if (typeof step !== 'string' || !STEPS.includes(step)) return null;
  if (
    !Array.isArray(choices) ||
    choices.length !== contests ||
    !choices.every(
      (chosen) =>
        Array.isArray(chosen) && chosen.every((j) => Number.isInteger(j) && (j as number) >= 0)
    )
  )
    return null;
  let receipt: SavedBooth['receipt'] = null;
  const kept = saved['receipt'] as Record<string, unknown> | null | undefined;
  if (kept !== null && kept !== undefined) {
    const parsed = receiptSchema.safeParse(kept['receipt']);
    if (!parsed.success || typeof kept['signatureValid'] !== 'boolean') return null;
    receipt = { receipt: parsed.data, signatureValid: kept['signatureValid'] };
  }
  if (step === 'receipt' && receipt === null) return null;
  return {
    electionId,
    mode,
    step: step as SavedStep,
    choices: choices as number[][],
    receipt,
  };
}
