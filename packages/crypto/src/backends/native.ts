/**
 * @module The native backend (Node only): ristretto255 from libdecaf through a small N-API addon
 * (packages/crypto/native/ristretto.c), with a variable-time multi-scalar multiplication (Straus
 * or Pippenger's bucket method, chosen by the number of points) for batch verification (spec
 * §2.6, §5.6). It must agree with the reference backend (noble.ts) byte for byte and refuse the
 * same inputs with the same {@link GroupError} codes; the backend tests hold it to that.
 *
 * A point is kept decoded (extended coordinates, 160 bytes owned by JavaScript), so additions and
 * the multi-scalar multiplication never re-decode; its canonical encoding is cached once known
 * (a decoded point already has it). The addon is optional: it is built by `npm run build:native`
 * and needs libdecaf; without it, {@link loadNativeGroup} throws {@link NativeBackendUnavailable}
 * and callers choose another backend (see loadFastestGroup in load-group.ts). Loading it also
 * routes one-shot SHA-256/512 to the OpenSSL inside Node ({@link installDigests} in hash.ts).
 *
 * This module is loaded only by dynamic import from load-group.ts, so the browser booth never
 * evaluates it. Secrets: `multiply`/`multiplyBase` use libdecaf's constant-time ladder and
 * precomputed-table (comb) multiplication, the latter for G and for points given to
 * `prepareFixedBase`; scalars pass through JavaScript bytes unwiped, as in the other backends.
 */
import {
  GroupError,
  POINT_BYTES,
  type DecodePointOptions,
  type Group,
  type Point,
} from '../group.ts';
import { installDigests } from '../hash.ts';
import { SCALAR_BYTES } from '../scalar.ts';
import { assertScalar, isZeroBytes, signedTerms, writeScalar } from './c-marshal.ts';
import { NativeBackendUnavailable } from './native-unavailable.ts';

/** Bytes of a decoded point: X, Y, Z, T of five 64-bit limbs each (ristretto.c `pack`). */
const COORDINATE_BYTES = 160;
/** A point handed to another thread: its encoding, then its coordinates. */
const TRANSFER_BYTES = POINT_BYTES + COORDINATE_BYTES;
/** RFC 9496 §4.3.4 takes exactly 64 uniform bytes. */
const UNIFORM_BYTES = 64;
/** Where `npm run build:native` puts the addon, relative to this file. */
const ADDON_PATH = '../../native/build/ristretto.node';

/** The addon's functions; every output goes into a buffer the caller passes first. */
interface Addon {
  decode(out: Uint8Array, bytes: Uint8Array): boolean;
  /** -1, or the index of the first encoding that fails (ristretto.c `decodeMany`). */
  decodeMany(out: Uint8Array, encodings: Uint8Array, refused: Uint8Array): number;
  encode(out: Uint8Array, point: Uint8Array): void;
  add(out: Uint8Array, a: Uint8Array, b: Uint8Array): void;
  subtract(out: Uint8Array, a: Uint8Array, b: Uint8Array): void;
  negate(out: Uint8Array, a: Uint8Array): void;
  equals(a: Uint8Array, b: Uint8Array): boolean;
  multiply(out: Uint8Array, point: Uint8Array, scalar: Uint8Array): void;
  multiplyBase(out: Uint8Array, scalar: Uint8Array): void;
  multiplyDual(
    out1: Uint8Array,
    out2: Uint8Array,
    point: Uint8Array,
    scalar1: Uint8Array,
    scalar2: Uint8Array
  ): void;
  /** libdecaf's comb table for `point`, in C memory freed when the returned handle is collected. */
  precompute(point: Uint8Array): FixedBaseTable;
  multiplyPrecomputed(out: Uint8Array, table: FixedBaseTable, scalar: Uint8Array): void;
  fromUniformBytes(out: Uint8Array, bytes: Uint8Array): void;
  multiScalarMultiplyUnsafe(
    out: Uint8Array,
    points: Uint8Array[],
    scalars: Uint8Array,
    negative: Uint8Array
  ): void;
  constants(identity: Uint8Array, generator: Uint8Array): void;
  sha256(out: Uint8Array, bytes: Uint8Array): void;
  sha512(out: Uint8Array, bytes: Uint8Array): void;
}

