/**
 * @module Bulk intake of returned envelopes from a scanning station (spec §9.5.3): the scanner's
 * file is CSV `barcode,scanned_at,batch`, one row per envelope, `barcode` the text of the return
 * slip's QR code (`RETURN2:…`), `batch` the opening batch (tray) the envelope goes into. The file
 * is read whole and refused, uploading nothing, if any row is malformed (the protocol's
 * parseScannerFile); then it is uploaded in
 * chunks to the board's envelope endpoint, each chunk retried on a network failure or a 5xx
 * answer. Retrying is safe: an envelope already received is answered `already-received` and
 * changes nothing, so an upload cut off half-way is simply run again.
 */
import type { Endpoints, ResponseOf } from '@scrutineer/api-contract';
import { readFileSync } from 'node:fs';
import { type ScannedEnvelope, parseScannerFile } from '@scrutineer/protocol';
import { ApiError, type ServerClient } from '../../client/server-client.ts';

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

export { parseScannerFile };

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
