/** @module The typed error of threshold decryption inputs (spec §8.8). */

/** Stable codes for malformed decryption inputs and misuse. */
export type DecryptionErrorCode =
  | 'decryption/invalid-indices'
  | 'decryption/index-out-of-range'
  | 'decryption/wrong-length'
  | 'decryption/trailing-bytes'
  | 'decryption/mismatched-inputs';

/** Thrown for malformed input; a share whose proof fails is an attributed fault, not a throw. */
export class DecryptionError extends RangeError {
  readonly code: DecryptionErrorCode;
  constructor(code: DecryptionErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'DecryptionError';
    this.code = code;
  }
}
