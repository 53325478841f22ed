/**
 * @module The replacement request `packs replace` writes for the officer (spec §9.5
 * `credential-replaced`): the revoked credential, the new credential entry, the reason and the
 * registrar's approval, and nothing that names the member or the pack. The officer posts it as it
 * is, with `scrutineer election replace` or from the console: both read it with this module.
 */
import {
  REPLACEMENT_REASONS,
  type ReplacementReason,
  type Result,
  err,
  ok,
} from '@scrutineer/record';

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

export interface ReplacementRequestError {
  readonly code: 'replacement/not-a-request' | 'replacement/other-election';
  readonly message: string;
}

/** Checks a parsed request file's shape and that it is for `electionId`; the board checks the rest. */
export function checkReplacementRequest(
  value: unknown,
  electionId: string
): Result<ReplacementRequestFile, ReplacementRequestError> {
  const request = value as Partial<ReplacementRequestFile> | null;
  if (
    request?.format !== REPLACEMENT_FORMAT ||
    typeof request.revoke !== 'string' ||
    typeof request.approval !== 'string' ||
    typeof request.replacement?.key !== 'string' ||
    !(REPLACEMENT_REASONS as readonly unknown[]).includes(request.reason)
  )
    return err({ code: 'replacement/not-a-request', message: `not a ${REPLACEMENT_FORMAT} file` });
  if (request.electionId !== electionId)
    return err({
      code: 'replacement/other-election',
      message: `the request is for ${String(request.electionId)}, not ${electionId}`,
    });
  return ok(request as ReplacementRequestFile);
}

/** The body of the board's replace endpoint, from a request file (spec §9.5). */
export function replacementRequestBody(request: ReplacementRequestFile) {
  return {
    revoke: { credential: request.revoke },
    replacement: request.replacement,
    reason: request.reason,
    approval: request.approval,
  };
}
