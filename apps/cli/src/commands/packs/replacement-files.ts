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
import { REPLACEMENT_REASONS, type ReplacementReason } from '@scrutineer/record';
import { csvLine, readCsvFile } from '../roll/csv-file.ts';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';

export const REPLACEMENT_FORMAT = 'scrutineer/replacement/v1';

export interface ReplacementRequestFile {
  readonly format: typeof REPLACEMENT_FORMAT;
  readonly electionId: string;
  /** The revoked credential key (what the approval signs). */
  readonly revoke: string;
  readonly replacement: {
    readonly key: string;
    readonly answersHash: string;
    /** With a postal channel: the new return slip's commitment (spec §9.5.3), approved with the rest. */
    readonly returnCommitment?: string;
  };
  readonly reason: ReplacementReason;
  readonly approval: string;
  readonly issued: string;
}

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

export function readReplacementRequest(path: string): ReplacementRequestFile {
  const value = readJsonFile(path) as Partial<ReplacementRequestFile> | null;
  if (
    value?.format !== REPLACEMENT_FORMAT ||
    typeof value.revoke !== 'string' ||
    typeof value.approval !== 'string' ||
    typeof value.replacement?.key !== 'string' ||
    !(REPLACEMENT_REASONS as readonly unknown[]).includes(value.reason)
  )
    throw new Error(`${path}: not a ${REPLACEMENT_FORMAT} file`);
  return value as ReplacementRequestFile;
}
