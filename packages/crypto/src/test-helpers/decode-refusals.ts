/**
 * @module TESTS ONLY: what a decoder makes of malformed bytes. Decoders refuse with a typed error
 * that carries a stable code (CONTRIBUTING, Errors), so a test lists each spoilt input beside the
 * code it must get; any other exception propagates and fails the test instead of passing as a
 * refusal. (No node:assert here: the package's boundaries allow Node built-ins in tests only.)
 */
import { GroupError } from '../group.ts';

/** A module's typed error class (CeremonyError, DecryptionError…): an Error with a stable code. */
export type CodedError = new (...args: never[]) => Error & { readonly code: string };

/** One row of a decoding table: the bytes, and the code the decoder must give (or 'accepted'). */
export type Refusal = readonly [bytes: Uint8Array, code: string];

/** The code of the GroupError (or `own` error) `decode` throws, or `'accepted'` when it returns. */
export function refusalCode(decode: () => unknown, own?: CodedError): string {
  try {
    decode();
  } catch (error) {
    if (error instanceof GroupError || (own !== undefined && error instanceof own)) {
      return error.code;
    }
    throw error;
  }
  return 'accepted';
}

/**
 * Decodes every row's bytes and throws on the first whose {@link refusalCode} is not the row's
 * code: the table of refusals a decoder must make.
 */
export function assertRefusals(
  decode: (bytes: Uint8Array) => unknown,
  rows: readonly Refusal[],
  own?: CodedError
): void {
  rows.forEach(([bytes, code], row) => {
    const actual = refusalCode(() => decode(bytes), own);
    if (actual !== code) throw new Error(`refusal row ${row}: expected ${code}, got ${actual}`);
  });
}

/**
 * Whether `decodeAndVerify` accepts; a GroupError while decoding counts as a refusal, as it does
 * for a verifier reading the record.
 */
export function acceptsDecoded(decodeAndVerify: () => boolean): boolean {
  try {
    return decodeAndVerify();
  } catch (error) {
    if (error instanceof GroupError) return false;
    throw error;
  }
}

/** A copy of `bytes` whose u32le at `offset` is `value` (an index or count field). */
export function withU32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
}

/** A copy of `bytes` with bytes `start`…`end` − 1 (to the end by default) set to `value`. */
export function withFill(
  bytes: Uint8Array,
  value: number,
  start: number,
  end?: number
): Uint8Array {
  return bytes.slice().fill(value, start, end);
}
