/**
 * @module The nominators: the people entitled to nominate a candidate, e.g. the
 * party's MPs, imported from a CSV of `nominator id, name`. Each may nominate once.
 */
import { type Result, err, ok } from '@scrutineer/record';
import type { RowProblem } from '../roll/member.ts';

export interface Nominator {
  readonly id: string;
  readonly name: string;
}

/** Nominator ids are public (they appear in nominations.json): short, no spaces. */
export const NOMINATOR_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const ID_COLUMNS = ['nominatorid', 'nominator', 'id', 'mpid'];
const NAME_COLUMNS = ['name', 'fullname', 'nominatorname'];

/** Reads the nominator table; any problem refuses the whole file (row 1 is the header). */
export function parseNominators(table: {
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}): Result<Nominator[], RowProblem[]> {
  const keys = table.header.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const idColumn = keys.findIndex((k) => ID_COLUMNS.includes(k));
  const nameColumn = keys.findIndex((k) => NAME_COLUMNS.includes(k));
  const problems: RowProblem[] = [];
  if (idColumn < 0)
    problems.push({
      row: 1,
      field: 'nominatorId',
      reason: `no column for the nominator id (${ID_COLUMNS.join(', ')})`,
    });
  if (nameColumn < 0)
    problems.push({
      row: 1,
      field: 'name',
      reason: `no column for the name (${NAME_COLUMNS.join(', ')})`,
    });
  if (problems.length > 0) return err(problems);
  const nominators: Nominator[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const id = (cells[idColumn] ?? '').trim();
    const name = (cells[nameColumn] ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
    if (!NOMINATOR_ID_PATTERN.test(id)) {
      problems.push({
        row,
        field: 'nominatorId',
        reason:
          id === ''
            ? 'nominator id is empty'
            : `nominator id "${id}" must be 1–64 letters, digits, ".", "_" or "-"`,
      });
    } else if (seen.has(id)) {
      problems.push({
        row,
        field: 'nominatorId',
        reason: `nominator id ${id} already on row ${seen.get(id)}`,
      });
    }
    if (name === '' || name.length > 200)
      problems.push({
        row,
        field: 'name',
        reason: name === '' ? 'name is empty' : 'name is longer than 200 characters',
      });
    if (!seen.has(id)) seen.set(id, row);
    nominators.push({ id, name });
  }
  if (table.rows.length === 0)
    problems.push({ row: 2, field: '*', reason: 'the file has no nominators' });
  return problems.length > 0 ? err(problems) : ok(nominators);
}
