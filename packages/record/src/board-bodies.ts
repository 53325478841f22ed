/** @module Picking event bodies of one type out of a list of board events (spec §9.5): shared by the CLI and the web console. */
import type { BoardEvent, EventBody, EventType } from './board-event.ts';

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
