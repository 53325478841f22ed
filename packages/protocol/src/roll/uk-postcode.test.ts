import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPostcode, isValidUkPostcode } from './uk-postcode.ts';

test('accepts every outward shape and GIR 0AA, in any case and spacing', () => {
  for (const code of [
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
    'W1A 0AX',
    'EC1A 1BB',
    'sw1a1aa',
    ' ls1  4ap ',
    'GIR 0AA',
  ]) {
    assert.ok(isValidUkPostcode(code), code);
  }
});

test('refuses malformed codes and letters a position never holds', () => {
  for (const code of [
    '',
    'SW1A',
    'SW1A 1A',
    '12345',
    'QA1 1AA',
    'AJ1 1AA',
    'A1Z 1AA',
    'AB1C 1AA',
    'SW1A 1CA',
    'SW1A 1AI',
    'SW1A1AAA',
    'SW1A-1AA',
    'ZZ99 9ZZ9',
  ]) {
    assert.ok(!isValidUkPostcode(code), code);
  }
});

test('formats with one space before the inward code', () => {
  assert.equal(formatPostcode(' sw1a1aa'), 'SW1A 1AA');
  assert.equal(formatPostcode('m1   1ae'), 'M1 1AE');
  assert.equal(formatPostcode('ab'), 'AB');
});
