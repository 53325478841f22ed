/**
 * @module The reference backend: ristretto255 from @noble/curves (audited, pure JavaScript).
 * It runs in the browser booth and is the yardstick the fast backend is cross-tested against.
 */
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { pippenger } from '@noble/curves/abstract/curve.js';
import {
  GroupError,
  POINT_BYTES,
  type DecodePointOptions,
  type Group,
  type Point,
} from '../group.ts';
import { GROUP_ORDER } from '../scalar.ts';

const RistrettoPoint = ristretto255.Point;
type NoblePoint = InstanceType<typeof RistrettoPoint>;

const wrap = (p: NoblePoint): Point => p as unknown as Point;
const unwrap = (p: Point): NoblePoint => p as unknown as NoblePoint;

function assertScalar(scalar: bigint): void {
  if (scalar < 0n || scalar >= GROUP_ORDER) {
    throw new GroupError('group/scalar-out-of-range', 'scalar not in [0, ℓ)');
  }
}

/**
 * G with a window-8 table (built on first use): about twice as fast as noble's default window-6
 * table for G, which matters in the booth where every multiplication is by G or K (measured).
 */
let wideBaseCache: NoblePoint | null = null;
function wideBase(): NoblePoint {
  if (wideBaseCache === null) {
    wideBaseCache = RistrettoPoint.fromBytes(RistrettoPoint.BASE.toBytes());
    wideBaseCache.precompute(8, false);
  }
  return wideBaseCache;
}

/**
 * Encodings already computed, per point object. Encoding costs an inverse square root (~100 µs),
 * and a proof encodes the same points (the election key, its commitments) for its challenge and
 * again for the wire; noble points are immutable, so the cache is always right (measured: a
 * 1-of-10 ballot encrypts ~30% faster).
 */
const encodings = new WeakMap<NoblePoint, Uint8Array>();

/**
 * Prepared twins, per point object: a window-8 table costs about fifteen multiplications to build,
 * so the booth's key and generators are prepared once, not once per ballot (points are immutable).
 */
const twins = new WeakMap<NoblePoint, NoblePoint>();
const prepared = new WeakSet<NoblePoint>();

/** The noble-backed {@link Group}. Synchronous and dependency-light. */
export const nobleGroup: Group = Object.freeze({
  name: 'ristretto255',
  backend: 'noble',
  generator: wrap(RistrettoPoint.BASE),
  identity: wrap(RistrettoPoint.ZERO),

  decodePoint(bytes: Uint8Array, options?: DecodePointOptions): Point {
    if (bytes.length !== POINT_BYTES) {
      throw new GroupError(
        'group/wrong-length',
        `point must be ${POINT_BYTES} bytes, got ${bytes.length}`
      );
    }
    let point: NoblePoint;
    try {
      point = RistrettoPoint.fromBytes(bytes);
    } catch {
      throw new GroupError('group/non-canonical-point', 'not a canonical ristretto255 encoding');
    }
    if (point.is0() && options?.allowIdentity !== true) {
      throw new GroupError('group/identity-forbidden', 'the identity is not allowed here');
    }
    encodings.set(point, bytes.slice());
    return wrap(point);
  },
  encodePoint(point: Point): Uint8Array {
    const p = unwrap(point);
    let encoding = encodings.get(p);
    if (encoding === undefined) {
      encoding = p.toBytes();
      encodings.set(p, encoding);
    }
    return encoding.slice();
  },
  add: (a: Point, b: Point): Point => wrap(unwrap(a).add(unwrap(b))),
  subtract: (a: Point, b: Point): Point => wrap(unwrap(a).subtract(unwrap(b))),
  negate: (a: Point): Point => wrap(unwrap(a).negate()),
  multiply(point: Point, scalar: bigint): Point {
    assertScalar(scalar);
    // noble's constant-time multiply refuses 0; 0·P is the identity.
    return scalar === 0n ? wrap(RistrettoPoint.ZERO) : wrap(unwrap(point).multiply(scalar));
  },
  multiplyDual(point: Point, first: bigint, second: bigint): [Point, Point] {
    return [nobleGroup.multiply(point, first), nobleGroup.multiply(point, second)];
  },
  multiplyBase(scalar: bigint): Point {
    assertScalar(scalar);
    return scalar === 0n ? wrap(RistrettoPoint.ZERO) : wrap(wideBase().multiply(scalar));
  },
  multiplyUnsafe(point: Point, scalar: bigint): Point {
    assertScalar(scalar);
    return wrap(unwrap(point).multiplyUnsafe(scalar));
  },
  multiScalarMultiplyUnsafe(points: readonly Point[], scalars: readonly bigint[]): Point {
    if (points.length !== scalars.length) {
      throw new GroupError('group/length-mismatch', 'as many scalars as points are needed');
    }
    if (points.length === 0) return wrap(RistrettoPoint.ZERO);
    scalars.forEach(assertScalar);
    return wrap(pippenger(RistrettoPoint, points.map(unwrap), [...scalars]));
  },
  prepareFixedBase(point: Point): Point {
    const p = unwrap(point);
    if (p === RistrettoPoint.BASE) return wrap(wideBase());
    if (prepared.has(p)) return point;
    let twin = twins.get(p);
    if (twin === undefined) {
      // noble caches a window table per point object; a twin keeps the caller's object lean.
      twin = RistrettoPoint.fromBytes(p.toBytes());
      twin.precompute(8, false);
      twins.set(p, twin);
      prepared.add(twin);
    }
    return wrap(twin);
  },
  pointFromUniformBytes(bytes: Uint8Array): Point {
    if (bytes.length !== 64)
      throw new GroupError('group/wrong-length', 'element derivation takes 64 bytes');
    if (ristretto255_hasher.deriveToCurve === undefined) {
      throw new Error('noble ristretto255 lacks deriveToCurve');
    }
    return wrap(ristretto255_hasher.deriveToCurve(bytes));
  },
  equals: (a: Point, b: Point): boolean => unwrap(a).equals(unwrap(b)),
  isIdentity: (a: Point): boolean => unwrap(a).is0(),
});
