/**
 * @module The native backend (Node only): ristretto255 from libdecaf through a small N-API addon
 * (packages/crypto/native/ristretto.c), with a variable-time multi-scalar multiplication (Straus
 * or Pippenger's bucket method, chosen by the number of points) for batch verification (spec
 * §2.6, §5.6). It must agree with the reference backend (noble.ts) byte for byte and refuse the
 * same inputs with the same {@link GroupError} codes; the backend tests hold it to that.
 *
 * A point is kept decoded (extended coordinates, 160 bytes), so additions and the multi-scalar
 * multiplication never re-decode; its canonical encoding is cached once known (a decoded point
 * already has it). A point is one small object naming where its bytes lie in a shared store (a
 * slab of 256 points, or the bytes points arrived in from another thread), with no typed-array
 * view of its own: a verifier holds millions of points, and the garbage collector's cost grows
 * with the number of objects it marks. The addon is optional: it is built by `npm run build:native`
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
  type MultiplyOptions,
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

/**
 * The addon's functions. A point argument is two: the store its 160 bytes lie in and their offset
 * (`s, at`); every output goes into a store the caller passes first.
 */
interface Addon {
  decode(s: Uint8Array, at: number, bytes: Uint8Array): boolean;
  /** -1, or the index of the first encoding that fails (ristretto.c `decodeMany`). */
  decodeMany(out: Uint8Array, encodings: Uint8Array, refused: Uint8Array): number;
  encode(out: Uint8Array, s: Uint8Array, at: number): void;
  add(s: Uint8Array, at: number, a: Uint8Array, aAt: number, b: Uint8Array, bAt: number): void;
  subtract(s: Uint8Array, at: number, a: Uint8Array, aAt: number, b: Uint8Array, bAt: number): void;
  negate(s: Uint8Array, at: number, a: Uint8Array, aAt: number): void;
  equals(a: Uint8Array, aAt: number, b: Uint8Array, bAt: number): boolean;
  multiply(s: Uint8Array, at: number, p: Uint8Array, pAt: number, scalar: Uint8Array): void;
  multiplyBase(s: Uint8Array, at: number, scalar: Uint8Array): void;
  multiplyDual(
    s1: Uint8Array,
    at1: number,
    s2: Uint8Array,
    at2: number,
    p: Uint8Array,
    pAt: number,
    scalar1: Uint8Array,
    scalar2: Uint8Array
  ): void;
  /** libdecaf's comb table for the point, in C memory freed when the handle is collected. */
  precompute(p: Uint8Array, pAt: number): FixedBaseTable;
  multiplyPrecomputed(s: Uint8Array, at: number, table: FixedBaseTable, scalar: Uint8Array): void;
  fromUniformBytes(s: Uint8Array, at: number, bytes: Uint8Array): void;
  /** Point i lies at offsets[i] in stores[storeOf[i]]. */
  multiScalarMultiplyUnsafe(
    s: Uint8Array,
    at: number,
    stores: Uint8Array[],
    storeOf: Uint32Array,
    offsets: Uint32Array,
    scalars: Uint8Array,
    negative: Uint8Array
  ): void;
  constants(identity: Uint8Array, identityAt: number, generator: Uint8Array, at: number): void;
  sha256(out: Uint8Array, bytes: Uint8Array): void;
  sha512(out: Uint8Array, bytes: Uint8Array): void;
}

declare const tableBrand: unique symbol;
/** An opaque N-API external owning a precomputed table (ristretto.c `precompute`). */
type FixedBaseTable = { readonly [tableBrand]: true };

/** No encoding known yet (an offset is never negative). */
const UNKNOWN = -1;

/**
 * A decoded point: its coordinates at `at` in `store`, its canonical encoding (once known) at
 * `encodingAt` in `encodingStore`, and for a prepared fixed base the table its multiplications
 * use. The table only speeds up `multiply`: every other operation reads the coordinates, so a
 * prepared point is the same point everywhere else. Stores are shared and never written twice at
 * one place, so a point's bytes never change.
 */
