/**
 * @module Plain-language words for every refusal the console can meet: the API's stable codes
 * (error-codes.ts), the console's own checks, and a manifest's zod/Result findings, each mapped to
 * a sentence a returning officer understands. Unknown codes fall back to the server's own message.
 */
import { ApiError } from './console-api.ts';
import type { StepProblem } from './console-actions.ts';
import { type ConsoleKey, ct } from './i18n/console-i18n.ts';

/** A sentence on show: the status line's, or an error's. */
export interface Worded {
  readonly text: string;
}

/** An error of the form on show: its sentence, and the field it is about. */
export interface ConsoleError extends Worded {
  readonly target?: string;
}

/**
 * A sentence made each time it is shown, so the error summary and the status line follow a switch
 * of language after the step that gave them (the words are not kept in the language of that
 * moment).
 */
export function said(words: () => string, target?: string): ConsoleError {
  return {
    get text() {
      return words();
    },
    ...(target === undefined ? {} : { target }),
  };
}

const API_WORDS: Readonly<Record<string, ConsoleKey>> = {
  'auth/admin-required': 'error.wrongKey',
  'auth/operator-required': 'error.operatorKey',
  'election/not-found': 'error.unknownElection',
  'election/exists': 'error.manifestExists',
  'client/unreachable': 'error.unreachable',
  'request/rate-limited': 'error.busy',
  'nominations/hash-mismatch': 'error.nominations',
  'nominations/not-named': 'error.nominations',
  'nominations/not-canonical': 'error.nominations',
  'nominations/invalid-document': 'error.nominations',
  'postal/unknown-batch': 'error.unknownBatch',
  'postal/duplicate-batch': 'error.duplicateBatch',
  'postal/more-papers-than-envelopes': 'error.morePapers',
  'postal/invalid-batch': 'error.invalidBatch',
  'postal/invalid-ranking': 'error.invalidRanking',
  'postal/more-papers-than-style-returns': 'error.morePapersThanStyle',
  'postal/more-papers-than-weight-returns': 'error.morePapersThanWeight',
  'postal/missing-weight': 'error.batchWeight',
  'postal/weight-not-in-manifest': 'error.batchWeight',
  'postal/bad-weight': 'error.batchWeight',
  'postal/contest-not-in-style': 'error.contestNotInStyle',
  'postal/missing-style': 'error.batchStyle',
  'postal/unknown-style': 'error.batchStyle',
  'postal/style-not-in-manifest': 'error.batchStyle',
  'postal/already-received': 'error.alreadyReceived',
  'postal/credential-used-online': 'error.usedOnline',
  'postal/wrong-return-secret': 'error.wrongSecret',
  'postal/after-close': 'error.afterClose',
  'credential/revoked': 'error.revoked',
  'credential/not-found': 'error.noCredential',
  'election/channel-not-offered': 'error.noPostal',
  'election/not-open': 'error.notOpen',
};

const STEP_WORDS: Readonly<Record<string, ConsoleKey>> = {
  'console/bad-json': 'error.badJson',
  'console/answers': 'error.answers',
  'console/answers-mismatch': 'error.answersMismatch',
  'console/ceremony': 'error.ceremony',
  'console/result': 'error.result',
  'console/manifest': 'error.manifest',
  'officer-key/empty': 'error.noKey',
  'officer-key/trustee-key-file': 'error.trusteeKeyFile',
  'officer-key/not-a-key': 'error.notAKey',
  'console/batch-id': 'error.batchId',
  'console/scanner-file': 'error.scannerFile',
  'console/mismatches': 'error.mismatches',
  'console/cancel-reason': 'error.cancelReason',
  'console/audit-batch': 'error.auditBatch',
  'console/hand-count': 'error.handCount',
  'postal-audit/invalid-observer': 'error.auditObserver',
  'postal-audit/invalid-commitment': 'error.auditCommitment',
  'postal-audit/invalid-risk-limit': 'error.riskLimit',
  'postal-audit/invalid-seed': 'error.auditSeed',
  'pack/invalid-return-slip': 'error.slip',
  'postal/paper-counted-twice': 'error.paperTwice',
  'postal/unknown-candidate': 'error.unknownCandidate',
  'postal/contest-not-in-style': 'error.contestNotInStyle',
  'postal/missing-style': 'error.batchStyle',
  'postal/unknown-style': 'error.batchStyle',
  'postal/style-not-in-manifest': 'error.batchStyle',
  'postal/missing-weight': 'error.batchWeight',
  'postal/weight-not-in-manifest': 'error.batchWeight',
  'postal/bad-weight': 'error.batchWeight',
  'postal/empty-choice': 'error.emptyChoice',
  'postal/invalid-boxes': 'error.invalidBoxes',
  'postal/invalid-entry-file': 'error.entryFile',
  'replacement/not-a-request': 'error.replacementFile',
  'replacement/other-election': 'error.replacementFile',
};

/**
 * The board's refusals of an audit step that an officer meets in the order of the steps, by the
 * code the API gives each (record's audit-replay.ts), get a sentence in the page's language; any
 * other (`postal-audit/refused`) is quoted.
 */
const AUDIT_REFUSALS: Readonly<Record<string, ConsoleKey>> = {
  'postal-audit/no-commitment': 'error.auditNoCommitment',
  'postal-audit/seeds-unrevealed': 'error.auditUnrevealed',
  'postal-audit/seed-mismatch': 'error.auditSeedMismatch',
  'postal-audit/sample-uncounted': 'error.auditUncounted',
  'postal-audit/risk-limit-met': 'error.auditRiskMet',
  'postal-audit/risk-above-limit': 'error.auditRiskAbove',
};

function auditRefusal(code: string, detail: string): string {
  const words = AUDIT_REFUSALS[code];
  return words === undefined ? ct('error.auditRefused', { detail }) : ct(words);
}

/** A sentence for a thrown error (an ApiError from the contract client, or a bug's message). */
export function describeFailure(error: unknown, stage?: string): string {
  if (error instanceof ApiError) {
    const words = API_WORDS[error.code];
    if (words !== undefined) return ct(words);
    if (error.status === 503) return ct('error.busy');
    if (error.code === 'election/wrong-stage')
      return ct('error.wrongStage', { stage: stage ?? '' });
    if (error.code === 'election/invalid-manifest')
      return ct('error.manifest', { detail: error.detail });
    if (error.code.startsWith('postal-audit/')) return auditRefusal(error.code, error.detail);
    if (error.code.startsWith('replacement/'))
      return ct('error.replacementRefused', { detail: error.detail });
    return ct('error.generic', { detail: error.detail });
  }
  return ct('error.generic', { detail: error instanceof Error ? error.message : String(error) });
}

/** A sentence for a refusal the console found itself. */
export function describeProblem(problem: StepProblem): string {
  const words = STEP_WORDS[problem.code];
  return words === undefined
    ? ct('error.generic', { detail: problem.detail })
    : ct(words, { detail: problem.detail });
}

/** A sentence for a refusal code the board gave in an answer (a scanned envelope's outcome). */
export function describeCode(code: string): string {
  const words = API_WORDS[code];
  return words === undefined ? ct('error.generic', { detail: code }) : ct(words);
}
