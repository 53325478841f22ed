/**
 * @module The WebAssembly backend: ristretto255 from libdecaf compiled to wasm32
 * (packages/crypto/wasm, spec §2.9), with the native backend's variable-time multi-scalar
 * multiplication, for the in-browser verifier and booth, where the native addon cannot run. It
 * must agree with the reference backend (noble.ts) byte for byte and refuse the same inputs with
 * the same {@link GroupError} codes; rfc9496-vectors.test.ts and backends.test.ts hold it to that.
 *
 * A point is kept decoded, as a copy of libdecaf's point struct (256 bytes owned by JavaScript),
 * so additions and the multi-scalar multiplication never re-decode; its canonical encoding is
 * cached once known. Each call copies its inputs into fixed scratch buffers in linear memory,
 * calls the C function (ristretto-wasm.c) and copies the result out. Loading the backend also
 * routes hash.ts's one-shot SHA-256/512 into the module (digests.c). Secrets: `multiply` and
 * `multiplyBase` use libdecaf's constant-time ladder and comb; scalars pass through linear memory
 * unwiped, as they pass through the other backends' heaps.
 */
import {
  GroupError,
  POINT_BYTES,
  type DecodePointOptions,
  type Group,
  type MultiplyOptions,
  type Point,
} from '../group.ts';
import { type Digests, installDigests } from '../hash.ts';
import { SCALAR_BYTES } from '../scalar.ts';
import { assertScalar, isZeroBytes, signedTerms, writeScalar } from './c-marshal.ts';
import { type WasmFetch, instantiateRistrettoWasm } from './wasm-loader.ts';

/** RFC 9496 §4.3.4 takes exactly 64 uniform bytes. */
const UNIFORM_BYTES = 64;

/** The exports of ristretto-wasm.c; addresses are byte offsets into `memory`. */
interface Exports {
  readonly memory: WebAssembly.Memory;
  readonly scr_alloc: (bytes: number) => number;
  readonly scr_free: (address: number) => void;
  readonly scr_point_bytes: () => number;
  readonly scr_decode: (out: number, bytes: number) => number;
  readonly scr_encode: (out: number, point: number) => void;
  readonly scr_add: (out: number, a: number, b: number) => void;
  readonly scr_sub: (out: number, a: number, b: number) => void;
  readonly scr_negate: (out: number, a: number) => void;
  readonly scr_equals: (a: number, b: number) => number;
  readonly scr_multiply: (out: number, point: number, scalar: number) => number;
  readonly scr_multiply_base: (out: number, scalar: number) => number;
  readonly scr_multiply_unsafe: (out: number, point: number, scalar: number) => number;
  readonly scr_precompute: (point: number) => number;
  readonly scr_free_table: (table: number) => void;
  readonly scr_multiply_precomputed: (out: number, table: number, scalar: number) => number;
  readonly scr_from_uniform: (out: number, bytes: number) => void;
  readonly scr_constants: (identity: number, generator: number) => void;
  readonly scr_msm: (
    out: number,
    points: number,
    scalars: number,
    negative: number,
    n: number
  ) => number;
  readonly scr_sha256: (out: number, message: number, length: number) => void;
  readonly scr_sha512: (out: number, message: number, length: number) => void;
}

/** A decoded point, its encoding once known, and for a prepared fixed base its comb table. */
class WasmPoint {
  readonly coordinates: Uint8Array;
  encoding: Uint8Array | undefined;
  readonly table: number;
  constructor(coordinates: Uint8Array, encoding?: Uint8Array, table = 0) {
    this.coordinates = coordinates;
    this.encoding = encoding;
    this.table = table;
  }
}

const wrap = (p: WasmPoint): Point => p as unknown as Point;

function unwrap(point: Point): WasmPoint {
  if (!((point as unknown) instanceof WasmPoint)) {
    // A bug, not bad input: a Point only ever goes back to the Group that made it.
    throw new TypeError('wasm backend: not a point of this backend (a Point from another Group?)');
  }
  return point as unknown as WasmPoint;
}

/**
 * Instantiates ristretto255.wasm and returns the wasm {@link Group}.
 * @throws Error naming the cause when WebAssembly is unavailable or the module cannot load.
 */
export async function loadWasmGroup(fetchModule?: WasmFetch): Promise<Group> {
  let instance: WebAssembly.Instance;
  try {
    instance = await instantiateRistrettoWasm(fetchModule);
  } catch (cause) {
    throw new Error('wasm backend: ristretto255.wasm failed to load; choose the noble backend', {
      cause,
    });
  }
  const wasm = instance.exports as unknown as Exports;
  installDigests(wasmDigests(wasm));
  return createWasmGroup(wasm);
}

/** Bytes of message the digests keep room for; a longer one gets its own buffer for the call. */
const MESSAGE_ROOM = 4096;

/**
 * One-shot SHA-256/512 in the module (digests.c), for {@link installDigests}: loading the backend
 * routes hash.ts's one-shot digests here, as the native backend routes them to OpenSSL (spec §2.9).
 */
