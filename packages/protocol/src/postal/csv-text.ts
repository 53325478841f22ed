/**
 * @module A small RFC 4180 reader for the postal files officers key or scan (keyed entries, a
 * scanning station's file): fields separated by commas, a field in double quotes may hold commas,
 * line breaks and doubled quotes. Lines that are empty are skipped, a leading byte-order mark is
 * dropped, rows may have fewer or more cells than the header. Pure, so the CLI and the console
 * read a file the same way; each row carries the line it starts on, for refusals that name it.
 */

export interface CsvRow {
  /** The 1-based line the row starts on. */
  readonly row: number;
  readonly cells: string[];
}

export interface CsvTable {
  readonly header: string[];
  readonly rows: CsvRow[];
}

/** Reads CSV text; throws (naming the line) only when the text is not CSV at all. */
export function parseCsvText(text: string): CsvTable {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRow[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let endOfRecord = false;
    while (i < source.length && !endOfRecord) {
      const char = source[i] as string;
      if (quoted) {
        if (char === '"' && source[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (char === '"') {
          quoted = false;
          i++;
          const next = source[i];
          if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
            throw new Error(`line ${line}: a character follows a closing quote`);
        } else {
          if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) line++;
          cell += char;
          i++;
        }
      } else if (char === '"') {
        if (cell !== '') throw new Error(`line ${line}: a quote inside an unquoted field`);
        quoted = true;
        i++;
      } else if (char === ',') {
        cells.push(cell);
        cell = '';
        i++;
      } else if (char === '\r' || char === '\n') {
        i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        cell += char;
        i++;
      }
    }
    if (quoted) throw new Error(`line ${start}: a quoted field is not closed`);
    cells.push(cell);
    // An empty line is no record (a record of one empty quoted field would be `""`).
    if (cells.length > 1 || cells[0] !== '' || source[i - 1] === '"')
      records.push({ row: start, cells });
  }
  const [first, ...rows] = records;
  return first === undefined
    ? { header: [], rows: [] }
    : { header: first.cells.map((h) => h.trim()), rows };
}
