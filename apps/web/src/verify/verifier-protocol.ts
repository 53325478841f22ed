/**
 * @module Messages between the verifier page and its worker (verifier-worker.ts): the page asks
 * once; the worker answers with progress and then the report, or an error code.
 */
import type { EventBody, Manifest } from '@scrutineer/record';
import type { VerificationReport } from '@scrutineer/verifier';

/** The group backends the browser can run (spec §2.9): wasm by default, noble to compare. */
export type BrowserBackend = 'noble' | 'wasm';

export interface VerifyRequest {
  readonly electionId: string;
  /** 'noble' forces the pure-JavaScript reference (the page's `?backend=noble`); default wasm. */
  readonly backend?: BrowserBackend;
}

export type VerifyMessage =
  | { readonly type: 'progress'; readonly events: number; readonly ballotsVerified: number }
  | {
      readonly type: 'done';
      readonly report: VerificationReport;
      /** The record's own manifest and result, so the page shows what was verified, not the API's. */
      readonly manifest: Manifest | null;
      readonly result: EventBody<'election-result'> | null;
      /** The backend that ran: wasm, or noble where WebAssembly was refused or noble was asked. */
      readonly backend: BrowserBackend;
    }
  | { readonly type: 'error'; readonly code: 'verify/download-failed' | 'verify/crashed' };
