/**
 * @module Messages between the verifier page and its worker (verifier-worker.ts): the page asks
 * once; the worker answers with progress and then the report, or an error code.
 */
import type { EventBody, Manifest } from '@scrutineer/record';
import type { VerificationReport } from '@scrutineer/verifier';

export interface VerifyRequest {
  readonly electionId: string;
}

export type VerifyMessage =
  | { readonly type: 'progress'; readonly events: number; readonly ballotsVerified: number }
  | {
      readonly type: 'done';
      readonly report: VerificationReport;
      /** The record's own manifest and result, so the page shows what was verified, not the API's. */
      readonly manifest: Manifest | null;
      readonly result: EventBody<'election-result'> | null;
    }
  | { readonly type: 'error'; readonly code: 'verify/download-failed' | 'verify/crashed' };
