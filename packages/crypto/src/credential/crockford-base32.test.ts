import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CROCKFORD_ALPHABET,
  decodeCrockfordCharacter,
  encodeCrockfordSymbol,
  isCodeSeparator,
} from './crockford-base32.ts';

test('the alphabet is the 32 Crockford symbols: digits and letters without I, L, O, U', () => {
  assert.equal(CROCKFORD_ALPHABET.length, 32);
  assert.equal(new Set(CROCKFORD_ALPHABET).size, 32);
  for (const excluded of 'ILOU') assert.ok(!CROCKFORD_ALPHABET.includes(excluded));
  assert.equal(CROCKFORD_ALPHABET, '0123456789ABCDEFGHJKMNPQRSTVWXYZ');
});

test('every symbol round-trips through its canonical character, in either case', () => {
  for (let value = 0; value < 32; value++) {
    const character = encodeCrockfordSymbol(value);
    assert.equal(decodeCrockfordCharacter(character), value);
    assert.equal(decodeCrockfordCharacter(character.toLowerCase()), value);
  }
});

test('look-alikes read as the digit they resemble: I, L → 1 and O → 0, in either case', () => {
  for (const character of ['I', 'i', 'L', 'l'])
    assert.equal(decodeCrockfordCharacter(character), 1);
  for (const character of ['O', 'o']) assert.equal(decodeCrockfordCharacter(character), 0);
});

test('U and every other non-symbol character are refused', () => {
  for (const character of ['U', 'u', '*', '.', '_', '=', 'é', 'Ａ', '١', '😀', '', 'AB']) {
    assert.equal(decodeCrockfordCharacter(character), undefined, JSON.stringify(character));
  }
  // Every UTF-16 code unit: only the 32 symbols, their 22 lower-case letters and I/L/O in both
  // cases decode.
  let decodable = 0;
  for (let unit = 0; unit < 0x10000; unit++) {
    if (decodeCrockfordCharacter(String.fromCharCode(unit)) !== undefined) decodable++;
  }
  assert.equal(decodable, 32 + 22 + 3 * 2);
});

test('separators are spaces and hyphens (with their Unicode look-alikes), nothing else', () => {
  for (const character of [
    ' ',
    '\t',
    '\n',
    '\r',
    '\u00a0',
    '-',
    '\u2010',
    '\u2011',
    '\u2013',
    '\u2014',
    '\u2212',
  ]) {
    assert.ok(isCodeSeparator(character), JSON.stringify(character));
  }
  for (const character of ['_', '.', '/', '0', 'A', '']) assert.ok(!isCodeSeparator(character));
});

test('encodeCrockfordSymbol refuses values outside 0…31', () => {
  for (const value of [-1, 32, 1.5, Number.NaN]) {
    assert.throws(() => encodeCrockfordSymbol(value), /crockford\/symbol-out-of-range/);
  }
});
