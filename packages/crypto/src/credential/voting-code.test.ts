import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  encodeVotingCodeData,
  formatVotingCode,
  generateVotingCode,
  parseVotingCode,
  votingCodeEntropyBits,
  votingCodeFromData,
  type VotingCode,
  type ParseVotingCodeResult,
} from './voting-code.ts';
import { CROCKFORD_ALPHABET } from './crockford-base32.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import { bytesToHex } from '../bytes.ts';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/;
const random = createSeededRandom('credential/voting-code.test');

function seededCode(): VotingCode {
  const data = random.bytes(14);
  data[0] = (data[0] as number) & 0x3f;
  return votingCodeFromData(data);
}

function parsedOk(result: ParseVotingCodeResult): VotingCode {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

/** The compact `code` with symbol `index` (0-based among the 24) replaced by `character`. */
function withSymbol(code: string, index: number, character: string): string {
  return code.slice(0, index) + character + code.slice(index + 1);
}

test('a code carries 110 bits in 22 data symbols and prints as 6 groups of 4', () => {
  assert.equal(votingCodeEntropyBits, 110);
  for (let i = 0; i < 50; i++) {
    const code = generateVotingCode();
    assert.equal(code.length, 24);
    assert.match(formatVotingCode(code), FORMAT);
  }
});

test('generated codes are fresh: 1,000 draws are distinct and use every symbol', () => {
  const seen = new Set<string>();
  const symbols = new Set<string>();
  for (let i = 0; i < 1000; i++) {
    const code = generateVotingCode();
    seen.add(code);
    for (const character of code.slice(0, 22)) symbols.add(character);
  }
  assert.equal(seen.size, 1000);
  assert.equal(symbols.size, 32);
});

test('format → parse round-trips, with and without separators', () => {
  for (let i = 0; i < 200; i++) {
    const code = i % 2 === 0 ? generateVotingCode() : seededCode();
    assert.equal(parsedOk(parseVotingCode(formatVotingCode(code))), code);
    assert.equal(parsedOk(parseVotingCode(code)), code);
  }
});

test('data packing (eq. 6.5): the 22 symbols are the base-32 digits of the 14-byte big-endian value', () => {
  for (let i = 0; i < 200; i++) {
    const data = random.bytes(14);
    data[0] = (data[0] as number) & 0x3f;
    const code = votingCodeFromData(data);
    const value = BigInt(`0x${bytesToHex(data)}`);
    let digits = '';
    for (let k = 21; k >= 0; k--)
      digits += CROCKFORD_ALPHABET.charAt(Number((value >> BigInt(5 * k)) & 31n));
    assert.equal(code.slice(0, 22), digits);
    assert.deepEqual(encodeVotingCodeData(code), data);
  }
  assert.equal(
    formatVotingCode(votingCodeFromData(new Uint8Array(14))),
    '0000-0000-0000-0000-0000-0000'
  );
  const largest = votingCodeFromData(Uint8Array.from([0x3f, ...new Array<number>(13).fill(0xff)]));
  assert.equal(largest.slice(0, 22), 'Z'.repeat(22));
});

test('votingCodeFromData refuses a wrong length or a set padding bit', () => {
  assert.throws(() => votingCodeFromData(new Uint8Array(13)), /credential\/wrong-length/);
  assert.throws(() => votingCodeFromData(new Uint8Array(15)), /credential\/wrong-length/);
  for (const top of [0x40, 0x80, 0xc0]) {
    const data = new Uint8Array(14);
    data[0] = top;
    assert.throws(() => votingCodeFromData(data), /credential\/non-canonical-data/);
  }
});

test('a forged VotingCode (a cast string) is refused by format and encode', () => {
  const code = seededCode();
  const forged = [
    withSymbol(code, 3, code.charAt(3) === 'A' ? 'B' : 'A'),
    code.toLowerCase(),
    code.slice(1),
    `${code}0`,
  ];
  for (const text of forged) {
    assert.throws(() => formatVotingCode(text as VotingCode), /credential\/invalid-code/);
    assert.throws(() => encodeVotingCodeData(text as VotingCode), /credential\/invalid-code/);
  }
});

test('parsing is lenient: case, I/L → 1, O → 0, spaces, hyphens and dashes are accepted', () => {
  const code = votingCodeFromData(
    Uint8Array.from([0x01, 0x08, 0x42, 0x10, 0x84, 0, 0, 0, 0, 0, 0, 0, 0, 1])
  );
  const formatted = formatVotingCode(code);
  assert.ok(code.includes('1') && code.includes('0'));
  const variants = [
    formatted.toLowerCase(),
    formatted.replaceAll('1', 'I'),
    formatted.replaceAll('1', 'i'),
    formatted.replaceAll('1', 'L'),
    formatted.replaceAll('1', 'l'),
    formatted.replaceAll('0', 'O'),
    formatted.replaceAll('0', 'o'),
    formatted.replaceAll('-', ' '),
    formatted.replaceAll('-', ''),
    formatted.replaceAll('-', '\u2013'),
    `  ${formatted.replaceAll('-', ' - ')}\n`,
    [...code].join(' '),
    `${code.slice(0, 5)}-${code.slice(5, 13)}\u00a0${code.slice(13)}`,
  ];
  for (const text of variants)
    assert.equal(parsedOk(parseVotingCode(text)), code, JSON.stringify(text));
});

test('U and other invalid characters are refused with their position among the symbols', () => {
  const code = seededCode();
  const formatted = formatVotingCode(code);
  for (const [index, character] of [
    [0, 'U'],
    [9, 'u'],
    [23, '*'],
    [12, 'é'],
    [5, '😀'],
    [17, '.'],
    [2, '_'],
  ] as const) {
    const result = parseVotingCode(withSymbol(code, index, character));
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'credential/invalid-character');
    assert.equal(result.error.position, index + 1, `${character} at ${index}`);
    assert.equal(result.error.suggestion, undefined);
  }
  // Position counts symbols, not the hyphens before them: 'U' as the 5th symbol of "XXXX-UXXX…".
  const result = parseVotingCode(`${formatted.slice(0, 5)}U${formatted.slice(6)}`);
  assert.ok(!result.ok && result.error.code === 'credential/invalid-character');
  assert.equal(result.error.position, 5);
});

