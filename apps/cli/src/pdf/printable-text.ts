/**
 * @module Text for the PDF's built-in fonts (Helvetica, Courier: PDF's standard 14, which need no
 * font file but only hold Windows-1252 characters). Other characters are folded to their nearest
 * Latin form (`Łukasz` → `Lukasz`, `Dvořák` → `Dvorák`, `Nguyễn` → `Nguyên`), and anything left becomes
 * `?`, so a pack never prints a wrong glyph silently. With a Unicode font (`--font`), text is kept.
 */

// Windows-1252's characters outside Latin-1 (0x80–0x9F): the ones the standard fonts can also show.
const WINDOWS_1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  Ŧ: 'T',
  ŧ: 't',
  ſ: 's',
  Ŋ: 'N',
  ŋ: 'n',
};

function showable(character: string): boolean {
  const code = character.codePointAt(0) as number;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WINDOWS_1252_EXTRA.has(character)
  );
}

/** `text` with every character the standard fonts cannot show folded or replaced by `?`. */
export function printableText(text: string): string {
  let out = '';
  for (const character of text.normalize('NFC')) {
    if (showable(character)) {
      out += character;
      continue;
    }
    const lookalike = LATIN_LOOKALIKES[character];
    if (lookalike !== undefined) {
      out += lookalike;
      continue;
    }
    // Decompose, keep the base letter and any accent that recombines into a showable letter.
    const decomposed = character.normalize('NFD');
    const base = decomposed[0] ?? '';
    const recomposed = [...decomposed.slice(1)].reduce((acc, mark) => {
      const joined = (acc + mark).normalize('NFC');
      return joined.length === 1 && showable(joined) ? joined : acc;
    }, base);
    out += showable(recomposed) ? recomposed : '?';
  }
  return out;
}
