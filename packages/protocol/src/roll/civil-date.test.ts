import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, ageOn, dayNumber, isCivilDate, parseCivilDate } from './civil-date.ts';

test('parses ISO and day-first dates and refuses impossible ones', () => {
  assert.equal(parseCivilDate('1980-02-29'), '1980-02-29');
  assert.equal(parseCivilDate(' 5/1/1970 '), '1970-01-05');
  assert.equal(parseCivilDate('31.12.1999'), '1999-12-31');
  assert.equal(parseCivilDate('1981-02-29'), undefined);
  assert.equal(parseCivilDate('1900-02-29'), undefined);
  assert.equal(parseCivilDate('2000-02-29'), '2000-02-29');
  assert.equal(parseCivilDate('2024-13-01'), undefined);
  assert.equal(parseCivilDate('2024-04-31'), undefined);
  assert.equal(parseCivilDate('12/25/2020'), undefined, 'month-first is not read');
  assert.equal(parseCivilDate('yesterday'), undefined);
  assert.equal(isCivilDate('2024-01-05'), true);
  assert.equal(isCivilDate('5/1/2024'), false);
});

test('day numbers match the Unix epoch and count leap days', () => {
  assert.equal(dayNumber('1970-01-01'), 0);
  assert.equal(dayNumber('1969-12-31'), -1);
  assert.equal(dayNumber('2000-03-01') - dayNumber('2000-02-28'), 2);
  assert.equal(dayNumber('2100-03-01') - dayNumber('2100-02-28'), 1);
  assert.equal(dayNumber('2024-06-15'), 19_889);
});

test('addDays inverts dayNumber for every date in four centuries', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -100_000, max: 100_000 }),
      fc.integer({ min: -800, max: 800 }),
      (start, step) => {
        const date = addDays('1970-01-01', start);
        assert.equal(dayNumber(date), start);
        assert.equal(dayNumber(addDays(date, step)), start + step);
      }
    )
  );
});

test('age counts whole years, birthdays included', () => {
  assert.equal(ageOn('2008-06-15', '2026-06-14'), 17);
  assert.equal(ageOn('2008-06-15', '2026-06-15'), 18);
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
});
