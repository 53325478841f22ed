/**
 * @module A scanning station's file of returned envelopes (spec §9.5.3): CSV
 * `barcode,scanned_at,batch`, one row per envelope, `barcode` the text of the return slip's QR code
 * (`RETURN2:…`), `batch` the opening batch (tray) the envelope goes into. The file is read whole
 * and refused if any row is malformed, before anything is uploaded. Pure: `scrutineer postal
 * receive --scanner-file` and the officer's console read a file with this one function.
 */
import { parseReturnSlip } from '../packs/return-secret.ts';
import { parseCsvText } from './csv-text.ts';

export const SCANNER_COLUMNS = ['barcode', 'scanned_at', 'batch'] as const;
/** An opening batch id as the board takes it (spec §9.5 `postal-batch`): 1–64 of A–Z, a–z, 0–9, -. */
export const BATCH_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface ScannedEnvelope {
  readonly row: number;
  readonly credential: string;
  readonly returnSecret: string;
  readonly batch: string;
  readonly scannedAt: string;
}

/** Reads a scanner's file; throws naming every malformed row (nothing is uploaded then). */
export function parseScannerFile(text: string, file = 'scanner file'): ScannedEnvelope[] {
  const table = parseCsvText(text);
  const header = table.header.map((h) => h.trim().toLowerCase());
  if (SCANNER_COLUMNS.some((c, i) => header[i] !== c))
    throw new Error(`${file}: a scanner's file has the columns ${SCANNER_COLUMNS.join(',')}`);
  const problems: string[] = [];
  const envelopes: ScannedEnvelope[] = [];
  for (const { row, cells } of table.rows) {
    const slip = parseReturnSlip(cells[0] ?? '');
    const scannedAt = (cells[1] ?? '').trim();
    const batch = (cells[2] ?? '').trim();
    if (!slip.ok) problems.push(`row ${row}: ${slip.error.message}`);
    else if (!BATCH_ID.test(batch))
      problems.push(`row ${row}: "${batch}" is not a batch id (1–64 of A–Z, a–z, 0–9, -)`);
    else if (scannedAt === '' || scannedAt.length > 64)
      problems.push(`row ${row}: scanned_at is empty or longer than 64 characters`);
    else envelopes.push({ row, ...slip.value, batch, scannedAt });
  }
  if (problems.length > 0)
    throw new Error(
      `${file}: ${problems.length} malformed row(s), nothing was uploaded:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? '\n  …' : ''}`
    );
  return envelopes;
}
