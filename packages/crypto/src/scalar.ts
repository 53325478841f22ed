/**
 * @module Scalars of ristretto255: integers modulo the group order ℓ (RFC 9496 §4.1), encoded as
 * 32 little-endian bytes (spec §2.2). Arithmetic here is on public-size bigints; secret scalars
 * never branch on their value except through the group backends.
 */
import { GroupError } from './group.ts';
import { randomBytes } from './random.ts';

/** ℓ = 2^252 + 27742317777372353535851937790883648493, the prime order of ristretto255. */
export const GROUP_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;

export const SCALAR_BYTES = 32;

/** a mod ℓ, always in [0, ℓ). */
export function modOrder(a: bigint): bigint {
  const r = a % GROUP_ORDER;
  return r < 0n ? r + GROUP_ORDER : r;
}

export function addScalars(a: bigint, b: bigint): bigint {
  return modOrder(a + b);
}

export function subtractScalars(a: bigint, b: bigint): bigint {
  return modOrder(a - b);
}

export function multiplyScalars(a: bigint, b: bigint): bigint {
  return modOrder(a * b);
}

/** a⁻¹ mod ℓ (extended Euclid); throws for 0, which has no inverse. */
export function invertScalar(a: bigint): bigint {
  let [oldR, r] = [modOrder(a), GROUP_ORDER];
  if (oldR === 0n) throw new GroupError('group/scalar-zero-forbidden', '0 has no inverse mod ℓ');
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return modOrder(oldS);
}

/** Little-endian bytes → bigint (any length). */
export function bytesToNumberLE(bytes: Uint8Array): bigint {
  let n = 0n;
  let i = bytes.length;
  // Whole 64-bit words first (scalars and hashes are 32 and 64 bytes): 8× fewer bigint steps.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (; i >= 8 && i % 8 === 0; i -= 8) n = (n << 64n) | view.getBigUint64(i - 8, true);
  for (i--; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}

/** Spec §2.2: a scalar in [0, ℓ) as exactly 32 little-endian bytes. */
export function encodeScalar(scalar: bigint): Uint8Array {
  if (scalar < 0n || scalar >= GROUP_ORDER) {
    throw new GroupError('group/scalar-out-of-range', 'scalar not in [0, ℓ)');
  }
  const out = new Uint8Array(SCALAR_BYTES);
  let v = scalar;
  for (let i = 0; i < SCALAR_BYTES; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Spec §2.2: decodes 32 little-endian bytes, refusing any value ≥ ℓ (non-canonical). */
export function decodeScalar(bytes: Uint8Array): bigint {
  if (bytes.length !== SCALAR_BYTES) {
    throw new GroupError(
      'group/wrong-length',
      `scalar must be ${SCALAR_BYTES} bytes, got ${bytes.length}`
    );
  }
  const value = bytesToNumberLE(bytes);
  if (value >= GROUP_ORDER)
    throw new GroupError('group/scalar-out-of-range', 'scalar encoding ≥ ℓ');
  return value;
}

/** Spec §3.2: reduces 64 uniform bytes (a SHA-512 output) mod ℓ; bias < 2^-250. */
export function scalarFromWideBytes(bytes: Uint8Array): bigint {
  if (bytes.length !== 64)
    throw new GroupError('group/wrong-length', 'wide reduction takes 64 bytes');
  return modOrder(bytesToNumberLE(bytes));
}

/** A uniformly random non-zero scalar from the platform CSPRNG (spec §1.4). */
export function randomScalar(): bigint {
  for (;;) {
    const s = scalarFromWideBytes(randomBytes(64));
    if (s !== 0n) return s;
  }
}