declare const tableBrand: unique symbol;
/** An opaque N-API external owning a precomputed table (ristretto.c `precompute`). */
type FixedBaseTable = { readonly [tableBrand]: true };

/**
 * A decoded point, once known its canonical encoding, and for a prepared fixed base the table
 * its multiplications use. The table only speeds up `multiply`: every other operation reads the
 * coordinates, so a prepared point is the same point everywhere else.
 */
class NativePoint {
  readonly coordinates: Uint8Array;
  encoding: Uint8Array | undefined;
  readonly table: FixedBaseTable | undefined;
  constructor(coordinates: Uint8Array, encoding?: Uint8Array, table?: FixedBaseTable) {
    this.coordinates = coordinates;
    this.encoding = encoding;
    this.table = table;
  }
}

const wrap = (p: NativePoint): Point => p as unknown as Point;

function unwrap(point: Point): NativePoint {
  if (!((point as unknown) instanceof NativePoint)) {
    // A bug, not bad input: a Point only ever goes back to the Group that made it.
    throw new TypeError(
      'native backend: not a point of this backend (a Point from another Group?)'
    );
  }
  return point as unknown as NativePoint;
}

const coordinatesOf = (point: Point): Uint8Array => unwrap(point).coordinates;

/** A range-checked scalar as 32 little-endian bytes. */
function scalarBytes(scalar: bigint): Uint8Array {
  assertScalar(scalar);
  const bytes = new Uint8Array(SCALAR_BYTES);
  writeScalar(new DataView(bytes.buffer), 0, scalar);
  return bytes;
}

/** Loads the addon with Node's `require` (ES modules cannot import a `.node` file). */
async function loadAddon(): Promise<Addon> {
  try {
    const { createRequire } = await import('node:module');
    return createRequire(import.meta.url)(ADDON_PATH) as Addon;
  } catch (cause) {
    throw new NativeBackendUnavailable(
      'native backend: the ristretto255 addon is not built or libdecaf is missing; run ' +
        '`npm run build:native` (needs a C compiler and `apt-get install libdecaf-dev`) or ' +
        'choose the sodium backend',
      { cause }
    );
  }
}

/**
 * Loads the addon and returns the native {@link Group}.
 * @throws NativeBackendUnavailable when the addon is not built or cannot be loaded.
 */
export async function loadNativeGroup(): Promise<Group> {
  const addon = await loadAddon();
  installDigests({
    sha256: (bytes) => digest(32, (out) => addon.sha256(out, bytes)),
    sha512: (bytes) => digest(64, (out) => addon.sha512(out, bytes)),
  });
  return createNativeGroup(addon);
}

function digest(length: number, hash: (out: Uint8Array) => void): Uint8Array {
  const out = new Uint8Array(length);
  hash(out);
  return out;
}

/** Points per slab: a slab outlives its last point, so it stays small (40 KiB of coordinates). */
const SLAB_POINTS = 256;

/**
 * Fresh zeroed views of `size` bytes carved from shared slabs: one ArrayBuffer per 256 points
 * rather than one per point, since V8 takes microseconds to make and to collect each ArrayBuffer
 * and a verifier makes millions of points. A view is never handed out twice.
 */
function slab(size: number): () => Uint8Array {
  let buffer = new Uint8Array(0);
  let at = 0;
  return () => {
    if (at === buffer.length) {
      buffer = new Uint8Array(size * SLAB_POINTS);
      at = 0;
    }
    at += size;
    return buffer.subarray(at - size, at);
  };
}

