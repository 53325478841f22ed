/**
 * @module The fast backend: ristretto255 from libsodium compiled to WebAssembly
 * (`libsodium-wrappers-sumo`), for the server and the verifier (spec §2.6). It must agree with
 * the reference backend (noble.ts) byte for byte and refuse the same inputs with the same
 * {@link GroupError} codes; rfc9496-vectors.test.ts and backends.test.ts hold it to that.
 *
 * A point is kept as its canonical 32-byte encoding (RFC 9496 §4.3.2), because libsodium's
 * ristretto255 API works on encodings only. Every call decodes its inputs and encodes its output
 * inside WebAssembly, which is still several times faster than pure JavaScript for
 * multiplications. libsodium refuses a scalar multiplication whose result is the identity (it
 * throws); this backend never asks it one: 0·P and s·O are answered here as O, and in a group of
 * prime order ℓ no other product with s ∈ [1, ℓ) is O.
 *
 * Secrets: scalars pass through the WebAssembly heap, which the wrappers free without wiping; the
 * same holds for noble's bigints. Only `multiply`/`multiplyBase` take secret scalars, and the
 * only branches they take on the scalar are 0 and the range check, as in the noble backend.
 */
import type libsodium from 'libsodium-wrappers-sumo';
import { equalBytes } from '../bytes.ts';
import {
  GroupError,
  POINT_BYTES,
  type DecodePointOptions,
  type Group,
  type Point,
} from '../group.ts';
import { addScalars, encodeScalar } from '../scalar.ts';

type Sodium = typeof libsodium;

/** RFC 9496 §4.3.4 takes exactly 64 uniform bytes. */
const UNIFORM_BYTES = 64;

/** RFC 9496 §4.3.2: the identity encodes as 32 zero bytes, its only canonical encoding. */
const IDENTITY_BYTES = new Uint8Array(POINT_BYTES);

const wrap = (bytes: Uint8Array): Point => bytes as unknown as Point;

function bytesOf(point: Point): Uint8Array {
  const bytes = point as unknown as Uint8Array;
  if (!(bytes instanceof Uint8Array) || bytes.length !== POINT_BYTES) {
    // A bug, not bad input: a Point only ever goes back to the Group that made it.
    throw new TypeError(
      'sodium backend: not a point of this backend (a Point from another Group?)'
    );
  }
  return bytes;
}

/** The wrappers would read a string as UTF-8; a typed caller never passes one, so it is a bug. */
function assertBytes(bytes: Uint8Array): void {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('sodium backend: expected a Uint8Array');
}

/** All 32 bytes zero, i.e. the identity (encodings are canonical, so this is the only form). */
function isZeroBytes(bytes: Uint8Array): boolean {
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) bits |= bytes[i] as number;
  return bits === 0;
}

