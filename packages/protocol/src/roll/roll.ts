/**
 * @module The roll: every member imported from the membership CSV, each marked eligible
 * or not under the {@link EligibilityRules}, written to roll.json. An import is all or nothing: a
 * single bad row refuses the whole file, with one problem line per bad field, so a roll is never
 * half imported. roll.json holds personal data: it stays with the registrar and is never published
 * (the record carries only the commitment, spec §9.2.5).
 */
import { type Result, err, ok } from '@scrutineer/record';
import {
  type EligibilityRules,
  type Ineligibility,
  checkEligibility,
  rulesProblem,
} from './eligibility.ts';
import {
  MEMBER_FIELDS,
  OPTIONAL_MEMBER_FIELDS,
  type Member,
  type MemberField,
  type RowProblem,
  readMember,
} from './member.ts';

export const ROLL_FORMAT = 'scrutineer/roll/v1';

export interface RollMember extends Member {
  readonly eligible: boolean;
  readonly ineligibility: readonly Ineligibility[];
}

export interface Roll {
  readonly format: typeof ROLL_FORMAT;
  readonly rules: EligibilityRules;
  /** In file order. */
  readonly members: readonly RollMember[];
}

/** A CSV already split into cells: the header line and the data rows with their line numbers. */
export interface MemberTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** Column names accepted for each field, compared in lower case without spaces or punctuation. */
const COLUMN_NAMES: Readonly<Record<MemberField, readonly string[]>> = {
  memberId: ['memberid', 'membershipnumber', 'membershipno', 'memberno', 'membernumber', 'id'],
  name: ['name', 'fullname', 'membername'],
  address: ['address', 'postaladdress'],
  postcode: ['postcode', 'postalcode', 'zip'],
  dateOfBirth: ['dateofbirth', 'dob', 'birthdate'],
  email: ['email', 'emailaddress'],
  joinDate: ['joindate', 'joined', 'datejoined', 'joiningdate'],
  status: ['status', 'membershipstatus'],
  category: ['category', 'ballotcategory', 'ballotstyle'],
  weight: ['weight', 'voteweight', 'votes'],
};

function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The column index of each field, or the header problems (row 1). Email, category and weight may be absent. */
export function mapMemberColumns(
  header: readonly string[]
): Result<Readonly<Record<MemberField, number | null>>, RowProblem[]> {
  const keys = header.map(columnKey);
  const columns: Partial<Record<MemberField, number | null>> = {};
  const problems: RowProblem[] = [];
  for (const field of MEMBER_FIELDS) {
    const found = keys.flatMap((key, index) => (COLUMN_NAMES[field].includes(key) ? [index] : []));
    if (found.length > 1) {
      problems.push({ row: 1, field, reason: `${found.length} columns name this field` });
    } else if (found.length === 0 && !OPTIONAL_MEMBER_FIELDS.includes(field)) {
      problems.push({
        row: 1,
        field,
        reason: `no column for ${field} (expected one of: ${COLUMN_NAMES[field].join(', ')})`,
      });
    } else {
      columns[field] = found[0] ?? null;
    }
  }
  return problems.length > 0 ? err(problems) : ok(columns as Record<MemberField, number | null>);
}

/**
 * Reads the member table into a roll under `rules`. Any problem (a header without a needed
 * column, a row with the wrong number of cells, a bad field, a member id seen before) refuses the
 * whole import and lists every problem, in row order.
 */
export function buildRoll(table: MemberTable, rules: EligibilityRules): Result<Roll, RowProblem[]> {
  const problem = rulesProblem(rules);
  if (problem !== undefined) return err([{ row: 0, field: 'rules', reason: problem }]);
  const columns = mapMemberColumns(table.header);
  if (!columns.ok) return columns;
  const problems: RowProblem[] = [];
  const members: RollMember[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      problems.push({
        row,
        field: '*',
        reason: `${cells.length} cells; the header has ${table.header.length}`,
      });
      continue;
    }
    const texts = {} as Record<MemberField, string>;
    for (const field of MEMBER_FIELDS) {
      const index = columns.value[field];
      texts[field] = index === null ? '' : (cells[index] ?? '');
    }
    const read = readMember(row, texts, rules.asOf);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const earlier = firstRowOf.get(read.member.memberId);
    if (earlier !== undefined) {
      problems.push({
        row,
        field: 'memberId',
        reason: `member id ${read.member.memberId} already on row ${earlier}`,
      });
      continue;
    }
    firstRowOf.set(read.member.memberId, row);
    members.push(withEligibility(read.member, rules));
  }
  if (table.rows.length === 0)
    problems.push({ row: 2, field: '*', reason: 'the file has no members' });
  return problems.length > 0 ? err(problems) : ok({ format: ROLL_FORMAT, rules, members });
}

function withEligibility(member: Member, rules: EligibilityRules): RollMember {
  const ineligibility = checkEligibility(member, rules);
  return { ...member, eligible: ineligibility.length === 0, ineligibility };
}

/** The eligible members, in roll order. */
export function eligibleMembers(roll: Roll): RollMember[] {
  return roll.members.filter((m) => m.eligible);
}

export interface RollFileProblem {
  readonly code: 'roll/invalid-file';
  readonly message: string;
}

function fileProblem(message: string): { readonly ok: false; readonly error: RollFileProblem } {
  return err({ code: 'roll/invalid-file', message });
}

/**
 * Reads roll.json back, re-checking every member as the import did and recomputing eligibility:
 * a file edited by hand into an inconsistent state is refused, not trusted.
 */
export function parseRoll(value: unknown): Result<Roll, RollFileProblem> {
  if (typeof value !== 'object' || value === null) return fileProblem('not a JSON object');
  const { format, rules, members } = value as {
    format?: unknown;
    rules?: unknown;
    members?: unknown;
  };
  if (format !== ROLL_FORMAT) return fileProblem(`format must be ${ROLL_FORMAT}`);
  if (typeof rules !== 'object' || rules === null) return fileProblem('rules missing');
  const r = rules as Record<string, unknown>;
  const parsedRules: EligibilityRules = {
    cutoff: typeof r['cutoff'] === 'string' ? r['cutoff'] : null,
    statuses: Array.isArray(r['statuses']) ? r['statuses'].map(String) : [],
    minimumAge: typeof r['minimumAge'] === 'number' ? r['minimumAge'] : null,
    asOf: typeof r['asOf'] === 'string' ? r['asOf'] : '',
  };
  const problem = rulesProblem(parsedRules);
  if (problem !== undefined) return fileProblem(`rules: ${problem}`);
  if (!Array.isArray(members)) return fileProblem('members must be an array');
  const table: MemberTable = {
    header: [...MEMBER_FIELDS],
    rows: members.map((m: unknown, i) => ({
      row: i,
      cells: MEMBER_FIELDS.map((f) => {
        const cell = (m as Record<string, unknown> | null)?.[f];
        return typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '';
      }),
    })),
  };
  const rebuilt = buildRoll(table, parsedRules);
  if (!rebuilt.ok) {
    const first = rebuilt.error[0];
    return fileProblem(
      `member ${first?.row ?? '?'}: ${first?.field ?? ''}: ${first?.reason ?? ''}`
    );
  }
  for (const [i, member] of rebuilt.value.members.entries()) {
    const stored = members[i] as Record<string, unknown>;
    const same =
      MEMBER_FIELDS.every((f) => (stored[f] ?? null) === (member[f] ?? null)) &&
      stored['eligible'] === member.eligible;
    if (!same)
      return fileProblem(`member ${i} (${member.memberId}) is not as the import writes it`);
  }
  return ok(rebuilt.value);
}
