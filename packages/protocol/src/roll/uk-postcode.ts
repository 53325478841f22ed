/**
 * @module UK postcodes for the roll audit ("invalid postcodes"). A postcode is valid when
 * it has the shape the Royal Mail allocates: an outward code (A9, A99, AA9, AA99, A9A or AA9A, with
 * the letters each position may hold) and an inward code (9AA, never C, I, K, M, O or V), or the
 * special GIR 0AA. This checks form, not existence: a well-formed code nobody lives at passes.
 */

// Letters allowed in each position (Royal Mail PAF programmers' guide, "postcode format").
const FIRST = 'ABCDEFGHIJKLMNOPRSTUWYZ'; // not Q, V, X
const SECOND = 'ABCDEFGHKLMNOPQRSTUVWXY'; // not I, J, Z
const THIRD = 'ABCDEFGHJKPSTUW'; // A9A
const FOURTH = 'ABEHMNPRVWXY'; // AA9A
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ'; // not C, I, K, M, O, V

const OUTWARD_PATTERNS: readonly RegExp[] = [
  new RegExp(`^[${FIRST}][0-9]$`),
  new RegExp(`^[${FIRST}][0-9]{2}$`),
  new RegExp(`^[${FIRST}][${SECOND}][0-9]$`),
  new RegExp(`^[${FIRST}][${SECOND}][0-9]{2}$`),
  new RegExp(`^[${FIRST}][0-9][${THIRD}]$`),
  new RegExp(`^[${FIRST}][${SECOND}][0-9][${FOURTH}]$`),
];
const INWARD_PATTERN = new RegExp(`^[0-9][${INWARD}]{2}$`);

/** Upper case, single space before the inward code: `sw1a1aa` → `SW1A 1AA`. Any text is accepted. */
export function formatPostcode(text: string): string {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** Whether `text` (any case and spacing) is a well-formed UK postcode. */
export function isValidUkPostcode(text: string): boolean {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  if (compact === 'GIR0AA') return true;
  if (compact.length < 5 || compact.length > 7) return false;
  const outward = compact.slice(0, -3);
  return INWARD_PATTERN.test(compact.slice(-3)) && OUTWARD_PATTERNS.some((p) => p.test(outward));
}