function wasmDigests(wasm: Exports): Digests {
  const room = wasm.scr_alloc(64 + MESSAGE_ROOM);
  if (room === 0) throw new Error('wasm backend: out of memory for the digests');
  const digest =
    (hash: (out: number, message: number, length: number) => void, length: number) =>
    (message: Uint8Array): Uint8Array => {
      const own = message.length > MESSAGE_ROOM ? wasm.scr_alloc(message.length) : 0;
      if (message.length > MESSAGE_ROOM && own === 0)
        throw new Error('wasm backend: out of memory for a digest');
      try {
        const at = own === 0 ? room + 64 : own;
        // A fresh view each call: an allocation may have grown (and so replaced) the memory.
        new Uint8Array(wasm.memory.buffer).set(message, at);
        hash(room, at, message.length);
        return new Uint8Array(wasm.memory.buffer).slice(room, room + length);
      } finally {
        if (own !== 0) wasm.scr_free(own);
      }
    };
  return { sha256: digest(wasm.scr_sha256, 32), sha512: digest(wasm.scr_sha512, 64) };
}

function createWasmGroup(wasm: Exports): Group {
  const pointBytes = wasm.scr_point_bytes();
  // Scratch buffers, allocated once: three points, one scalar, 64 uniform bytes.
  const scratch = wasm.scr_alloc(3 * pointBytes + SCALAR_BYTES + UNIFORM_BYTES);
  const A = scratch;
  const B = scratch + pointBytes;
  const OUT = scratch + 2 * pointBytes;
  const SCALAR = scratch + 3 * pointBytes;
  const BYTES = SCALAR + SCALAR_BYTES;

  /** A fresh view of linear memory: growing it (a large msm) replaces the buffer. */
  let heapBuffer: ArrayBuffer | undefined;
  let heapBytes = new Uint8Array(0);
  let heapView = new DataView(new ArrayBuffer(0));
  function heap(): Uint8Array {
    if (wasm.memory.buffer !== heapBuffer) {
      heapBuffer = wasm.memory.buffer;
      heapBytes = new Uint8Array(heapBuffer);
      heapView = new DataView(heapBuffer);
    }
    return heapBytes;
  }
  function view(): DataView {
    heap();
    return heapView;
  }

  const put = (address: number, bytes: Uint8Array): void => heap().set(bytes, address);
  const take = (address: number, length: number): Uint8Array =>
    heap().slice(address, address + length);
  const coordinatesOf = (point: Point): Uint8Array => unwrap(point).coordinates;

  function putScalar(scalar: bigint): void {
    assertScalar(scalar);
    writeScalar(view(), SCALAR, scalar);
  }
  /** The C functions taking a scalar return 0 only for one ≥ ℓ, which putScalar refused. */
  function checked(status: number): void {
    if (status !== 1) throw new Error('wasm backend: libdecaf refused a range-checked scalar');
  }
  const result = (): Point => wrap(new WasmPoint(take(OUT, pointBytes)));

  wasm.scr_constants(A, B);
  const identity = new WasmPoint(take(A, pointBytes), new Uint8Array(POINT_BYTES));
  const generator = new WasmPoint(take(B, pointBytes));

  /** Frees a prepared point's comb table once the point is garbage. */
  const tables = new FinalizationRegistry<number>((table) => wasm.scr_free_table(table));

  function encodingOf(point: WasmPoint): Uint8Array {
    if (point.encoding === undefined) {
      put(A, point.coordinates);
      wasm.scr_encode(OUT, A);
      point.encoding = take(OUT, POINT_BYTES);
    }
    return point.encoding;
  }

  function binary(op: (out: number, a: number, b: number) => void, a: Point, b: Point): Point {
    put(A, coordinatesOf(a));
    put(B, coordinatesOf(b));
    op(OUT, A, B);
    return result();
  }

  function multiplyBase(scalar: bigint): Point {
    putScalar(scalar);
    checked(wasm.scr_multiply_base(OUT, SCALAR));
    return result();
  }

  /** Constant time either way: libdecaf's ladder, or its comb over a prepared point's table. */
  function multiply(point: Point, scalar: bigint): Point {
    const p = unwrap(point);
    if (p === generator) return multiplyBase(scalar);
    putScalar(scalar);
    if (p.table !== 0) {
      checked(wasm.scr_multiply_precomputed(OUT, p.table, SCALAR));
    } else {
      put(A, p.coordinates);
      checked(wasm.scr_multiply(OUT, A, SCALAR));
    }
    return result();
  }

  function multiplyUnsafe(point: Point, scalar: bigint): Point {
    const p = unwrap(point);
    if (p === generator || p.table !== 0) return multiply(point, scalar); // tables beat windows
    putScalar(scalar);
    put(A, p.coordinates);
    checked(wasm.scr_multiply_unsafe(OUT, A, SCALAR));
    return result();
  }

  /** A twin of the point carrying libdecaf's comb table (the election key of the booth). */
  function prepareFixedBase(point: Point): Point {
    const p = unwrap(point);
    if (p === generator || p.table !== 0) return point;
    put(A, p.coordinates);
    const table = wasm.scr_precompute(A);
    if (table === 0) throw new Error('wasm backend: out of memory for a fixed-base table');
    const twin = new WasmPoint(p.coordinates, p.encoding, table);
    tables.register(twin, table);
    return wrap(twin);
  }

  /**
   * Σ sᵢ·Pᵢ, variable time (spec §5.6), as the native backend: over the terms c-marshal.ts
   * prepares, the C side picks Straus or Pippenger's buckets by a cost model.
   */
  function multiScalarMultiplyUnsafe(
    points: readonly Point[],
    scalars: readonly bigint[],
    options?: MultiplyOptions
  ): Point {
    const terms = signedTerms(points, scalars, unwrap, options?.distinct);
    const n = terms.length;
    if (n === 0) return wrap(identity);
    const pointsAt = wasm.scr_alloc(n * pointBytes);
    const scalarsAt = wasm.scr_alloc(n * SCALAR_BYTES);
    const negativeAt = wasm.scr_alloc(n);
    try {
      if (pointsAt === 0 || scalarsAt === 0 || negativeAt === 0) {
        throw new Error('wasm backend: out of memory for a multi-scalar multiplication');
      }
      const bytes = heap();
      const data = view();
      terms.forEach((term, i) => {
        bytes[negativeAt + i] = term.negative ? 1 : 0;
        writeScalar(data, scalarsAt + i * SCALAR_BYTES, term.magnitude);
        bytes.set(term.point.coordinates, pointsAt + i * pointBytes);
      });
      const status = wasm.scr_msm(OUT, pointsAt, scalarsAt, negativeAt, n);
      if (status !== 1)
        throw new Error(`wasm backend: multi-scalar multiplication failed (${status})`);
      return result();
    } finally {
      wasm.scr_free(negativeAt);
      wasm.scr_free(scalarsAt);
      wasm.scr_free(pointsAt);
    }
  }

  return Object.freeze({
    name: 'ristretto255',
    backend: 'wasm',
    generator: wrap(generator),
    identity: wrap(identity),

    decodePoint(bytes: Uint8Array, options?: DecodePointOptions): Point {
      if (!(bytes instanceof Uint8Array)) throw new TypeError('wasm backend: expected bytes');
      if (bytes.length !== POINT_BYTES) {
        throw new GroupError(
          'group/wrong-length',
          `point must be ${POINT_BYTES} bytes, got ${bytes.length}`
        );
      }
      put(BYTES, bytes);
      // RFC 9496 §4.3.1: libdecaf refuses s ≥ p, negative s, a non-square, negative t and y = 0.
      if (wasm.scr_decode(OUT, BYTES) !== 1) {
        throw new GroupError('group/non-canonical-point', 'not a canonical ristretto255 encoding');
      }
      // The identity's only canonical encoding is 32 zero bytes (RFC 9496 §4.3.2).
      if (options?.allowIdentity !== true && isZeroBytes(bytes)) {
        throw new GroupError('group/identity-forbidden', 'the identity is not allowed here');
      }
      return wrap(new WasmPoint(take(OUT, pointBytes), bytes.slice()));
    },
    encodePoint: (point: Point): Uint8Array => encodingOf(unwrap(point)).slice(),
    add: (a: Point, b: Point): Point => binary(wasm.scr_add, a, b),
    subtract: (a: Point, b: Point): Point => binary(wasm.scr_sub, a, b),
    negate(a: Point): Point {
      put(A, coordinatesOf(a));
      wasm.scr_negate(OUT, A);
      return result();
    },
    multiply,
    multiplyDual: (point: Point, first: bigint, second: bigint): [Point, Point] => [
      multiply(point, first),
      multiply(point, second),
    ],
    multiplyBase,
    multiplyUnsafe,
    multiScalarMultiplyUnsafe,
    prepareFixedBase,
    pointFromUniformBytes(bytes: Uint8Array): Point {
      if (!(bytes instanceof Uint8Array)) throw new TypeError('wasm backend: expected bytes');
      if (bytes.length !== UNIFORM_BYTES) {
        throw new GroupError('group/wrong-length', 'element derivation takes 64 bytes');
      }
      put(BYTES, bytes);
      // RFC 9496 §4.3.4: two Elligator maps of the low 255 bits of each half, added.
      wasm.scr_from_uniform(OUT, BYTES);
      return result();
    },
    equals(a: Point, b: Point): boolean {
      put(A, coordinatesOf(a));
      put(B, coordinatesOf(b));
      return wasm.scr_equals(A, B) === 1;
    },
    isIdentity(a: Point): boolean {
      put(A, coordinatesOf(a));
      put(B, identity.coordinates);
      return wasm.scr_equals(A, B) === 1;
    },
  });
}
