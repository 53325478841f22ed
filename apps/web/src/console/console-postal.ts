/**
 * @module The officer's postal and record-changing steps, as the CLI takes them: `postal receive`
 * (one return slip, or a scanning station's file in chunks of 1,000), `postal batch` (two
 * operators' entries compared and checked by the protocol's keyedBatch, the totals posted only
 * when they agree), `election replace` (a request file from `packs replace`) and `election
 * cancel`. The checks before a call are the shared packages'; the board's own refusals come back
 * as ApiErrors, which console-errors.ts words. A refused step posts nothing.
 */
import {
  BATCH_ID,
  BatchEntryError,
  type BatchTotals,
  type IntakeReport,
  type Mismatch,
  checkReplacementRequest,
  type HandCountText,
  keyedBatch,
  parseHandCount,
  parseReturnSlip,
  parseScannerFile,
  replacementRequestBody,
  uploadEnvelopesWith,
} from '@scrutineer/protocol';
import { type Manifest, type Result, err, ok } from '@scrutineer/record';
import type { Officer, StepProblem } from './console-actions.ts';
import { ApiError, consoleApi } from './console-api.ts';

export function checkBatchId(batch: string): Result<string, StepProblem> {
  return BATCH_ID.test(batch) ? ok(batch) : err({ code: 'console/batch-id', detail: batch });
}

/** `scrutineer postal receive --slip … [--batch …]`: one returned envelope while voting is open. */
export async function receiveSlip(
  officer: Officer,
  slipText: string,
  batch: string
): Promise<Result<string, StepProblem>> {
  const slip = parseReturnSlip(slipText);
  if (!slip.ok) return err({ code: slip.error.code, detail: slip.error.message });
  if (batch !== '' && !checkBatchId(batch).ok)
    return err({ code: 'console/batch-id', detail: batch });
  await consoleApi.postalReceived(officer.electionId, officer.key, {
    credential: slip.value.credential,
    returnSecret: slip.value.returnSecret,
    ...(batch === '' ? {} : { batch }),
  });
  return ok(slip.value.credential);
}

/** `scrutineer postal receive --scanner-file`: the whole file checked first, then uploaded. */
export async function uploadScannerText(
  officer: Officer,
  text: string,
  name: string
): Promise<Result<IntakeReport, StepProblem>> {
  let envelopes: ReturnType<typeof parseScannerFile>;
  try {
    envelopes = parseScannerFile(text, name);
  } catch (error) {
    return err({ code: 'console/scanner-file', detail: (error as Error).message });
  }
  return ok(
    await uploadEnvelopesWith(
      {
        post: (body) => consoleApi.postalEnvelopes(officer.electionId, officer.key, body),
        retryable: (error) =>
          error instanceof ApiError && (error.status === 0 || error.status >= 500),
        wait: (attempt) => new Promise((resolve) => setTimeout(resolve, 500 * attempt)),
      },
      envelopes
    )
  );
}

export type BatchProblem = StepProblem & { readonly mismatches?: readonly Mismatch[] };

/** `scrutineer postal batch`: both entries agree and name only candidates, or nothing is posted. */
export async function enterKeyedBatch(
  officer: Officer,
  manifest: Manifest,
  batch: string,
  entries: { readonly first: string; readonly second: string },
  style?: string,
  weight?: number
): Promise<Result<BatchTotals, BatchProblem>> {
  const id = checkBatchId(batch);
  if (!id.ok) return id;
  let checked: ReturnType<typeof keyedBatch>;
  try {
    checked = keyedBatch(manifest, entries, style, weight);
  } catch (error) {
    if (error instanceof BatchEntryError) return err({ code: error.code, detail: error.message });
    throw error;
  }
  if (checked.mismatches.length > 0)
    return err({ code: 'console/mismatches', detail: '', mismatches: checked.mismatches });
  await consoleApi.postalBatch(officer.electionId, officer.key, { batch, ...checked.totals });
  return ok(checked.totals);
}

/**
 * `scrutineer postal audit count`: a batch the board drew (spec §9.8), its hand count checked
 * against the manifest by the same parser as the CLI's, then posted; the board refuses a batch
 * it has not drawn or has already counted.
 */
export async function recordHandCount(
  officer: Officer,
  manifest: Manifest,
  pending: readonly string[],
  text: HandCountText
): Promise<Result<string, StepProblem>> {
  if (!pending.includes(text.batch))
    return err({ code: 'console/audit-batch', detail: text.batch });
  let body: ReturnType<typeof parseHandCount>;
  try {
    body = parseHandCount(manifest, text);
  } catch (error) {
    return err({ code: 'console/hand-count', detail: (error as Error).message });
  }
  await consoleApi.postalAuditCount(officer.electionId, officer.key, body);
  return ok(body.batch);
}

/** `scrutineer election replace --request request.json`. */
export async function postReplacementText(
  officer: Officer,
  text: string
): Promise<Result<{ revoked: string; added: string }, StepProblem>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err({ code: 'console/bad-json', detail: (error as Error).message });
  }
  const request = checkReplacementRequest(value, officer.electionId);
  if (!request.ok) return err({ code: request.error.code, detail: request.error.message });
  await consoleApi.replaceCredential(
    officer.electionId,
    officer.key,
    replacementRequestBody(request.value)
  );
  return ok({ revoked: request.value.revoke, added: request.value.replacement.key });
}

/** `scrutineer election cancel --reason …`: the reason as the record will show it. */
export async function cancelElection(
  officer: Officer,
  reason: string
): Promise<Result<number, StepProblem>> {
  if (reason.trim() === '' || reason.length > 1000)
    return err({ code: 'console/cancel-reason', detail: '' });
  const appended = await consoleApi.cancel(officer.electionId, officer.key, reason);
  return ok(appended.position);
}
