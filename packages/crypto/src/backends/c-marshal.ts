/**
 * @module How the two libdecaf backends (native.ts, wasm.ts) hand scalars and the terms of a
 * multi-scalar multiplication to their C code (native/ristretto.c, wasm/ristretto-wasm.c, spec
 * §2.9, §5.6): one encoder, so the addon and the module are given the same bytes for the same call.
 */
import { GroupError, type Point } from '../group.ts';
import { GROUP_ORDER, addScalars } from '../scalar.ts';

/** Refuses a scalar outside [0, ℓ) with the code every backend uses (spec §2.4). */
export function assertScalar(scalar: bigint): void {
  if (scalar < 0n || scalar >= GROUP_ORDER) {
    throw new GroupError('group/scalar-out-of-range', 'scalar not in [0, ℓ)');
  }
}

/** Whether every byte is zero (the identity's only encoding, RFC 9496 §4.3.2). */
export function isZeroBytes(bytes: Uint8Array): boolean {
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) bits |= bytes[i] as number;
  return bits === 0;
}

const MASK_64 = (1n << 64n) - 1n;
const HALF_ORDER = GROUP_ORDER >> 1n;

/** Writes a scalar in [0, 2^256) as 32 little-endian bytes at `offset` (four 64-bit words). */
export function writeScalar(view: DataView, offset: number, scalar: bigint): void {
  view.setBigUint64(offset, scalar & MASK_64, true);
  view.setBigUint64(offset + 8, (scalar >> 64n) & MASK_64, true);
  view.setBigUint64(offset + 16, (scalar >> 128n) & MASK_64, true);
  view.setBigUint64(offset + 24, scalar >> 192n, true);
}

/** One term of a multi-scalar multiplication as the C side takes it: ±magnitude·point. */
export interface SignedTerm<P> {
  readonly point: P;
  /** min(s, ℓ − s): s and −(ℓ − s) are the same multiple, and the shorter costs fewer windows. */
  readonly magnitude: bigint;
  readonly negative: boolean;
}

/**
 * The terms of Σ sᵢ·Pᵢ for the C multi-scalar multiplication: lengths and every scalar checked
 * before any work, terms on the same point object merged (a batch whose equations all use G and
 * the election key multiplies each once) unless the caller says they are `distinct`, zero terms
 * dropped, each scalar signed and shortened. `unwrap` turns a Point into the backend's own (and
 * throws on another backend's, a bug).
 */
export function signedTerms<P>(
  points: readonly Point[],
  scalars: readonly bigint[],
  unwrap: (point: Point) => P,
  distinct = false
): SignedTerm<P>[] {
  if (points.length !== scalars.length) {
    throw new GroupError('group/length-mismatch', 'as many scalars as points are needed');
  }
  scalars.forEach(assertScalar);
  if (distinct) {
    const terms: SignedTerm<P>[] = [];
    for (let i = 0; i < points.length; i++) {
      const scalar = scalars[i] as bigint;
      if (scalar !== 0n) terms.push(signedTerm(unwrap(points[i] as Point), scalar));
    }
    return terms;
  }
  const merged = new Map<P, bigint>();
  for (let i = 0; i < points.length; i++) {
    const point = unwrap(points[i] as Point);
    const scalar = scalars[i] as bigint;
    const earlier = merged.get(point);
    merged.set(point, earlier === undefined ? scalar : addScalars(earlier, scalar));
  }
  const terms: SignedTerm<P>[] = [];
  for (const [point, scalar] of merged) if (scalar !== 0n) terms.push(signedTerm(point, scalar));
  return terms;
}

function signedTerm<P>(point: P, scalar: bigint): SignedTerm<P> {
  const negative = scalar > HALF_ORDER;
  return { point, magnitude: negative ? GROUP_ORDER - scalar : scalar, negative };
}
