/**
 * @module Bulk intake of returned envelopes from a scanning station (spec §9.5.3): the scanner's
 * file is CSV `barcode,scanned_at,batch`, one row per envelope, `barcode` the text of the return
 * slip's QR code (`RETURN2:…`), `batch` the opening batch (tray) the envelope goes into. The file
 * is read whole and refused, uploading nothing, if any row is malformed; then it is uploaded in
 * chunks to the board's envelope endpoint, each chunk retried on a network failure or a 5xx
 * answer. Retrying is safe: an envelope already received is answered `already-received` and
 * changes nothing, so an upload cut off half-way is simply run again.
 */
import type { Endpoints, ResponseOf } from '@scrutineer/api-contract';
import { readFileSync } from 'node:fs';
import { parseReturnSlip } from '@scrutineer/protocol';
import { ApiError, type ServerClient } from '../../client/server-client.ts';
import { parseCsvText } from '../roll/csv-file.ts';

export const SCANNER_COLUMNS = ['barcode', 'scanned_at', 'batch'] as const;
const BATCH_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface ScannedEnvelope {
  readonly row: number;
  readonly credential: string;
  readonly returnSecret: string;
  readonly batch: string;
  readonly scannedAt: string;
}

/** The board's answer for one envelope (the contract's `postalEnvelopes` response). */
export type EnvelopeOutcome = ResponseOf<Endpoints['postalEnvelopes']>['outcomes'][number];

export interface IntakeReport {
  readonly envelopes: number;
  readonly received: number;
  readonly alreadyReceived: number;
  /** Each refused envelope's row and the board's reason. */
  readonly refused: readonly { readonly row: number; readonly code: string }[];
  readonly uploads: number;
  readonly retries: number;
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

const UPLOAD_SIZE = 1000;

function retryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** Uploads scanned envelopes in chunks (retrying a chunk up to `attempts` times). */
export async function uploadEnvelopes(
  client: ServerClient,
  electionId: string,
  key: string,
  envelopes: readonly ScannedEnvelope[],
  options: {
    readonly chunk?: number;
    readonly attempts?: number;
    readonly onProgress?: (done: number) => void;
  } = {}
): Promise<IntakeReport> {
  const chunk = options.chunk ?? UPLOAD_SIZE;
  const attempts = options.attempts ?? 5;
  let received = 0;
  let alreadyReceived = 0;
  let uploads = 0;
  let retries = 0;
  const refused: { row: number; code: string }[] = [];
  for (let start = 0; start < envelopes.length; start += chunk) {
    const part = envelopes.slice(start, start + chunk);
    const body = {
      envelopes: part.map((e) => ({
        credential: e.credential,
        returnSecret: e.returnSecret,
        batch: e.batch,
        scannedAt: e.scannedAt,
      })),
    };
    let answer: { outcomes: EnvelopeOutcome[] } | null = null;
    for (let attempt = 1; answer === null; attempt++) {
      try {
        uploads++;
        answer = await client.call('postalEnvelopes', { params: { electionId }, token: key, body });
      } catch (error) {
        if (!retryable(error) || attempt >= attempts) throw error;
        retries++;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    answer.outcomes.forEach((outcome, i) => {
      if (outcome.outcome === 'received') received++;
      else if (outcome.outcome === 'already-received') alreadyReceived++;
      else refused.push({ row: part[i]?.row ?? 0, code: outcome.code });
    });
    options.onProgress?.(start + part.length);
  }
  return { envelopes: envelopes.length, received, alreadyReceived, refused, uploads, retries };
}

/** Reads the file and uploads it. */
export async function receiveScannerFile(
  client: ServerClient,
  electionId: string,
  key: string,
  path: string
): Promise<IntakeReport> {
  return uploadEnvelopes(
    client,
    electionId,
    key,
    parseScannerFile(readFileSync(path, 'utf8'), path)
  );
}
