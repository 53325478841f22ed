/**
 * @module Calendar dates of the roll (join dates, dates of birth, cut-offs) as `YYYY-MM-DD` text
 * and as day numbers, with no clock and no time zone: packages are pure (CONTRIBUTING.md), and a
 * membership date is a civil date, not an instant. Day numbers count days since 1970-01-01 in the
 * proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
 */

/** A valid calendar date written `YYYY-MM-DD` (years 1000–9999). */
export type CivilDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function dateOf(year: number, month: number, day: number): CivilDate | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date written `YYYY-MM-DD` or, as UK spreadsheets export it, `D/M/YYYY` (also with `.` or
 * `-`). Returns the `YYYY-MM-DD` form, or undefined for text that is not a real calendar date.
 */
export function parseCivilDate(text: string): CivilDate | undefined {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso !== null) return dateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST_DATE.exec(trimmed);
  if (dayFirst !== null) {
    return dateOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  }
  return undefined;
}

/** Whether `text` is already a valid date in the canonical `YYYY-MM-DD` form. */
export function isCivilDate(text: string): text is CivilDate {
  return ISO_DATE.test(text) && parseCivilDate(text) === text;
}

function fieldsOf(date: CivilDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (match === null || parseCivilDate(date) !== date) {
    throw new RangeError(`civil-date/invalid: ${JSON.stringify(date)} is not a YYYY-MM-DD date`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Days from 1970-01-01 to `date` (negative before). */
export function dayNumber(date: CivilDate): number {
  const [year, month, day] = fieldsOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `days` after `date` (before it for negative `days`). */
export function addDays(date: CivilDate, days: number): CivilDate {
  const z = dayNumber(date) + days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthPrime = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthPrime + 2) / 5) + 1;
  const month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const result = dateOf(year, month, day);
  if (result === undefined) throw new RangeError(`civil-date/out-of-range: ${date} + ${days} days`);
  return result;
}

/** Whole years from `birth` to `on` (a birthday on 29 February counts on 1 March in other years). */
export function ageOn(birth: CivilDate, on: CivilDate): number {
  const [birthYear, birthMonth, birthDay] = fieldsOf(birth);
  const [year, month, day] = fieldsOf(on);
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}
