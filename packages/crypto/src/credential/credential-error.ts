/**
 * @module Typed errors for malformed credential inputs (spec §6). A code the voter typed is
 * expected to be wrong sometimes and is parsed into a Result (voting-code.ts); these errors are
 * for inputs that only a bug or a corrupted file can produce.
 */

/** Stable codes for malformed credential inputs. */
export type CredentialErrorCode =
  | 'credential/wrong-length'
  | 'credential/non-canonical-data'
  | 'credential/invalid-code'
  | 'credential/empty-election-id'
  | 'credential/zero-key';

/** Thrown for malformed credential inputs: refused, never silently accepted. */
export class CredentialError extends RangeError {
  readonly code: CredentialErrorCode;
  constructor(code: CredentialErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'CredentialError';
    this.code = code;
  }
}