test('wrong lengths are refused: missing, extra, empty', () => {
  const code = seededCode();
  for (const text of [
    code.slice(0, 23),
    `${code}0`,
    `${code}${code}`,
    '',
    ' - - ',
    code.slice(0, 22),
  ]) {
    const result = parseVotingCode(text);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'credential/wrong-length');
  }
});

// Exhaustive over the 24 positions × 31 wrong symbols, for several codes (spec §6.3 claim 1).
test('every single-symbol substitution is detected, located, and corrected by the suggestion', () => {
  const codes = [seededCode(), seededCode(), seededCode(), votingCodeFromData(new Uint8Array(14))];
  for (const code of codes) {
    const formatted = formatVotingCode(code);
    for (let index = 0; index < 24; index++) {
      for (const character of CROCKFORD_ALPHABET) {
        if (character === code.charAt(index)) continue;
        const result = parseVotingCode(withSymbol(code, index, character));
        assert.ok(!result.ok, `${code} ${index} ${character}`);
        assert.equal(result.error.code, 'credential/check-failed');
        assert.equal(result.error.position, index + 1);
        assert.equal(result.error.suggestion, formatted);
        assert.match(result.error.message, new RegExp(`did you mean ${code.charAt(index)}\\?`));
      }
    }
  }
});

// Every pair of positions, adjacent or not, for a sample of codes (spec §6.3 claim 2).
test('every transposition of two differing symbols is detected', () => {
  let transpositions = 0;
  for (let sample = 0; sample < 40; sample++) {
    const code = sample === 0 ? generateVotingCode() : seededCode();
    for (let i = 0; i < 24; i++) {
      for (let j = i + 1; j < 24; j++) {
        if (code.charAt(i) === code.charAt(j)) continue;
        const swapped = withSymbol(withSymbol(code, i, code.charAt(j)), j, code.charAt(i));
        const result = parseVotingCode(swapped);
        assert.ok(!result.ok, `${code} swap ${i} ${j}`);
        assert.equal(result.error.code, 'credential/check-failed');
        // A suggestion, when offered, changes one symbol of what was typed, so never the original.
        assert.notEqual(result.error.suggestion, formatVotingCode(code));
        transpositions++;
      }
    }
  }
  assert.ok(transpositions > 40 * 250);
});

// Spec §6.3: an adjacent swap at positions (p, p+1) looks like one wrong symbol, and so gets a
// (wrong) suggestion, exactly when p ∉ 11…17; the position alone decides it.
test('adjacent transpositions get a misleading suggestion exactly outside positions 11–17', () => {
  for (let sample = 0; sample < 10; sample++) {
    const code = seededCode();
    for (let p = 1; p <= 23; p++) {
      const [a, b] = [code.charAt(p - 1), code.charAt(p)];
      if (a === b) continue;
      const result = parseVotingCode(withSymbol(withSymbol(code, p - 1, b), p, a));
      assert.ok(!result.ok && result.error.code === 'credential/check-failed');
      assert.equal(result.error.suggestion !== undefined, p < 11 || p > 17, `swap at ${p}`);
      if (result.error.position !== undefined) {
        assert.ok(result.error.position !== p && result.error.position !== p + 1);
      }
    }
  }
});

test('the wrong-symbol message names the position as an ordinal', () => {
  const code = seededCode();
  const wrong = (index: number): string => {
    const result = parseVotingCode(withSymbol(code, index, code.charAt(index) === '7' ? '8' : '7'));
    assert.ok(!result.ok);
    return result.error.message;
  };
  assert.match(wrong(0), /^the 1st character looks wrong/);
  assert.match(wrong(1), /^the 2nd character/);
  assert.match(wrong(2), /^the 3rd character/);
  assert.match(wrong(6), /^the 7th character/);
  assert.match(wrong(10), /^the 11th character/);
  assert.match(wrong(11), /^the 12th character/);
  assert.match(wrong(20), /^the 21st character/);
  assert.match(wrong(22), /^the 23rd character/);
});

test('property: a random code with one random substitution never parses as valid', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 14, maxLength: 14 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 1, max: 31 }),
      fc.boolean(),
      (data, index, shift, lowerCase) => {
        data[0] = (data[0] as number) & 0x3f;
        const code = votingCodeFromData(data);
        const original = CROCKFORD_ALPHABET.indexOf(code.charAt(index));
        const replacement = CROCKFORD_ALPHABET.charAt((original + shift) % 32);
        const typed = withSymbol(code, index, replacement);
        const result = parseVotingCode(lowerCase ? typed.toLowerCase() : typed);
        return (
          !result.ok &&
          result.error.position === index + 1 &&
          result.error.suggestion === formatVotingCode(code)
        );
      }
    ),
    { numRuns: 2000 }
  );
});

test('property: random 24-symbol strings are accepted about once in 1,024 (two check symbols)', () => {
  let accepted = 0;
  const trials = 50_000;
  for (let i = 0; i < trials; i++) {
    let text = '';
    for (let k = 0; k < 24; k++) text += CROCKFORD_ALPHABET.charAt(random.integer(32));
    if (parseVotingCode(text).ok) accepted++;
  }
  // Expected 48.8; the bounds are ±5σ.
  assert.ok(accepted > 14 && accepted < 84, `${accepted}`);
});
