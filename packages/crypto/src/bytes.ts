/** @module Byte helpers shared by the encodings (spec §2.1). */

/** '00' … 'ff', so that hex encoding is one lookup per byte (the verifier's hot path). */
const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b.toString(16).padStart(2, '0')
);

/** Lower-case hexadecimal, two digits a byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX_PAIRS[b] as string;
  return out;
}

/** Parses lower-case hexadecimal; throws RangeError on odd length or any other character. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) {
    throw new RangeError('bytes/invalid-hex: expected lower-case hexadecimal of even length');
  }
  const out = new Uint8Array(hex.length / 2);
  // Character codes, not parseInt of slices: the verifier decodes millions of hex fields.
  for (let i = 0; i < out.length; i++)
    out[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  return out;
}

/** The value of a lower-case hex digit's character code (already validated). */
function nibble(code: number): number {
  return code < 0x3a ? code - 0x30 : code - 0x57;
}

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
