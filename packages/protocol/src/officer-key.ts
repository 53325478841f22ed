/**
 * @module The returning officer's bearer key (spec §10.8), as the CLI and the web console both
 * handle it: its SHA-256 (what the board stores), a strength estimate (the floor `election create`
 * enforces), and reading a key file's text — which refuses a trustee's key file by name, so an
 * officer who picks the wrong file is told so rather than "wrong key".
 */
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import { type Result, err, ok } from '@scrutineer/record';

/** Bits of entropy the officer's key must have at least (estimated). */
export const MIN_OFFICER_KEY_BITS = 128;

/** SHA-256 hex of the key's UTF-8: what the board stores and compares in constant time. */
export function officerKeyHash(key: string): string {
  return bytesToHex(sha256(utf8(key)));
}

const ALPHABETS: readonly [RegExp, number][] = [
  [/^[0-9]+$/, 10],
  [/^[0-9a-f]+$/i, 16],
  [/^[A-Za-z0-9_-]+$/, 64],
  [/^[A-Za-z0-9+/=]+$/, 64],
];

/** Estimated bits: length × log2 of the smallest alphabet spelling it (95 printable otherwise). */
export function estimatedKeyBits(key: string): number {
  const size = ALPHABETS.find(([pattern]) => pattern.test(key))?.[1] ?? 95;
  // A key of very few distinct characters ('aaaa…', '0101…') is weaker than its length says.
  const distinct = new Set(key).size;
  return key.length * Math.log2(distinct < 8 ? Math.max(2, distinct) : size);
}

export type OfficerKeyProblem =
  'officer-key/empty' | 'officer-key/trustee-key-file' | 'officer-key/not-a-key';

/**
 * The key in a key file's text (one line; surrounding blank space ignored). A JSON document is
 * not an officer's key: a trustee's key file (format `scrutineer/trustee-key/…`) is named as such.
 */
export function readOfficerKeyText(
  text: string
): Result<string, { readonly code: OfficerKeyProblem; readonly message: string }> {
  const key = text.trim();
  if (key === '') return err({ code: 'officer-key/empty', message: 'the key is empty' });
  if (key.startsWith('{')) {
    const trustee = /"format"\s*:\s*"scrutineer\/trustee-/.test(key);
    return err(
      trustee
        ? {
            code: 'officer-key/trustee-key-file',
            message: "this is a trustee's key file, not the returning officer's key",
          }
        : { code: 'officer-key/not-a-key', message: "this file is not a returning officer's key" }
    );
  }
  if (/\s/.test(key) || !/^[\x21-\x7e]+$/.test(key))
    return err({
      code: 'officer-key/not-a-key',
      message: "an officer's key is one line of printable characters",
    });
  return ok(key);
}
