/**
 * @module Board times (spec §9.5.1): RFC 3339 UTC instants at whole seconds, `YYYY-MM-DDTHH:MM:SSZ`,
 * that name a real second of the proleptic Gregorian calendar. The grammar alone would let
 * `2026-11-01T25:00:00Z` or `2026-02-30T00:00:00Z` through, and two verifiers that compare times as
 * strings (V2.4, V5.8) must agree on which strings are times at all.
 */
import { z } from 'zod';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`, Gregorian. */
function daysIn(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Spec §9.5.1: is `text` a board time? Years 0000–9999, months 01–12, days that exist in that month,
 * hours 00–23, minutes and seconds 00–59 (no leap second: the board's clock is UTC without them).
 */
export function isInstant(text: string): boolean {
  const match = INSTANT.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

/** Spec §9.5.1: a board time (also the manifest window, §9.2, and checkpoint times, §10.3). */
export const instantSchema = z
  .string()
  .refine(isInstant, 'a calendar-valid YYYY-MM-DDTHH:MM:SSZ (RFC 3339 UTC, whole seconds)');
