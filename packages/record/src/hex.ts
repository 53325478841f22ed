/**
 * @module Byte strings in the record (spec §10.1.2 rule 10): lower-case hexadecimal of an exact
 * length, two digits a byte. `Hex32` carries points, scalars and SHA-256 hashes; `Hex64` carries
 * signatures and ciphertexts (α ‖ β). Upper-case digits, a `0x` prefix or a wrong length are
 * refused, so each byte string has one spelling and the canonical text stays canonical.
 */
import { z } from 'zod';
import { bytesToHex, hexToBytes } from '@scrutineer/crypto';
import {
  type RecordError,
  type RecordErrorCode,
  type Result,
  err,
  jsonPointerToken,
  ok,
  recordError,
} from './result.ts';

/** What a hex field must look like, for error messages. */
function expectation(length: number): string {
  return `${length} bytes as ${2 * length} lower-case hexadecimal digits`;
}

/** Zod schema: a string of exactly `length` bytes in lower-case hex (spec §10.1.2 rule 10). */
export function hexBytes(length: number): z.ZodString {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`hex: byte length must be a non-negative integer, got ${length}`);
  }
  return z
    .string({ error: `expected a string of ${expectation(length)}` })
    .regex(new RegExp(`^[0-9a-f]{${2 * length}}$`), { error: `expected ${expectation(length)}` });
}

/** 32 bytes: a point (§2.3), a scalar (§2.2) or a SHA-256 hash. */
export const Hex32 = hexBytes(32);
export type Hex32 = z.infer<typeof Hex32>;

/** 64 bytes: a signature (§5.4) or a ciphertext α ‖ β (§2.5). */
export const Hex64 = hexBytes(64);
export type Hex64 = z.infer<typeof Hex64>;

/**
 * Zod codec between the hex text and its bytes: `schema.parse(text)` (or `z.decode`) yields a
 * Uint8Array, `z.encode(schema, bytes)` the lower-case hex. For record schemas that want bytes.
 */
export function hexBytesCodec(length: number) {
  return z.codec(
    hexBytes(length),
    z.custom<Uint8Array>((value) => value instanceof Uint8Array),
    {
      decode: (text) => hexToBytes(text),
      encode: (bytes) => bytesToHex(bytes),
    }
  );
}

/**
 * Decodes a hex field of exactly `length` bytes. The error names the field (`path`) and says what
 * was expected; its code is `record/invalid-hex`.
 */
export function decodeHex(
  value: unknown,
  length: number,
  field: string
): Result<Uint8Array, RecordError> {
  const parsed = hexBytes(length).safeParse(value);
  if (!parsed.success) {
    return err(recordErrorFromZod(parsed.error, 'record/invalid-hex', field));
  }
  return ok(hexToBytes(parsed.data));
}

/** {@link decodeHex} for a 32-byte field. */
export function decodeHex32(value: unknown, field: string): Result<Uint8Array, RecordError> {
  return decodeHex(value, 32, field);
}

/** {@link decodeHex} for a 64-byte field. */
export function decodeHex64(value: unknown, field: string): Result<Uint8Array, RecordError> {
  return decodeHex(value, 64, field);
}

/** Lower-case hex of `bytes`, checking the length the record expects (a wrong one is a bug). */
export function encodeHex(bytes: Uint8Array, length: number): string {
  if (bytes.length !== length) {
    throw new RangeError(`hex: expected ${length} bytes, got ${bytes.length}`);
  }
  return bytesToHex(bytes);
}

/**
 * The first issue of a zod failure as a {@link RecordError} whose `path` is a JSON Pointer (RFC 6901):
 * `field` (a pointer such as `/body/ballot`, or one member name such as `credential`) followed by
 * the issue's own path, e.g. `/body/ballot/contests/0/selections/1/ciphertext`.
 */
export function recordErrorFromZod(
  error: z.ZodError,
  code: RecordErrorCode = 'record/schema-mismatch',
  field?: string
): RecordError {
  const issue = error.issues[0];
  const prefix =
    field === undefined ? '' : field.startsWith('/') ? field : `/${jsonPointerToken(field)}`;
  const path =
    prefix + (issue?.path ?? []).map((token) => `/${jsonPointerToken(String(token))}`).join('');
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue.keys.join(', ')}`
      : (issue?.message ?? error.message);
  return path === '' ? recordError(code, message) : recordError(code, `${path}: ${message}`, path);
}
