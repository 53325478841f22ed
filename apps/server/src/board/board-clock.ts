/**
 * @module The board's clock (spec §9.5): event times are RFC 3339 UTC at whole seconds and never
 * decrease along the log, even when several server instances with slightly different clocks
 * append: each append takes the later of its own clock and the time of the event before.
 */

/** Spec §9.5 format: `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatBoardTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The time of the next event: now, unless the log's last event is already later. */
export function nextBoardTime(now: Date, lastTime: string): string {
  const current = formatBoardTime(now);
  // The fixed-width format compares correctly as text.
  return current > lastTime ? current : lastTime;
}

/** A source of the current time; tests move it to before opening or after closing. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
