/**
 * @module Uploading a scanning station's envelopes (spec §9.5.3) in chunks, as `scrutineer postal
 * receive --scanner-file` and the officer's console both do: each chunk is one call of the board's
 * envelope endpoint, retried when the caller says the failure is transient. Retrying is safe: an
 * envelope already received is answered `already-received` and changes nothing. Pure: the caller
 * passes the call, the test for a transient failure and the wait between attempts.
 */
import type { ScannedEnvelope } from './scanner-rows.ts';

/** The board's answer for one envelope (the contract's `postalEnvelopes` outcomes). */
export type EnvelopeOutcome =
  | { readonly outcome: 'received' }
  | { readonly outcome: 'already-received' }
  | { readonly outcome: 'refused'; readonly code: string };

export interface EnvelopeUploadBody {
  readonly envelopes: {
    credential: string;
    returnSecret: string;
    batch: string;
    scannedAt: string;
  }[];
}

export interface IntakeReport {
  readonly envelopes: number;
  readonly received: number;
  readonly alreadyReceived: number;
  /** Each refused envelope's row and the board's reason. */
  readonly refused: readonly { readonly row: number; readonly code: string }[];
  readonly uploads: number;
  readonly retries: number;
}

export interface EnvelopeUploader {
  readonly post: (
    body: EnvelopeUploadBody
  ) => Promise<{ readonly outcomes: readonly EnvelopeOutcome[] }>;
  /** Whether a failed call may be tried again (a network failure, a 5xx answer). */
  readonly retryable: (error: unknown) => boolean;
  /** Waits before attempt `attempt` + 1. */
  readonly wait: (attempt: number) => Promise<void>;
}

/** The board's limit on envelopes per call. */
export const ENVELOPES_PER_UPLOAD = 1000;

/** Uploads scanned envelopes in chunks (retrying a chunk up to `attempts` times). */
export async function uploadEnvelopesWith(
  uploader: EnvelopeUploader,
  envelopes: readonly ScannedEnvelope[],
  options: {
    readonly chunk?: number;
    readonly attempts?: number;
    readonly onProgress?: (done: number) => void;
  } = {}
): Promise<IntakeReport> {
  const chunk = options.chunk ?? ENVELOPES_PER_UPLOAD;
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
    let answer: { readonly outcomes: readonly EnvelopeOutcome[] } | null = null;
    for (let attempt = 1; answer === null; attempt++) {
      try {
        uploads++;
        answer = await uploader.post(body);
      } catch (error) {
        if (!uploader.retryable(error) || attempt >= attempts) throw error;
        retries++;
        await uploader.wait(attempt);
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
