/**
 * @module How the roll audit compares people's names and addresses (exact and fuzzy
 * duplicates). Names are folded (accents, case, punctuation, titles) before comparing; fuzzy
 * matching uses the Jaro–Winkler similarity (Winkler 1990), the measure record-linkage work uses
 * for personal names because it rewards a shared beginning and tolerates transpositions, and the
 * optimal string alignment edit distance (one slip of the keyboard: `Layla` / `Laayla`).
 */

const TITLES = new Set([
  'MR',
  'MRS',
  'MS',
  'MISS',
  'MX',
  'DR',
  'PROF',
  'REV',
  'SIR',
  'DAME',
  'LORD',
  'LADY',
]);

/** `Dr. José  O'Neill-Smith` → `JOSE ONEILL SMITH`: the tokens of a name, folded for comparison. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/['’`.]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((token) => token !== '' && !TITLES.has(token));
}

/** The folded name as one string. */
export function normaliseName(name: string): string {
  return nameTokens(name).join(' ');
}

/** The folded name with its tokens sorted: `Smith John` and `John Smith` share it. */
export function nameKey(name: string): string {
  return [...nameTokens(name)].sort().join(' ');
}

/** Jaro–Winkler similarity in [0, 1] (1 = equal), prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (!matchedB[j] && a[i] === b[j]) {
        matchedA[i] = true;
        matchedB[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro =
    (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Thresholds of {@link similarNames}. */
export const NAME_SIMILARITY = { surname: 0.9, givenName: 0.88, wholeName: 0.93 } as const;

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring):
 * insertions, deletions, substitutions and swaps of neighbours each cost 1. Stops early and
 * returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (twoBack[j - 2] as number) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    twoBack = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** One typing slip (a letter added, dropped, changed or two swapped) in words of 4 letters or more. */
function oneSlipApart(a: string, b: string): boolean {
  return a.length >= 4 && b.length >= 4 && editDistance(a, b, 1) <= 1;
}

function givenNamesMatch(a: string, b: string): boolean {
  // An initial stands for the name it begins: `J Smith` and `John Smith`.
  if ((a.length === 1 || b.length === 1) && a[0] === b[0]) return true;
  return jaroWinkler(a, b) >= NAME_SIMILARITY.givenName || oneSlipApart(a, b);
}

function surnamesMatch(a: string, b: string): boolean {
  return jaroWinkler(a, b) >= NAME_SIMILARITY.surname || oneSlipApart(a, b);
}

/**
 * Whether two names plausibly name one person: the same folded name in any token order, or
 * similar surnames (last tokens) and similar given names (first tokens, an initial matching its
 * name), or the whole folded names nearly equal. Two words are similar when their Jaro–Winkler
 * similarity reaches the threshold or one typing slip separates them (4 letters or more). `Jon Smith` ~ `John Smith`, `Smith, John` ~ `John
 * Smith`, `J. Smith` ~ `John Smith`; `Jane Smith` and `John Smith` (one household) do not match.
 */
export function similarNames(first: string, second: string): boolean {
  const a = nameTokens(first);
  const b = nameTokens(second);
  if (a.length === 0 || b.length === 0) return false;
  if ([...a].sort().join(' ') === [...b].sort().join(' ')) return true;
  const surnameA = a[a.length - 1] as string;
  const surnameB = b[b.length - 1] as string;
  if (
    a.length > 1 &&
    b.length > 1 &&
    surnamesMatch(surnameA, surnameB) &&
    givenNamesMatch(a[0] as string, b[0] as string)
  ) {
    return true;
  }
  return jaroWinkler(a.join(' '), b.join(' ')) >= NAME_SIMILARITY.wholeName;
}

const STREET_WORDS: Readonly<Record<string, string>> = {
  ROAD: 'RD',
  STREET: 'ST',
  AVENUE: 'AVE',
  LANE: 'LN',
  DRIVE: 'DR',
  CLOSE: 'CL',
  COURT: 'CT',
  PLACE: 'PL',
  CRESCENT: 'CRES',
  TERRACE: 'TER',
  GARDENS: 'GDNS',
  SQUARE: 'SQ',
  FLAT: 'FLAT',
  APARTMENT: 'FLAT',
};

/**
 * The key two members' addresses must share to count as "the same address": the postcode without
 * spaces and the first address line folded (case, punctuation, common street-word abbreviations).
 */
export function addressKey(address: string, postcode: string): string {
  const firstLine = (address.split('\n')[0] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => STREET_WORDS[word] ?? word)
    .join(' ');
  return `${postcode.toUpperCase().replace(/\s+/g, '')}|${firstLine}`;
}
