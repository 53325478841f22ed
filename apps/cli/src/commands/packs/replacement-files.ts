/**
 * @module The files of a replacement pack (spec §9.5 `credential-replaced`), under the output
 * directory of `packs generate`:
 *
 * | file | who sees it | content |
 * |---|---|---|
 * | `replacements.csv` | the registrar | `member_id,revoked,replacement,pack_id,reason,issued`: which credential each replacement revoked and added (no code), so a second replacement of the same member finds the current one |
 * | `replacements/<pack id>/request.json` | the officer, then the board | `{format, electionId, revoke, replacement: {key, answersHash, returnCommitment?}, reason, approval, issued}` (no pack id: the board never holds one, spec §9.5.4): what `election replace` posts |
 * | `replacements/<pack id>/print.csv` | the printer only | the new pack's `pack_id,member_id,code,answers` row; destroy after printing |
 * | `replacements/<pack id>/packs/packs-0001.pdf` | the printer only | the new pack (it carries the new code) |
 * | `replacements/<pack id>/notice.pdf` | the member | the notice letter, posted separately to the roll address |
 */
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  REPLACEMENT_FORMAT,
  type ReplacementRequestFile,
  checkReplacementRequest,
} from '@scrutineer/protocol';
import { csvLine, readCsvFile } from '../roll/csv-file.ts';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';

export { REPLACEMENT_FORMAT, type ReplacementRequestFile };

export interface RegisterRow {
  readonly member_id: string;
  readonly revoked: string;
  readonly replacement: string;
  readonly pack_id: string;
  readonly reason: string;
  readonly issued: string;
}

const REGISTER_COLUMNS = [
  'member_id',
  'revoked',
  'replacement',
  'pack_id',
  'reason',
  'issued',
] as const;

export const replacementPaths = (packsDir: string, packId: string) => ({
  register: join(packsDir, 'replacements.csv'),
  directory: join(packsDir, 'replacements', packId),
  request: join(packsDir, 'replacements', packId, 'request.json'),
  print: join(packsDir, 'replacements', packId, 'print.csv'),
  pdfDirectory: join(packsDir, 'replacements', packId, 'packs'),
  notice: join(packsDir, 'replacements', packId, 'notice.pdf'),
});

export function readRegister(path: string): RegisterRow[] {
  if (!existsSync(path)) return [];
  const table = readCsvFile(path);
  if (table.header.join(',') !== REGISTER_COLUMNS.join(','))
    throw new Error(`${path}: expected columns ${REGISTER_COLUMNS.join(',')}`);
  return table.rows.map(({ cells }) =>
    Object.fromEntries(REGISTER_COLUMNS.map((c, i) => [c, cells[i] ?? '']))
  ) as unknown as RegisterRow[];
}

export function appendRegister(path: string, row: RegisterRow): void {
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path)) appendFileSync(path, csvLine(REGISTER_COLUMNS));
  appendFileSync(path, csvLine(REGISTER_COLUMNS.map((c) => row[c])));
}

export function writeReplacementRequest(path: string, file: ReplacementRequestFile): void {
  writeJsonFile(path, file);
}

export function readReplacementRequest(path: string, electionId: string): ReplacementRequestFile {
  const checked = checkReplacementRequest(readJsonFile(path), electionId);
  if (!checked.ok) throw new Error(`${path}: ${checked.error.message}`);
  return checked.value;
}
