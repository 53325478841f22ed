import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressKey,
  editDistance,
  jaroWinkler,
  nameKey,
  normaliseName,
  similarNames,
} from './name-similarity.ts';

test('Jaro–Winkler matches the published values', () => {
  // Winkler's examples (as in the record-linkage literature and Apache Commons Text).
  assert.ok(Math.abs(jaroWinkler('MARTHA', 'MARHTA') - 0.9611) < 1e-4);
  assert.ok(Math.abs(jaroWinkler('DWAYNE', 'DUANE') - 0.84) < 1e-4);
  assert.ok(Math.abs(jaroWinkler('DIXON', 'DICKSONX') - 0.8133) < 1e-4);
  assert.equal(jaroWinkler('ABC', 'ABC'), 1);
  assert.equal(jaroWinkler('ABC', 'XYZ'), 0);
  assert.equal(jaroWinkler('', 'A'), 0);
});

test('names fold accents, case, punctuation and titles', () => {
  assert.equal(normaliseName("  Dr. José  O'Neill-Smith "), 'JOSE ONEILL SMITH');
  assert.equal(nameKey('Smith, John'), nameKey('john SMITH'));
});

test('similar names: spelling variants, order and initials match; a household does not', () => {
  for (const [a, b] of [
    ['Jon Smith', 'John Smith'],
    ['Catherine Jones', 'Katherine Jones'],
    ['Smith, John', 'John Smith'],
    ['J. Smith', 'John Smith'],
    ['Stephen Mitchell', 'Stephen Mitchel'],
    ['Zoë Brown', 'Zoe Brown'],
    ['Layla Davies', 'Laayla Davies'],
    ['Mohammed Patel', 'Mohammad Patel'],
  ]) {
    assert.ok(similarNames(a as string, b as string), `${a} ~ ${b}`);
  }
  for (const [a, b] of [
    ['Jane Smith', 'John Smith'],
    ['Anna Smith', 'Emma Smith'],
    ['John Smith', 'John Patel'],
    ['Mohammed Khan', 'Imran Khan'],
  ]) {
    assert.ok(!similarNames(a as string, b as string), `${a} ≁ ${b}`);
  }
});

test('address keys fold spelling but keep the house and postcode', () => {
  assert.equal(
    addressKey('12 High Street\nLeeds', 'ls1 4ap'),
    addressKey('12, High St.\nLEEDS', 'LS14AP')
  );
  assert.notEqual(addressKey('12 High Street', 'LS1 4AP'), addressKey('14 High Street', 'LS1 4AP'));
  assert.notEqual(addressKey('12 High Street', 'LS1 4AP'), addressKey('12 High Street', 'LS1 4AQ'));
});

test('edit distance counts insertions, deletions, substitutions and neighbour swaps', () => {
  assert.equal(editDistance('LAYLA', 'LAAYLA'), 1);
  assert.equal(editDistance('JOHN', 'JHON'), 1);
  assert.equal(editDistance('KITTEN', 'SITTING'), 3);
  assert.equal(editDistance('CA', 'ABC'), 3, 'optimal string alignment, not unrestricted Damerau');
  assert.equal(editDistance('', 'ABC'), 3);
  assert.equal(editDistance('ABCDEFGH', 'ZZZZZZZZ', 1), 2, 'stops early past the limit');
});
