/**
 * @module The election's stages (spec §9.6) and which board events each admits (spec §9.5), and
 * which events the manifest's channels admit (spec §9.2). One table for both sides: the board
 * refuses an event out of order or on a channel the election does not offer, and the verifier
 * fails V2.5 on one, by the same rules.
 */
import type { EventBody, EventType } from './board-event.ts';
import type { Manifest } from './manifest.ts';

/** The stages a board moves through, in order (`decrypted` is a verifier's view, not a board stage). */
export const BOARD_STAGES = [
  'empty',
  'setup',
  'keyed',
  'open',
  'closed',
  'tallied',
  'final',
  // Spec §9.6: an election that cannot complete ends here, from any stage before `final`.
  'cancelled',
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
  'rehearsal-share': { allowedIn: ['keyed'] },
  'election-open': { allowedIn: ['keyed'], moveTo: 'open' },
  'ballot-cast': { allowedIn: ['open'] },
  'ballot-audited': { allowedIn: ['open'] },
  'credential-replaced': { allowedIn: ['open'] },
  'cast-refused': { allowedIn: ['open', 'closed'] },
  // Returns are fixed while voting is open, before the abstainers are known (spec §9.5): the close
  // of poll is the deadline for a postal paper, with no grace window, as for UK postal votes.
  'postal-received': { allowedIn: ['open'] },
  // Per-candidate postal counts are published only after the close: no running count (spec §9.5).
  'postal-batch': { allowedIn: ['closed'] },
  // The audit of the postal count (spec §9.8) runs after the batches and before the tally.
  'postal-audit-commit': { allowedIn: ['closed'] },
  'postal-audit-start': { allowedIn: ['closed'] },
  'postal-audit-reveal': { allowedIn: ['closed'] },
  'postal-audit-sample': { allowedIn: ['closed'] },
  'postal-audit-count': { allowedIn: ['closed'] },
  'postal-audit-end': { allowedIn: ['closed'] },
  'election-close': { allowedIn: ['open'], moveTo: 'closed' },
  'encrypted-tally': { allowedIn: ['closed'], moveTo: 'tallied' },
  'decryption-share': { allowedIn: ['tallied'] },
  'election-result': { allowedIn: ['tallied'], moveTo: 'final' },
  // Spec §11.8, §12.7: a ranked contest's mixes, decryption and count, after the tally fixed the
  // counted ballots and before the result.
  mix: { allowedIn: ['tallied'] },
  'ranked-decryption-share': { allowedIn: ['tallied'] },
  'ranked-rankings': { allowedIn: ['tallied'] },
  'ranked-result': { allowedIn: ['tallied'] },
  // No event is allowed at `cancelled`: a cancellation is the record's last event.
  'election-cancelled': {
    allowedIn: ['setup', 'keyed', 'open', 'closed', 'tallied'],
    moveTo: 'cancelled',
  },
  // Spec §9.5.5: from the open until the result, so the verdict on every dispute is in the record.
  'receipt-dispute': { allowedIn: ['open', 'closed', 'tallied'] },
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

/**
 * Spec §9.2 `channels`, §9.6: may this event appear in an election offering `channels`? With
 * online off, no `ballot-cast` or `ballot-audited`; with postal off, no `postal-received` and no
 * `postal-batch` that counts anything (a batch of no papers and all-zero counts says nothing).
 */
export function isAllowedOnChannels(
  event: { [T in EventType]: { readonly type: T; readonly body: EventBody<T> } }[EventType],
  channels: Manifest['channels']
): boolean {
  if (event.type === 'ballot-cast' || event.type === 'ballot-audited') return channels.online;
  if (event.type === 'postal-received' || event.type.startsWith('postal-audit-'))
    return channels.postal;
  if (event.type === 'postal-batch')
    return (
      channels.postal ||
      (event.body.papers === 0 &&
        event.body.spoilt === 0 &&
        event.body.contests.every((contest) => contest.counts.every((n) => n === 0)))
    );
  return true;
}