class NativePoint {
  readonly store: Uint8Array;
  readonly at: number;
  encodingStore: Uint8Array;
  encodingAt: number;
  readonly table: FixedBaseTable | undefined;
  constructor(
    store: Uint8Array,
    at: number,
    encodingStore: Uint8Array,
    encodingAt: number,
    table?: FixedBaseTable
  ) {
    this.store = store;
    this.at = at;
    this.encodingStore = encodingStore;
    this.encodingAt = encodingAt;
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

/** Points per slab: a slab outlives its last point, so it stays small (48 KiB). */
const SLAB_POINTS = 256;

/**
 * Places of `size` bytes carved from shared slabs, one ArrayBuffer per 256 points rather than one
 * per point (V8 takes microseconds to make and to collect each): `take()` moves to a fresh place,
 * then `store` and `at` name it. A place is never handed out twice.
 */
class Slab {
  store = new Uint8Array(0);
  at = 0;
  readonly #size: number;
  #next = 0;
  constructor(size: number) {
    this.#size = size;
  }
  take(): void {
    if (this.#next === this.store.length) {
      this.store = new Uint8Array(this.#size * SLAB_POINTS);
      this.#next = 0;
    }
    this.at = this.#next;
    this.#next += this.#size;
  }
}

function createNativeGroup(addon: Addon): Group {
  /** Computed points: their coordinates, and their encodings once asked for. */
  const computed = new Slab(COORDINATE_BYTES);
  const encodings = new Slab(POINT_BYTES);
  /** Decoded points: the transfer form (encoding, then coordinates), as exportPoints writes it. */
  const decoded = new Slab(TRANSFER_BYTES);
  const none = new Uint8Array(0);

  /** A new point whose coordinates `operation` writes at (store, at). */
  function compute(operation: (store: Uint8Array, at: number) => void): Point {
    computed.take();
    const { store, at } = computed;
    operation(store, at);
    return wrap(new NativePoint(store, at, none, UNKNOWN));
  }

  computed.take();
  const generator = new NativePoint(computed.store, computed.at, none, UNKNOWN);
  computed.take();
  const identity = new NativePoint(computed.store, computed.at, new Uint8Array(POINT_BYTES), 0);
  addon.constants(identity.store, identity.at, generator.store, generator.at);

  /** The point's encoding as a place: computed once, then read where it lies. */
  function encode(point: NativePoint): void {
    if (point.encodingAt !== UNKNOWN) return;
    encodings.take();
    addon.encode(
      encodings.store.subarray(encodings.at, encodings.at + POINT_BYTES),
      point.store,
      point.at
    );
    point.encodingStore = encodings.store;
    point.encodingAt = encodings.at;
  }

  const isIdentity = (a: Point): boolean => {
    const p = unwrap(a);
    return addon.equals(p.store, p.at, identity.store, identity.at);
  };

  function multiplyBase(scalar: bigint): Point {
    const bytes = scalarBytes(scalar);
    return compute((store, at) => addon.multiplyBase(store, at, bytes));
  }

  /** Constant time either way: libdecaf's ladder, or its comb over a prepared point's table. */
  function multiply(point: Point, scalar: bigint): Point {
    const native = unwrap(point);
    if (native === generator) return multiplyBase(scalar);
    const bytes = scalarBytes(scalar);
    const table = native.table;
    if (table !== undefined)
      return compute((store, at) => addon.multiplyPrecomputed(store, at, table, bytes));
    return compute((store, at) => addon.multiply(store, at, native.store, native.at, bytes));
  }

  /** Constant time: libdecaf's dual ladder (one window table), or two combs on a prepared point. */
  function multiplyDual(point: Point, first: bigint, second: bigint): [Point, Point] {
    const native = unwrap(point);
    if (native === generator || native.table !== undefined)
      return [multiply(point, first), multiply(point, second)];
    const [a, b] = [scalarBytes(first), scalarBytes(second)];
    computed.take();
    const one = new NativePoint(computed.store, computed.at, none, UNKNOWN);
    computed.take();
    const two = new NativePoint(computed.store, computed.at, none, UNKNOWN);
    addon.multiplyDual(one.store, one.at, two.store, two.at, native.store, native.at, a, b);
    return [wrap(one), wrap(two)];
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
    const table = addon.precompute(native.store, native.at);
    return wrap(
      new NativePoint(native.store, native.at, native.encodingStore, native.encodingAt, table)
    );
  }

  /** Σ sᵢ·Pᵢ, variable time (spec §5.6), over the terms c-marshal.ts prepares. */
  function multiScalarMultiplyUnsafe(
    points: readonly Point[],
    scalars: readonly bigint[],
    options?: MultiplyOptions
  ): Point {
    const terms = signedTerms(points, scalars, unwrap, options?.distinct);
    if (terms.length === 0) return wrap(identity);
    const packed = new Uint8Array(terms.length * SCALAR_BYTES);
    const view = new DataView(packed.buffer);
    const negative = new Uint8Array(terms.length);
    const storeOf = new Uint32Array(terms.length);
    const offsets = new Uint32Array(terms.length);
    // Each store once: points of one store (a slab, the bytes a row set came in) run together.
    const stores: Uint8Array[] = [];
    const index = new Map<Uint8Array, number>();
    let last: Uint8Array | undefined;
    let lastIndex = 0;
    terms.forEach((term, i) => {
      const { store, at } = term.point;
      if (store !== last) {
        let known = index.get(store);
        if (known === undefined) {
          known = stores.push(store) - 1;
          index.set(store, known);
        }
        last = store;
        lastIndex = known;
      }
      storeOf[i] = lastIndex;
      offsets[i] = at;
      writeScalar(view, i * SCALAR_BYTES, term.magnitude);
      negative[i] = term.negative ? 1 : 0;
    });
    return compute((store, at) =>
      addon.multiScalarMultiplyUnsafe(store, at, stores, storeOf, offsets, packed, negative)
    );
  }

  /**
   * Per point its canonical encoding and its coordinates (192 bytes), in order. Decoded points
   * (and points read by {@link importPointsUnchecked}) already lie in that form in their store; a
   * run of them one after another in one store is copied in one piece (a shuffle's rows go back
   * out as they came).
   */
  function exportPoints(points: readonly Point[]): Uint8Array {
    const out = new Uint8Array(points.length * TRANSFER_BYTES);
    let i = 0;
    while (i < points.length) {
      const first = unwrap(points[i] as Point);
      const run = transferRun(points, i);
      if (run > 0) {
        const start = first.at - POINT_BYTES;
        out.set(first.store.subarray(start, start + run * TRANSFER_BYTES), i * TRANSFER_BYTES);
        i += run;
        continue;
      }
      encode(first);
      out.set(
        first.encodingStore.subarray(first.encodingAt, first.encodingAt + POINT_BYTES),
        i * TRANSFER_BYTES
      );
      out.set(
        first.store.subarray(first.at, first.at + COORDINATE_BYTES),
        i * TRANSFER_BYTES + POINT_BYTES
      );
      i++;
    }
    return out;
  }

  /** How many points from `from` on lie in transfer form one after another in one store. */
  function transferRun(points: readonly Point[], from: number): number {
    const { store, at: first } = unwrap(points[from] as Point);
    let at = first;
    let run = 0;
    for (let i = from; i < points.length; i++, at += TRANSFER_BYTES) {
      const p = unwrap(points[i] as Point);
      if (
        p.store !== store ||
        p.at !== at ||
        p.encodingStore !== store ||
        p.encodingAt !== at - POINT_BYTES
      )
        break;
      run++;
    }
    return run;
  }

  /**
   * Reads {@link exportPoints}' bytes back with no C call: the points were validated already. The
   * points lie in `bytes` (no copy: a verifier reads millions), so `bytes` must not change after:
   * callers pass bytes that arrived from another thread and are theirs alone.
   */
  function importPointsUnchecked(bytes: Uint8Array): Point[] {
    const count = bytes.length / TRANSFER_BYTES;
    if (!Number.isInteger(count)) throw new TypeError('native backend: not exported points');
    const points = new Array<Point>(count);
    for (let i = 0, at = 0; i < count; i++, at += TRANSFER_BYTES)
      points[i] = wrap(new NativePoint(bytes, at + POINT_BYTES, bytes, at));
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

  const binary =
    (operation: 'add' | 'subtract') =>
    (a: Point, b: Point): Point => {
      const [p, q] = [unwrap(a), unwrap(b)];
      return compute((store, at) => addon[operation](store, at, p.store, p.at, q.store, q.at));
    };

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
      decoded.take();
      const { store, at } = decoded;
      // RFC 9496 §4.3.1: libdecaf refuses s ≥ p, negative s, a non-square, negative t and y = 0.
      if (!addon.decode(store, at + POINT_BYTES, bytes)) {
        throw new GroupError('group/non-canonical-point', 'not a canonical ristretto255 encoding');
      }
      // The identity's only canonical encoding is 32 zero bytes (RFC 9496 §4.3.2).
      if (options?.allowIdentity !== true && isZeroBytes(bytes)) {
        throw new GroupError('group/identity-forbidden', 'the identity is not allowed here');
      }
      store.set(bytes, at); // a copy: callers reuse buffers
      return wrap(new NativePoint(store, at + POINT_BYTES, store, at));
    },
    encodePoint(point: Point): Uint8Array {
      const native = unwrap(point);
      encode(native);
      return native.encodingStore.slice(native.encodingAt, native.encodingAt + POINT_BYTES);
    },
    add: binary('add'),
    subtract: binary('subtract'),
    negate(a: Point): Point {
      const p = unwrap(a);
      return compute((store, at) => addon.negate(store, at, p.store, p.at));
    },
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
      return compute((store, at) => addon.fromUniformBytes(store, at, bytes));
    },
    equals(a: Point, b: Point): boolean {
      const [p, q] = [unwrap(a), unwrap(b)];
      return addon.equals(p.store, p.at, q.store, q.at);
    },
    isIdentity,
  });
}
