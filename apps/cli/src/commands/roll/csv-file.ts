/**
 * @module CSV files of the registrar's commands: reading with the protocol's RFC 4180 reader
 * (quoted fields, embedded newlines, a byte-order mark; the one the console uses too, so a file
 * reads the same in both) into a header and numbered rows, and writing with RFC 4180 quoting. Row
 * numbers are file line numbers (the header is row 1), as a spreadsheet shows.
 */
import { readFileSync } from 'node:fs';
import { type CsvTable, parseCsvText } from '@scrutineer/protocol';

export { type CsvTable, parseCsvText };

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
