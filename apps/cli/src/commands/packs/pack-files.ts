/**
 * @module The files `packs generate` writes into its output directory:
 *
 * | file | who sees it | content |
 * |---|---|---|
 * | `credentials.json` | public | `{format, electionId, count, credentialListHash, keys}`: the keys in shuffled order (spec §9.5) |
 * | `answers.json` | the server only | `{format, electionId, questions, count, credentialListHash, entries: [{key, answersHash, returnCommitment, style?, weight?}]}` in the same order: no pack id (spec §9.5.4); `style` and `weight` where the manifest has styles or weights (spec §13.1, §13.4: public once loaded) |
 * | `registrar/packs.csv` | the registrar only (0600) | `pack_id,credential`: which pack carries which key, consulted only to replace a pack (spec §9.5.4); never given to the board |
 * | `print/packs.csv` | the printer only (0600) | `pack_id,member_id,code,return_secret` (no answers: printing needs none): the only member link, and the only copy of the return slips' secrets (spec §9.5.3); destroy after printing |
 * | `packs/packs-NNNN.pdf` | the printer only | the print-ready packs, in the order of packs.csv |
 *
 * Loading `answers.json` into the server in order (batches of ≤ 10,000) publishes exactly the list
 * whose hash `credentials.json` states, which is what the base hash, hence the fingerprint printed
 * on the packs, covers (spec §9.3).
 */
import { join } from 'node:path';
import {
  type AnswersEntry,
  type PackRegisterRow,
  type PrintRow,
  PACK_REGISTER_COLUMNS,
  PRINT_COLUMNS,
} from '@scrutineer/protocol';
import { csvLine, readCsvFile } from '../roll/csv-file.ts';
import { readJsonFile, writeFileAtomic, writeJsonFile } from '../roll/roll-files.ts';

export const CREDENTIALS_FORMAT = 'scrutineer/credentials/v1';
export const ANSWERS_FORMAT = 'scrutineer/answers/v1';

export const packPaths = (dir: string) => ({
  credentials: join(dir, 'credentials.json'),
  answers: join(dir, 'answers.json'),
  print: join(dir, 'print', 'packs.csv'),
  packRegister: join(dir, 'registrar', 'packs.csv'),
  pdfDirectory: join(dir, 'packs'),
});

export interface CredentialsFile {
  readonly format: typeof CREDENTIALS_FORMAT;
  readonly electionId: string;
  readonly count: number;
  readonly credentialListHash: string;
  readonly keys: readonly string[];
}

/** An answers-table entry, with its credential's ballot style and weight (spec §13.1, §13.4). */
export interface AnswersFileEntry extends AnswersEntry {
  readonly style?: string;
  readonly weight?: number;
}

export interface AnswersFile {
  readonly format: typeof ANSWERS_FORMAT;
  readonly electionId: string;
  readonly questions: readonly string[];
  readonly count: number;
  readonly credentialListHash: string;
  readonly entries: readonly AnswersFileEntry[];
}

export function writeCredentialsFile(path: string, file: CredentialsFile): void {
  writeJsonFile(path, file);
}

export function readCredentialsFile(path: string): CredentialsFile {
  const value = readJsonFile(path) as Partial<CredentialsFile> | null;
  if (value?.format !== CREDENTIALS_FORMAT || !Array.isArray(value.keys))
    throw new Error(`${path}: not a ${CREDENTIALS_FORMAT} file`);
  return value as CredentialsFile;
}

export function writeAnswersFile(path: string, file: AnswersFile): void {
  writeJsonFile(path, file, { secret: true });
}

export function readAnswersFile(path: string): AnswersFile {
  const value = readJsonFile(path) as Partial<AnswersFile> | null;
  if (value?.format !== ANSWERS_FORMAT || !Array.isArray(value.entries))
    throw new Error(`${path}: not a ${ANSWERS_FORMAT} file`);
  return value as AnswersFile;
}

export function writePrintFile(path: string, rows: readonly PrintRow[]): void {
  writeFileAtomic(
    path,
    [csvLine(PRINT_COLUMNS), ...rows.map((r) => csvLine(PRINT_COLUMNS.map((c) => r[c])))].join(''),
    { secret: true }
  );
}

export function readPrintFile(path: string): PrintRow[] {
  const table = readCsvFile(path);
  if (table.header.join(',') !== PRINT_COLUMNS.join(','))
    throw new Error(`${path}: expected columns ${PRINT_COLUMNS.join(',')}`);
  return table.rows.map(({ cells }) => ({
    pack_id: cells[0] ?? '',
    member_id: cells[1] ?? '',
    code: cells[2] ?? '',
    return_secret: cells[3] ?? '',
  }));
}

/** The registrar's pack register (spec §9.5.4), 0600. */
export function writePackRegister(path: string, rows: readonly PackRegisterRow[]): void {
  writeFileAtomic(
    path,
    [
      csvLine(PACK_REGISTER_COLUMNS),
      ...rows.map((r) => csvLine(PACK_REGISTER_COLUMNS.map((c) => r[c]))),
    ].join(''),
    { secret: true }
  );
}

export function readPackRegister(path: string): PackRegisterRow[] {
  const table = readCsvFile(path);
  if (table.header.join(',') !== PACK_REGISTER_COLUMNS.join(','))
    throw new Error(`${path}: expected columns ${PACK_REGISTER_COLUMNS.join(',')}`);
  return table.rows.map(({ cells }) => ({ pack_id: cells[0] ?? '', credential: cells[1] ?? '' }));
}
