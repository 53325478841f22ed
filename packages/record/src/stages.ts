/**
 * @module The election's stages (spec §9.6) and which board events each admits (spec §9.5). One
 * table for both sides: the board refuses an event out of order, and the verifier fails V2.5 on
 * one, by the same rules.
 */
import type { EventType } from './board-event.ts';

/** The stages a board moves through, in order (`decrypted` is a verifier's view, not a board stage). */
export const BOARD_STAGES = [
  'empty',
  'setup',
  'keyed',
  'open',
  'closed',
  'tallied',
  'final',
] as const;
export type BoardStage = (typeof BOARD_STAGES)[number];

const PHASE_RULES: Record<
  EventType,
  { readonly allowedIn: readonly BoardStage[]; readonly moveTo?: BoardStage }
> = {
  'election-setup': { allowedIn: ['empty'], moveTo: 'setup' },
  'trustee-commitments': { allowedIn: ['setup'] },
  'trustee-shares': { allowedIn: ['setup'] },
  'trustee-complaint': { allowedIn: ['setup'] },
  'election-key': { allowedIn: ['setup'], moveTo: 'keyed' },
  credentials: { allowedIn: ['keyed'] },
  'election-open': { allowedIn: ['keyed'], moveTo: 'open' },
  'ballot-cast': { allowedIn: ['open'] },
  'ballot-audited': { allowedIn: ['open'] },
  'credential-replaced': { allowedIn: ['open'] },
  'cast-refused': { allowedIn: ['open', 'closed'] },
  'postal-received': { allowedIn: ['open', 'closed'] },
  // Per-candidate postal counts are published only after the close: no running count (spec §9.5).
  'postal-batch': { allowedIn: ['closed'] },
  'election-close': { allowedIn: ['open'], moveTo: 'closed' },
  'encrypted-tally': { allowedIn: ['closed'], moveTo: 'tallied' },
  'decryption-share': { allowedIn: ['tallied'] },
  'election-result': { allowedIn: ['tallied'], moveTo: 'final' },
};

/** Spec §9.6: may an event of `type` be appended while the board is at `stage`? */
export function isAllowedIn(type: EventType, stage: BoardStage): boolean {
  return PHASE_RULES[type].allowedIn.includes(stage);
}

/** The stage after an event of `type` (unchanged for events that mark no stage). */
export function stageAfter(type: EventType, stage: BoardStage): BoardStage {
  return PHASE_RULES[type].moveTo ?? stage;
}

export function isBoardStage(value: unknown): value is BoardStage {
  return typeof value === 'string' && (BOARD_STAGES as readonly string[]).includes(value);
}
