/** @module Byte helpers shared by the encodings (spec §2.1). */

/** The ASCII codes of '00' … 'ff', two a byte, so that hex encoding is two lookups a byte. */
const HEX_CODES = new Uint8Array(512);
for (let b = 0; b < 256; b++) {
  const pair = b.toString(16).padStart(2, '0');
  HEX_CODES[2 * b] = pair.charCodeAt(0);
  HEX_CODES[2 * b + 1] = pair.charCodeAt(1);
}
const ascii = new TextDecoder();
/** Room for an encoding of up to 2 KiB, reused: encoding is synchronous. */
const scratch = new Uint8Array(4096);

/**
 * Lower-case hexadecimal, two digits a byte. The digits are written as ASCII and decoded in one
 * call, so that the string is flat: one built by `+=` is a rope of about 60 pieces, some 1.9 KB
 * for a 64-byte ciphertext against 155 bytes flat and ten times slower to make, and a record's
 * hex runs to millions of fields (the verifier, the server and the benchmarks hold them).
 */
export function bytesToHex(bytes: Uint8Array): string {
  const digits = bytes.length * 2 <= scratch.length ? scratch : new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const at = 2 * (bytes[i] as number);
    digits[2 * i] = HEX_CODES[at] as number;
    digits[2 * i + 1] = HEX_CODES[at + 1] as number;
  }
  return ascii.decode(digits.subarray(0, bytes.length * 2));
}

/** Each ASCII code's value as a lower-case hex digit, or INVALID_DIGIT. */
const INVALID_DIGIT = 0x100;
const DIGIT_VALUES = new Uint16Array(256).fill(INVALID_DIGIT);
for (let d = 0; d < 16; d++) DIGIT_VALUES[d.toString(16).charCodeAt(0)] = d;
const utf8Encoder = new TextEncoder();
/** Room for the characters of a hex field of up to 2 KiB, reused: parsing is synchronous. */
const hexScratch = new Uint8Array(4096);

/**
 * Parses lower-case hexadecimal; throws RangeError on odd length or any other character. The
 * characters are read out in one call (`encodeInto`: a non-ASCII one takes more than a byte and
 * is caught by the count) and each looked up in a table, validity collected as we go: the verifier
 * parses hundreds of megabytes of hex, and this is four times faster than a regular expression
 * followed by a loop of `charCodeAt`.
 */
export function hexToBytes(hex: string): Uint8Array {
  const length = hex.length;
  const ascii = length <= hexScratch.length ? hexScratch : new Uint8Array(length);
  const { read, written } = utf8Encoder.encodeInto(hex, ascii);
  if (length % 2 !== 0 || read !== length || written !== length) throw invalidHex();
  const out = new Uint8Array(length / 2);
  let seen = 0;
  for (let i = 0; i < out.length; i++) {
    const high = DIGIT_VALUES[ascii[2 * i] as number] as number;
    const low = DIGIT_VALUES[ascii[2 * i + 1] as number] as number;
    seen |= high | low;
    out[i] = (high << 4) | low;
  }
  if ((seen & INVALID_DIGIT) !== 0) throw invalidHex();
  return out;
}

const invalidHex = (): RangeError =>
  new RangeError('bytes/invalid-hex: expected lower-case hexadecimal of even length');

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  return concatByteArrays(parts);
}

/**
 * {@link concatBytes} for a list: a shuffle of 160,000 rows joins about a million encodings, more
 * than a call's arguments may hold.
 */
export function concatByteArrays(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** An unsigned integer below 2^64 as 8 little-endian bytes (spec §3.1). */
export function encodeU64(value: number | bigint): Uint8Array {
  let v = BigInt(value);
  if (v < 0n || v >= 1n << 64n)
    throw new RangeError('bytes/u64-out-of-range: value not in [0, 2^64)');
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** An unsigned integer below 2^32 as 4 little-endian bytes (spec §3.1). */
export function encodeU32(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError('bytes/u32-out-of-range: value not in [0, 2^32)');
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}
