/**
 * @module Where a trustee stands, read from the board's events (spec §7.3–§7.6, §8.10): who has
 * dealt, who complained about whom, whether the election key is published, who has rehearsed and
 * who has posted a decryption share, and what this trustee does next. The CLI's `trustee
 * ceremony` and the trustee's page both decide from this, so they never disagree.
 */
import type { BoardEvent, EventBody, EventType } from '@scrutineer/record';

/** The bodies of every event of `type`, in board order. */
export function bodiesOf<T extends EventType>(
  events: readonly BoardEvent[],
  type: T
): EventBody<T>[] {
  return events.filter((e) => e.type === type).map((e) => e.body as EventBody<T>);
}

/** The body of the last event of `type`, or undefined. */
export function lastBodyOf<T extends EventType>(
  events: readonly BoardEvent[],
  type: T
): EventBody<T> | undefined {
  return bodiesOf(events, type).at(-1);
}

/** The events before the `election-key` (the ceremony's messages), once it is on the board. */
export function ceremonyEvents(events: readonly BoardEvent[]): BoardEvent[] | undefined {
  const at = events.findIndex((e) => e.type === 'election-key');
  return at < 0 ? undefined : events.slice(0, at);
}

/** The trustees (indices, ascending) whose rehearsal share is on the board. */
export function rehearsedTrustees(events: readonly BoardEvent[]): number[] {
  return [...new Set(bodiesOf(events, 'rehearsal-share').map((b) => b.trustee))].sort(
    (a, b) => a - b
  );
}

/**
 * What the trustee does next in the ceremony: deal; wait for the other dealers; check the shares
 * dealt to it (and complain about bad ones) then wait for the officer's key; derive its secret
 * share once the key is published; or nothing, when the key was published before it dealt (it is
 * not qualified, spec §7.6).
 */
export type CeremonyNextStep =
  'deal' | 'wait-for-dealers' | 'check-shares' | 'conclude' | 'not-qualified';

export interface CeremonyProgress {
  readonly trustees: number;
  readonly threshold: number;
  /** Trustees whose encrypted shares are on the board, ascending. */
  readonly dealers: readonly number[];
  readonly complaints: readonly { readonly trustee: number; readonly dealer: number }[];
  readonly keyPublished: boolean;
  readonly rehearsed: readonly number[];
  /** Trustees whose decryption share of the tally is on the board. */
  readonly decrypted: readonly number[];
  readonly tallied: boolean;
  readonly next: CeremonyNextStep;
}

export function ceremonyProgress(
  trustees: { readonly threshold: number; readonly members: readonly { index: number }[] },
  events: readonly BoardEvent[],
  me: number
): CeremonyProgress {
  const ceremony = ceremonyEvents(events);
  const scope = ceremony ?? events;
  const dealers = [...new Set(bodiesOf(scope, 'trustee-shares').map((b) => b.trustee))].sort(
    (a, b) => a - b
  );
  const dealtByMe = bodiesOf(scope, 'trustee-commitments').some((b) => b.trustee === me);
  const keyPublished = ceremony !== undefined;
  const n = trustees.members.length;
  const next: CeremonyNextStep = keyPublished
    ? dealtByMe
      ? 'conclude'
      : 'not-qualified'
    : !dealtByMe || !dealers.includes(me)
      ? 'deal'
      : dealers.length < n
        ? 'wait-for-dealers'
        : 'check-shares';
  return {
    trustees: n,
    threshold: trustees.threshold,
    dealers,
    complaints: bodiesOf(scope, 'trustee-complaint').map((b) => ({
      trustee: b.trustee,
      dealer: b.dealer,
    })),
    keyPublished,
    rehearsed: rehearsedTrustees(events),
    decrypted: [...new Set(bodiesOf(events, 'decryption-share').map((b) => b.trustee))].sort(
      (a, b) => a - b
    ),
    tallied: events.some((e) => e.type === 'encrypted-tally'),
    next,
  };
}
