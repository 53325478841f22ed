/**
 * @module Crockford base32 symbols (https://www.crockford.com/base32.html), the alphabet of the
 * printed voting code (spec §6.2). A symbol is a 5-bit value 0…31 written as one character of
 * {@link CROCKFORD_ALPHABET}. Reading is forgiving the Crockford way: lower case is accepted and
 * the look-alikes I, L (→ 1) and O (→ 0) are read as the digit they resemble; U is not a symbol.
 */

/** The 32 symbols in value order: the digits, then the letters without I, L, O and U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Spec §6.2 reading table: character → symbol value, including lower case and look-alikes. */
const readingTable: ReadonlyMap<string, number> = (() => {
  const table = new Map<string, number>();
  for (let value = 0; value < CROCKFORD_ALPHABET.length; value++) {
    const character = CROCKFORD_ALPHABET.charAt(value);
    table.set(character, value);
    table.set(character.toLowerCase(), value);
  }
  for (const [lookAlike, value] of [
    ['I', 1],
    ['L', 1],
    ['O', 0],
  ] as const) {
    table.set(lookAlike, value);
    table.set(lookAlike.toLowerCase(), value);
  }
  return table;
})();

/**
 * Spec §6.2 separators, skipped when reading: spaces (including tab, line breaks and the
 * no-break space that copying from a PDF produces) and hyphens (including the Unicode dashes
 * word processors substitute for '-').
 */
const separators: ReadonlySet<string> = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0', // spaces
  '-',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2212', // hyphen-minus and dashes
]);

/** True for a character that readers skip between symbols (spec §6.2). */
export function isCodeSeparator(character: string): boolean {
  return separators.has(character);
}

/**
 * Spec §6.2: the value of one character read the Crockford way, or `undefined` if it is not a
 * symbol (U, punctuation, anything outside the table).
 */
export function decodeCrockfordCharacter(character: string): number | undefined {
  return readingTable.get(character);
}

/** The canonical (upper-case) character of a symbol value; throws RangeError outside 0…31. */
export function encodeCrockfordSymbol(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= CROCKFORD_ALPHABET.length) {
    throw new RangeError(`crockford/symbol-out-of-range: ${value} is not in 0…31`);
  }
  return CROCKFORD_ALPHABET.charAt(value);
}
