/**
 * @module Text lengths (spec §9.2 "Text lengths"): a bound in characters counts Unicode code points
 * (scalar values), not UTF-16 code units — JavaScript's `length` — nor bytes, so an implementation
 * in any language agrees on whether a 200-emoji title fits.
 */
import { z } from 'zod';

/** Spec §9.2: the length of a text field in Unicode scalar values (code points), not UTF-16 units. */
export function codePointLength(text: string): number {
  // Iterating a string walks code points (a surrogate pair is one step).
  return Array.from(text).length;
}

/** Spec §9.2: a text field of `min`–`max` code points. */
export function textSchema(min: number, max: number) {
  return z
    .string()
    .refine(
      (s) => codePointLength(s) >= min && codePointLength(s) <= max,
      `${min}–${max} characters (Unicode code points)`
    );
}