function createNativeGroup(addon: Addon): Group {
  const fresh = slab(COORDINATE_BYTES);
  const freshEncoding = slab(POINT_BYTES);
  const identityCoordinates = fresh();
  const generatorCoordinates = fresh();
  addon.constants(identityCoordinates, generatorCoordinates);
  const identity = new NativePoint(identityCoordinates, new Uint8Array(POINT_BYTES));
  const generator = new NativePoint(generatorCoordinates);

  /** Applies an addon operation into a new point. */
  function compute(operation: (out: Uint8Array) => void): Point {
    const out = fresh();
    operation(out);
    return wrap(new NativePoint(out));
  }

  function encodingOf(point: NativePoint): Uint8Array {
    if (point.encoding === undefined) {
      point.encoding = freshEncoding();
      addon.encode(point.encoding, point.coordinates);
    }
    return point.encoding;
  }

  const isIdentity = (a: Point): boolean => addon.equals(coordinatesOf(a), identityCoordinates);

  function multiplyBase(scalar: bigint): Point {
    const bytes = scalarBytes(scalar);
    return compute((out) => addon.multiplyBase(out, bytes));
  }

  /** Constant time either way: libdecaf's ladder, or its comb over a prepared point's table. */
  function multiply(point: Point, scalar: bigint): Point {
    const native = unwrap(point);
    if (native === generator) return multiplyBase(scalar);
    const bytes = scalarBytes(scalar);
    const table = native.table;
    if (table !== undefined) return compute((out) => addon.multiplyPrecomputed(out, table, bytes));
    return compute((out) => addon.multiply(out, native.coordinates, bytes));
  }

  /** Constant time: libdecaf's dual ladder (one window table), or two combs on a prepared point. */
  function multiplyDual(point: Point, first: bigint, second: bigint): [Point, Point] {
    const native = unwrap(point);
    if (native === generator || native.table !== undefined)
      return [multiply(point, first), multiply(point, second)];
    const [a, b] = [scalarBytes(first), scalarBytes(second)];
    const [out1, out2] = [fresh(), fresh()];
    addon.multiplyDual(out1, out2, native.coordinates, a, b);
    return [wrap(new NativePoint(out1)), wrap(new NativePoint(out2))];
  }

  /**
   * A twin of the point (same coordinates) carrying libdecaf's comb table (9 KiB of C memory,
   * freed when the twin is collected): the election key K is multiplied by a secret r in every
   * encryption and range proof, and the comb takes about a third of the ladder's time (building
   * a table costs about one ladder). G already has libdecaf's own table.
   */
  function prepareFixedBase(point: Point): Point {
    const native = unwrap(point);
    if (native === generator || native.table !== undefined) return point;
    const table = addon.precompute(native.coordinates);
    return wrap(new NativePoint(native.coordinates, native.encoding, table));
  }

  /** Σ sᵢ·Pᵢ, variable time (spec §5.6), over the terms c-marshal.ts prepares. */
  function multiScalarMultiplyUnsafe(points: readonly Point[], scalars: readonly bigint[]): Point {
    const terms = signedTerms(points, scalars, unwrap);
    if (terms.length === 0) return wrap(identity);
    const packed = new Uint8Array(terms.length * SCALAR_BYTES);
    const view = new DataView(packed.buffer);
    terms.forEach((term, i) => writeScalar(view, i * SCALAR_BYTES, term.magnitude));
    return compute((out) =>
      addon.multiScalarMultiplyUnsafe(
        out,
        terms.map((term) => term.point.coordinates),
        packed,
        Uint8Array.from(terms, (term) => (term.negative ? 1 : 0))
      )
    );
  }

  /**
   * Per point its canonical encoding and its coordinates (192 bytes), in order. Points read by
   * {@link importPointsUnchecked} are views into the bytes they came in, 192 bytes apart; a run of
   * them still in that order is copied in one piece (a shuffle's rows go back out as they came).
   */
  function exportPoints(points: readonly Point[]): Uint8Array {
    const out = new Uint8Array(points.length * TRANSFER_BYTES);
    let i = 0;
    while (i < points.length) {
      const run = importedRun(points, i);
      if (run > 1) {
        const first = unwrap(points[i] as Point).coordinates;
        const start = first.byteOffset - POINT_BYTES;
        out.set(new Uint8Array(first.buffer, start, run * TRANSFER_BYTES), i * TRANSFER_BYTES);
        i += run;
        continue;
      }
      const native = unwrap(points[i] as Point);
      out.set(encodingOf(native), i * TRANSFER_BYTES);
      out.set(native.coordinates, i * TRANSFER_BYTES + POINT_BYTES);
      i++;
    }
    return out;
  }

  /** How many points from `from` on lie in transfer form one after another in one buffer. */
  function importedRun(points: readonly Point[], from: number): number {
    const first = unwrap(points[from] as Point);
    const buffer = first.coordinates.buffer;
    let at = first.coordinates.byteOffset;
    let run = 0;
    for (let i = from; i < points.length; i++, at += TRANSFER_BYTES) {
      const { coordinates, encoding } = unwrap(points[i] as Point);
      if (
        coordinates.buffer !== buffer ||
        coordinates.byteOffset !== at ||
        encoding?.buffer !== buffer ||
        encoding.byteOffset !== at - POINT_BYTES
      )
        break;
      run++;
    }
    return run;
  }

  /**
   * Reads {@link exportPoints}' bytes back with no C call: the points were validated already. The
   * points are views into `bytes` (no copy: a verifier reads millions), so `bytes` must not change
   * after: callers pass bytes that arrived from another thread and are theirs alone.
   */
  function importPointsUnchecked(bytes: Uint8Array): Point[] {
    const count = bytes.length / TRANSFER_BYTES;
    if (!Number.isInteger(count)) throw new TypeError('native backend: not exported points');
    const points = new Array<Point>(count);
    for (let i = 0, at = 0; i < count; i++, at += TRANSFER_BYTES)
      points[i] = wrap(
        new NativePoint(
          bytes.subarray(at + POINT_BYTES, at + TRANSFER_BYTES),
          bytes.subarray(at, at + POINT_BYTES)
        )
      );
    return points;
  }

  /** Many encodings decoded by one C call into {@link exportPoints}' form (group.ts). */
  function decodeToExported(
    encodings: Uint8Array,
    identityRefused: readonly boolean[]
  ): Uint8Array | number {
    if (encodings.length % POINT_BYTES !== 0)
      throw new GroupError('group/wrong-length', `points must be ${POINT_BYTES} bytes each`);
    const out = new Uint8Array((encodings.length / POINT_BYTES) * TRANSFER_BYTES);
    const failed = addon.decodeMany(out, encodings, Uint8Array.from(identityRefused, Number));
    return failed === -1 ? out : failed;
  }

  return Object.freeze({
    name: 'ristretto255',
    backend: 'native',
    exportPoints,
    importPointsUnchecked,
    decodeToExported,
    generator: wrap(generator),
    identity: wrap(identity),

    decodePoint(bytes: Uint8Array, options?: DecodePointOptions): Point {
      if (!(bytes instanceof Uint8Array)) throw new TypeError('native backend: expected bytes');
      if (bytes.length !== POINT_BYTES) {
        throw new GroupError(
          'group/wrong-length',
          `point must be ${POINT_BYTES} bytes, got ${bytes.length}`
        );
      }
      const coordinates = fresh();
      // RFC 9496 §4.3.1: libdecaf refuses s ≥ p, negative s, a non-square, negative t and y = 0.
      if (!addon.decode(coordinates, bytes)) {
        throw new GroupError('group/non-canonical-point', 'not a canonical ristretto255 encoding');
      }
      // The identity's only canonical encoding is 32 zero bytes (RFC 9496 §4.3.2).
      if (options?.allowIdentity !== true && isZeroBytes(bytes)) {
        throw new GroupError('group/identity-forbidden', 'the identity is not allowed here');
      }
      const encoding = freshEncoding();
      encoding.set(bytes); // a copy: callers reuse buffers
      return wrap(new NativePoint(coordinates, encoding));
    },
    encodePoint: (point: Point): Uint8Array => encodingOf(unwrap(point)).slice(),
    add: (a: Point, b: Point): Point =>
      compute((out) => addon.add(out, coordinatesOf(a), coordinatesOf(b))),
    subtract: (a: Point, b: Point): Point =>
      compute((out) => addon.subtract(out, coordinatesOf(a), coordinatesOf(b))),
    negate: (a: Point): Point => compute((out) => addon.negate(out, coordinatesOf(a))),
    multiply,
    multiplyDual,
    multiplyBase,
    multiplyUnsafe: multiply,
    multiScalarMultiplyUnsafe,
    prepareFixedBase,
    pointFromUniformBytes(bytes: Uint8Array): Point {
      if (!(bytes instanceof Uint8Array)) throw new TypeError('native backend: expected bytes');
      if (bytes.length !== UNIFORM_BYTES) {
        throw new GroupError('group/wrong-length', 'element derivation takes 64 bytes');
      }
      // RFC 9496 §4.3.4: two Elligator maps of the low 255 bits of each half, added.
      return compute((out) => addon.fromUniformBytes(out, bytes));
    },
    equals: (a: Point, b: Point): boolean => addon.equals(coordinatesOf(a), coordinatesOf(b)),
    isIdentity,
  });
}