/** The encoding as a string key for a Map, one character per byte. */
function mapKey(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/**
 * Loads libsodium's WebAssembly module and returns the sodium-backed {@link Group}. The import
 * is dynamic, so code that only uses the noble backend (the browser booth) never loads the WASM.
 * @throws Error naming the cause when the module cannot be loaded or initialised.
 */
export async function loadSodiumGroup(): Promise<Group> {
  let sodium: Sodium;
  try {
    sodium = (await import('libsodium-wrappers-sumo')).default;
    await sodium.ready;
  } catch (cause) {
    throw new Error(
      'sodium backend: libsodium-wrappers-sumo (WebAssembly) failed to load; ' +
        'choose the noble backend or fix the runtime',
      { cause }
    );
  }
  return createSodiumGroup(sodium);
}

function createSodiumGroup(sodium: Sodium): Group {
  const generatorBytes = sodium.crypto_scalarmult_ristretto255_base(encodeScalar(1n));

  /**
   * scalar·point for s ∈ [1, ℓ) and point ≠ O, so the product is never O and libsodium never
   * refuses. G goes through libsodium's precomputed base tables (about 3× faster).
   */
  function multiplyNonZero(scalarBytes: Uint8Array, pointBytes: Uint8Array): Uint8Array {
    try {
      return equalBytes(pointBytes, generatorBytes)
        ? sodium.crypto_scalarmult_ristretto255_base(scalarBytes)
        : sodium.crypto_scalarmult_ristretto255(scalarBytes, pointBytes);
    } catch (cause) {
      throw new Error('sodium backend: libsodium refused a non-zero multiple of a valid point', {
        cause,
      });
    }
  }

  /** Both multiplications: libsodium has no faster variable-time ristretto255 multiplication. */
  function multiply(point: Point, scalar: bigint): Point {
    const scalarBytes = encodeScalar(scalar); // throws group/scalar-out-of-range first, as noble
    const pointBytes = bytesOf(point);
    if (scalar === 0n || isZeroBytes(pointBytes)) return wrap(IDENTITY_BYTES);
    return wrap(multiplyNonZero(scalarBytes, pointBytes));
  }

  return Object.freeze({
    name: 'ristretto255',
    backend: 'sodium',
    generator: wrap(generatorBytes),
    identity: wrap(IDENTITY_BYTES),

    decodePoint(bytes: Uint8Array, options?: DecodePointOptions): Point {
      assertBytes(bytes);
      if (bytes.length !== POINT_BYTES) {
        throw new GroupError(
          'group/wrong-length',
          `point must be ${POINT_BYTES} bytes, got ${bytes.length}`
        );
      }
      // RFC 9496 §4.3.1: libsodium refuses s ≥ p, negative s, a non-square, negative t and y = 0.
      if (!sodium.crypto_core_ristretto255_is_valid_point(bytes)) {
        throw new GroupError('group/non-canonical-point', 'not a canonical ristretto255 encoding');
      }
      // libsodium accepts the identity; the protocol refuses it unless told (spec §2.3).
      if (isZeroBytes(bytes) && options?.allowIdentity !== true) {
        throw new GroupError('group/identity-forbidden', 'the identity is not allowed here');
      }
      return wrap(new Uint8Array(bytes)); // a copy: the caller may reuse its buffer
    },
    encodePoint: (point: Point): Uint8Array => new Uint8Array(bytesOf(point)),
    add: (a: Point, b: Point): Point =>
      wrap(sodium.crypto_core_ristretto255_add(bytesOf(a), bytesOf(b))),
    subtract: (a: Point, b: Point): Point =>
      wrap(sodium.crypto_core_ristretto255_sub(bytesOf(a), bytesOf(b))),
    negate: (a: Point): Point =>
      wrap(sodium.crypto_core_ristretto255_sub(IDENTITY_BYTES, bytesOf(a))),
    multiply,
    multiplyDual: (point: Point, first: bigint, second: bigint): [Point, Point] => [
      multiply(point, first),
      multiply(point, second),
    ],
    multiplyBase(scalar: bigint): Point {
      const scalarBytes = encodeScalar(scalar);
      if (scalar === 0n) return wrap(IDENTITY_BYTES);
      return wrap(multiplyNonZero(scalarBytes, generatorBytes));
    },
    multiplyUnsafe(point: Point, scalar: bigint): Point {
      if (scalar === 1n) return wrap(bytesOf(point));
      return multiply(point, scalar);
    },
    multiScalarMultiplyUnsafe(points: readonly Point[], scalars: readonly bigint[]): Point {
      if (points.length !== scalars.length) {
        throw new GroupError('group/length-mismatch', 'as many scalars as points are needed');
      }
      for (const scalar of scalars) encodeScalar(scalar); // range-check all before any work
      return wrap(sumOfMultiplesUnsafe(points, scalars));
    },
    // libsodium keeps no per-point tables; G already has its own (see multiplyNonZero).
    prepareFixedBase: (point: Point): Point => wrap(bytesOf(point)),
    pointFromUniformBytes(bytes: Uint8Array): Point {
      assertBytes(bytes);
      if (bytes.length !== UNIFORM_BYTES) {
        throw new GroupError('group/wrong-length', 'element derivation takes 64 bytes');
      }
      // RFC 9496 §4.3.4: two Elligator maps of the low 255 bits of each half, added.
      return wrap(sodium.crypto_core_ristretto255_from_hash(bytes));
    },
    equals: (a: Point, b: Point): boolean => equalBytes(bytesOf(a), bytesOf(b)),
    isIdentity: (a: Point): boolean => isZeroBytes(bytesOf(a)),
  });

  /**
   * Σ sᵢ·Pᵢ, variable time (spec §5.6). Repeated points are merged first (Σ sᵢ)·P, which turns a
   * batch of equations sharing G or the election key into one multiplication per distinct point.
   * Then one libsodium multiplication per distinct point and a running sum: bucket methods
   * (Pippenger) need ~32 additions per point at n = 1024, and an addition of encodings costs a
   * fifth of a multiplication here (two decodes and an encode), so they lose to this by ~6×
   * (measured; see bench/group.ts).
   */
  function sumOfMultiplesUnsafe(points: readonly Point[], scalars: readonly bigint[]): Uint8Array {
    const terms = new Map<string, { readonly point: Uint8Array; scalar: bigint }>();
    for (let i = 0; i < points.length; i++) {
      const point = bytesOf(points[i] as Point);
      const scalar = scalars[i] as bigint;
      if (scalar === 0n || isZeroBytes(point)) continue;
      const key = mapKey(point);
      const term = terms.get(key);
      if (term === undefined) terms.set(key, { point, scalar });
      else term.scalar = addScalars(term.scalar, scalar);
    }
    let sum: Uint8Array | undefined;
    for (const { point, scalar } of terms.values()) {
      if (scalar === 0n) continue; // the merged scalars cancelled out
      const multiple = scalar === 1n ? point : multiplyNonZero(encodeScalar(scalar), point);
      sum = sum === undefined ? multiple : sodium.crypto_core_ristretto255_add(sum, multiple);
    }
    return sum ?? IDENTITY_BYTES;
  }
}
