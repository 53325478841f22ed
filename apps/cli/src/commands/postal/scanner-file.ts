/**
 * @module Bulk intake of returned envelopes from a scanning station (spec §9.5.3): the scanner's
 * file is CSV `barcode,scanned_at,batch`, one row per envelope, `barcode` the text of the return
 * slip's QR code (`RETURN2:…`), `batch` the opening batch (tray) the envelope goes into. The file
 * is read whole and refused, uploading nothing, if any row is malformed (the protocol's
 * parseScannerFile); then it is uploaded in chunks to the board's envelope endpoint (the protocol's
 * uploadEnvelopesWith), each chunk retried on a network failure or a 5xx answer. Retrying is safe:
 * an envelope already received is answered `already-received` and changes nothing, so an upload
 * cut off half-way is simply run again.
 */
import { readFileSync } from 'node:fs';
import {
  type IntakeReport,
  type ScannedEnvelope,
  parseScannerFile,
  uploadEnvelopesWith,
} from '@scrutineer/protocol';
import { ApiError, type ServerClient } from '../../client/server-client.ts';

export { type IntakeReport, parseScannerFile };

function retryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** Uploads scanned envelopes in chunks (the protocol's uploadEnvelopesWith, through this client). */
export function uploadEnvelopes(
  client: ServerClient,
  electionId: string,
  key: string,
  envelopes: readonly ScannedEnvelope[],
  options: Parameters<typeof uploadEnvelopesWith>[2] = {}
): Promise<IntakeReport> {
  return uploadEnvelopesWith(
    {
      post: (body) => client.call('postalEnvelopes', { params: { electionId }, token: key, body }),
      retryable,
      wait: (attempt) => new Promise((resolve) => setTimeout(resolve, 200 * attempt)),
    },
    envelopes,
    options
  );
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
