/**
 * @module Result: how the record reports expected failures (CONTRIBUTING.md "Errors"). A malformed
 * record line, a non-canonical encoding or a schema mismatch is an answer, not a bug, so decoders
 * return `Result<T, RecordError>` instead of throwing. The type is a plain discriminated union:
 * JSON-serialisable, no classes, no library.
 */

/** Either a value or an error, never both. Check `ok` before reading either side. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** A stable error code of the form `record/kebab-reason`. */
export type RecordErrorCode = `record/${string}`;

/** An expected failure to read the record: a stable code, a human message, and where it happened. */
export interface RecordError {
  readonly code: RecordErrorCode;
  readonly message: string;
  /** Where in the input: a JSON Pointer (RFC 6901) such as `/ballot/proofs/0`, or a field name. */
  readonly path?: string;
}

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** RFC 6901 escaping of one JSON Pointer reference token (`~` → `~0`, `/` → `~1`). */
export function jsonPointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a {@link RecordError}, leaving `path` out when there is none (exactOptionalPropertyTypes). */
export function recordError(code: RecordErrorCode, message: string, path?: string): RecordError {
  return path === undefined ? { code, message } : { code, message, path };
}

/**
 * Thrown by {@link unsafeUnwrap} and by encoders handed a value the record cannot hold (a bug in
 * the caller, not an expected failure). Carries the original error.
 */
export class RecordFailure<E = unknown> extends Error {
  readonly code: string;
  readonly error: E;
  constructor(error: E) {
    const described = describe(error);
    super(described.code === '' ? described.message : `${described.code}: ${described.message}`);
    this.name = 'RecordFailure';
    this.code = described.code;
    this.error = error;
  }
}

/**
 * The value of an `ok` result; throws {@link RecordFailure} with the error's code and message
 * otherwise. The name keeps the throwing path visible in review: use it only where failure is a bug
 * (tests, fixtures built by our own code), never on input read from outside.
 */
export function unsafeUnwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new RecordFailure(result.error);
}

function describe(error: unknown): { code: string; message: string } {
  if (typeof error === 'object' && error !== null) {
    const { code, message, path } = error as { code?: unknown; message?: unknown; path?: unknown };
    if (typeof code === 'string' && typeof message === 'string') {
      return { code, message: typeof path === 'string' ? `${message} (at ${path})` : message };
    }
  }
  if (error instanceof Error) return { code: '', message: error.message };
  return {
    code: '',
    message: typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error)),
  };
}
