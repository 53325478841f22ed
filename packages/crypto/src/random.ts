/**
 * @module The only source of randomness in production code: the platform CSPRNG
 * (`crypto.getRandomValues`, Web Crypto; present in Node ≥ 19 and every browser). Spec §1.4.
 * Seeded generators exist only in tests and in the vector generator script.
 */

/** Returns `length` bytes from the platform CSPRNG. */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let offset = 0; offset < length; offset += 65536) {
    globalThis.crypto.getRandomValues(bytes.subarray(offset, Math.min(length, offset + 65536)));
  }
  return bytes;
}
