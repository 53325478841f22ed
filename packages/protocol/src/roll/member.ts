/**
 * @module A member of the roll as the registrar imports it: member id, name, address,
 * postcode, date of birth, email (optional), join date, membership status, and the optional
 * category and weight of spec §13.1/§13.4 (which ballot style and how many votes), each checked on
 * its own so a bad row can be reported field by field (row number, field, reason).
 */
import { type CivilDate, dayNumber, parseCivilDate } from './civil-date.ts';
import { normaliseStatus } from './eligibility.ts';
import { formatPostcode } from './uk-postcode.ts';

export interface Member {
  readonly memberId: string;
  readonly name: string;
  /** Address lines, joined by `\n` (commas in the CSV also separate lines). */
  readonly address: string;
  /** As `formatPostcode` writes it; its validity is for the audit, not the import. */
  readonly postcode: string;
  readonly dateOfBirth: CivilDate;
  readonly email: string | null;
  readonly joinDate: CivilDate;
  readonly status: string;
  /** Spec §13.1: the member's category (its ballot style), when the roll has one. */
  readonly category?: string;
  /** Spec §13.4: the member's weight, when the roll has one (else 1 where weights apply). */
  readonly weight?: number;
}

/** The fields of {@link Member}, in CSV column order. */
export const MEMBER_FIELDS = [
  'memberId',
  'name',
  'address',
  'postcode',
  'dateOfBirth',
  'email',
  'joinDate',
  'status',
  'category',
  'weight',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** A field's value or why it is unusable. */
type FieldResult<T> = { readonly value: T } | { readonly reason: string };

/** Fields a CSV may leave out (no column, or an empty cell). */
export const OPTIONAL_MEMBER_FIELDS: readonly MemberField[] = ['email', 'category', 'weight'];

/** Spec §13.1: a category id, as the manifest's `styles` names it. */
export const CATEGORY_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** Spec §13.4: the largest weight any manifest allows. */
export const MAX_WEIGHT = 1_000_000;

/** Member ids enter the roll leaves (spec §9.2.5) and command lines: no spaces, no separators. */
export const MEMBER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const EMAIL_PATTERN = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function collapse(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function required(text: string, label: string, max: number): FieldResult<string> {
  const value = collapse(text);
  if (value === '') return { reason: `${label} is empty` };
  if (value.length > max) return { reason: `${label} is longer than ${max} characters` };
  return { value };
}

/** Checks one field's text; `asOf` bounds dates of birth (nobody is born after it). */
export function readMemberField(
  field: MemberField,
  text: string,
  asOf: CivilDate
): FieldResult<string | null> {
  switch (field) {
    case 'memberId': {
      const value = text.trim();
      if (value === '') return { reason: 'member id is empty' };
      return MEMBER_ID_PATTERN.test(value)
        ? { value }
        : { reason: `member id "${value}" must be 1–64 letters, digits, ".", "_" or "-"` };
    }
    case 'name':
      return required(text, 'name', 200);
    case 'address': {
      const lines = text
        .split(/[\n,]/)
        .map(collapse)
        .filter((line) => line !== '');
      if (lines.length === 0) return { reason: 'address is empty' };
      const value = lines.join('\n');
      return value.length > 400 ? { reason: 'address is longer than 400 characters' } : { value };
    }
    case 'postcode': {
      const value = formatPostcode(text.trim());
      if (value === '') return { reason: 'postcode is empty' };
      return value.length > 10 ? { reason: `postcode "${value}" is too long` } : { value };
    }
    case 'dateOfBirth':
    case 'joinDate': {
      const label = field === 'joinDate' ? 'join date' : 'date of birth';
      if (text.trim() === '') return { reason: `${label} is empty` };
      const value = parseCivilDate(text);
      if (value === undefined) {
        return { reason: `${label} "${text.trim()}" is not a date (YYYY-MM-DD or DD/MM/YYYY)` };
      }
      if (field === 'dateOfBirth' && dayNumber(value) > dayNumber(asOf)) {
        return { reason: `date of birth ${value} is after ${asOf}` };
      }
      return { value };
    }
    case 'email': {
      const value = text.trim();
      if (value === '') return { value: null };
      return EMAIL_PATTERN.test(value) && value.length <= 254
        ? { value }
        : { reason: `email "${value}" is not an email address` };
    }
    case 'category': {
      const value = text.trim().toLowerCase();
      if (value === '') return { value: null };
      return CATEGORY_PATTERN.test(value)
        ? { value }
        : {
            reason: `category "${text.trim()}" must be 1–32 letters, digits or "-" (a category id of the manifest)`,
          };
    }
    case 'weight': {
      const value = text.trim();
      if (value === '') return { value: null };
      return /^\d{1,7}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_WEIGHT
        ? { value: String(Number(value)) }
        : { reason: `weight "${value}" must be a whole number from 1 to ${MAX_WEIGHT}` };
    }
    case 'status': {
      const value = normaliseStatus(text);
      if (value === '') return { reason: 'status is empty' };
      return /^[a-z][a-z0-9 _-]{0,31}$/.test(value)
        ? { value }
        : { reason: `status "${text.trim()}" must be a word of letters and digits` };
    }
  }
}

/** One unusable field of one row (row 1 is the header line of the CSV). */
export interface RowProblem {
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

/**
 * Builds a member from its field texts, or lists every problem of the row (all fields are read,
 * so one pass over the file reports everything).
 */
export function readMember(
  row: number,
  texts: Readonly<Record<MemberField, string>>,
  asOf: CivilDate
): { readonly member: Member } | { readonly problems: RowProblem[] } {
  const values: Partial<Record<MemberField, string | null>> = {};
  const problems: RowProblem[] = [];
  for (const field of MEMBER_FIELDS) {
    const result = readMemberField(field, texts[field], asOf);
    if ('reason' in result) problems.push({ row, field, reason: result.reason });
    else values[field] = result.value;
  }
  const { dateOfBirth, joinDate } = values;
  if (
    typeof dateOfBirth === 'string' &&
    typeof joinDate === 'string' &&
    dayNumber(joinDate) < dayNumber(dateOfBirth)
  ) {
    problems.push({
      row,
      field: 'joinDate',
      reason: `joined ${joinDate}, before being born ${dateOfBirth}`,
    });
  }
  if (problems.length > 0) return { problems };
  return {
    member: {
      memberId: values.memberId as string,
      name: values.name as string,
      address: values.address as string,
      postcode: values.postcode as string,
      dateOfBirth: values.dateOfBirth as string,
      email: values.email ?? null,
      joinDate: values.joinDate as string,
      status: values.status as string,
      ...(typeof values.category === 'string' ? { category: values.category } : {}),
      ...(typeof values.weight === 'string' ? { weight: Number(values.weight) } : {}),
    },
  };
}
