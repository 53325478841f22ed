/**
 * @module CSV files of the registrar's commands: reading (csv-parse, RFC 4180 with quoted fields,
 * embedded newlines and a byte-order mark) into a header and numbered rows, and writing with
 * RFC 4180 quoting. Row numbers are file line numbers (the header is row 1), as a spreadsheet shows.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** Parses CSV text; throws (with the line) only when the text is not CSV at all. */
export function parseCsvText(text: string): CsvTable {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [first, ...rest] = records;
  if (first === undefined) return { header: [], rows: [] };
  return {
    header: first.record.map((h) => h.trim()),
    // info.lines is the line the record ends on; a record with embedded newlines starts earlier.
    rows: rest.map(({ record, info }) => ({
      row: info.lines - (record.join(',').match(/\n/g)?.length ?? 0),
      cells: record,
    })),
  };
}

export function readCsvFile(path: string): CsvTable {
  return parseCsvText(readFileSync(path, 'utf8'));
}

/**
 * One CSV field: quoted when it holds a comma, quote, CR or LF (RFC 4180 §2.6–2.7). A text cell
 * that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR: a roll
 * member's name is the registrar's input, not ours) gets a leading apostrophe, which spreadsheets
 * show as text (OWASP's CSV-injection advice). Numbers are written as they are.
 */
export function csvField(value: string | number): string {
  const text =
    typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line with CRLF, as RFC 4180 writes it. */
export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
