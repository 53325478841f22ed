/**
 * @module What the console reads from the board and shows: every event (page by page, parsed by
 * the record's decoder, as the CLI's ServerClient.events), and from them each trustee's progress
 * through the ceremony (spec §7), the rehearsal (§8.10) and the tally (§8.2), and the postal batches
 * entered (§9.8). Turnout comes from the public turnout endpoints: no count of any kind.
 */
import {
  type BoardEvent,
  type EventBody,
  type Manifest,
  bodiesOf,
  parseBoardEvent,
  parseManifest,
} from '@scrutineer/record';
import { ApiError, consoleApi } from './console-api.ts';

export async function boardEvents(electionId: string): Promise<BoardEvent[]> {
  const events: BoardEvent[] = [];
  let next: number | null = 0;
  while (next !== null) {
    const page = await consoleApi.events(electionId, next, 1000);
    for (const event of page.events) {
      const parsed = parseBoardEvent(event);
      if (!parsed.ok) throw new ApiError(200, 'client/invalid-response', parsed.error.message);
      events.push(parsed.value);
    }
    next = page.events.length === 0 ? null : page.next;
  }
  return events;
}

export async function boardManifest(electionId: string): Promise<Manifest> {
  const parsed = parseManifest(await consoleApi.manifest(electionId));
  if (!parsed.ok) throw new ApiError(200, 'client/invalid-response', parsed.error.message);
  return parsed.value;
}

export interface TrusteeProgress {
  readonly index: number;
  readonly name: string;
  readonly committed: boolean;
  readonly dealt: boolean;
  /** Complaints this trustee made against others. */
  readonly complaints: number;
  readonly rehearsed: boolean;
  readonly decrypted: boolean;
}

const trusteesIn = (bodies: readonly { readonly trustee: number }[]): Set<number> =>
  new Set(bodies.map((b) => b.trustee));

export function trusteeProgress(
  manifest: Manifest,
  events: readonly BoardEvent[]
): TrusteeProgress[] {
  const committed = trusteesIn(bodiesOf(events, 'trustee-commitments'));
  const dealt = trusteesIn(bodiesOf(events, 'trustee-shares'));
  const rehearsed = trusteesIn(bodiesOf(events, 'rehearsal-share'));
  const decrypted = trusteesIn(bodiesOf(events, 'decryption-share'));
  const complaints = bodiesOf(events, 'trustee-complaint');
  return manifest.trustees.members.map((member) => ({
    index: member.index,
    name: member.name,
    committed: committed.has(member.index),
    dealt: dealt.has(member.index),
    complaints: complaints.filter((c) => c.trustee === member.index).length,
    rehearsed: rehearsed.has(member.index),
    decrypted: decrypted.has(member.index),
  }));
}

/** Spec §8.10: opening is safe against one lost key file only when k + 1 trustees rehearsed. */
export function rehearsalShortfall(
  manifest: Manifest,
  progress: readonly TrusteeProgress[]
): { readonly count: number; readonly needed: number } | null {
  const needed = Math.min(manifest.trustees.threshold + 1, manifest.trustees.members.length);
  const count = progress.filter((p) => p.rehearsed).length;
  return count >= needed ? null : { count, needed };
}

export function postalBatches(events: readonly BoardEvent[]): EventBody<'postal-batch'>[] {
  return bodiesOf(events, 'postal-batch');
}

export function postalReceivedCount(events: readonly BoardEvent[]): number {
  return bodiesOf(events, 'postal-received').length;
}
