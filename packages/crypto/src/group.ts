/**
 * @module The prime-order group every Scrutineer protocol runs in: ristretto255 (RFC 9496),
 * behind one interface with two byte-identical backends (spec §2).
 *
 * Points are opaque: a `Point` is only ever handed back to the `Group` that produced it. Scalars
 * are `bigint`s in [0, ℓ) (see scalar.ts). Every decode validates: non-canonical encodings are
 * refused, and the identity is refused unless the caller says the protocol allows it.
 */

declare const pointBrand: unique symbol;
/** A ristretto255 group element, in whatever representation the backend keeps. */
export type Point = { readonly [pointBrand]: true };

/** Stable codes for malformed group inputs (spec §2.4). */
export type GroupErrorCode =
  | 'group/wrong-length'
  | 'group/non-canonical-point'
  | 'group/identity-forbidden'
  | 'group/scalar-out-of-range'
  | 'group/scalar-zero-forbidden'
  | 'group/length-mismatch';

/** Thrown for malformed encodings: a bad input is refused, never silently accepted. */
export class GroupError extends RangeError {
  readonly code: GroupErrorCode;
  constructor(code: GroupErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'GroupError';
    this.code = code;
  }
}

/** Options for {@link Group.decodePoint}. */
export interface DecodePointOptions {
  /** The identity (32 zero bytes) is refused unless this is true (spec §2.3). */
  readonly allowIdentity?: boolean;
}

/** Length in bytes of an encoded point and of an encoded scalar. */
export const POINT_BYTES = 32;

/** How a caller's terms of a multi-scalar multiplication are laid out ({@link Group}). */
export interface MultiplyOptions {
  /** Each point object appears once: a backend that merges repeated points may skip that. */
  readonly distinct?: boolean;
}

/**
 * The ristretto255 group. Both backends implement it and must agree byte for byte
 * (backends.test.ts cross-checks them on the RFC 9496 vectors and on random cases).
 */
export interface Group {
  /** Always 'ristretto255': the only group of format version 1. */
  readonly name: 'ristretto255';
  /**
   * Which implementation answers: `noble` (reference, browser), `sodium` (libsodium WASM) or
   * `native` (libdecaf addon with a bucket multi-scalar multiplication; Node only, optional) or
   * `wasm` (the same libdecaf and multi-scalar multiplication compiled to WebAssembly; browsers).
   */
  readonly backend: 'noble' | 'sodium' | 'native' | 'wasm';
  /** The RFC 9496 generator G. */
  readonly generator: Point;
  /** The neutral element. */
  readonly identity: Point;

  /** RFC 9496 §4.3.1 decode; throws {@link GroupError} on a wrong length or non-canonical bytes. */
  decodePoint(bytes: Uint8Array, options?: DecodePointOptions): Point;
  /** RFC 9496 §4.3.2 encode: the unique canonical 32 bytes. */
  encodePoint(point: Point): Uint8Array;

  add(a: Point, b: Point): Point;
  subtract(a: Point, b: Point): Point;
  negate(a: Point): Point;
  /** scalar·point, for secret scalars (constant time where the backend offers it). */
  multiply(point: Point, scalar: bigint): Point;
  /**
   * first·point and second·point, for secret scalars (a trustee's xₗ·α and its proof's nonce a·α,
   * spec §8.2): constant time where the backend offers it; the native backend shares one window
   * table between the two ladders.
   */
  multiplyDual(point: Point, first: bigint, second: bigint): [Point, Point];
  /** scalar·G, for secret scalars. */
  multiplyBase(scalar: bigint): Point;
  /** scalar·point in variable time: public data only (verification). */
  multiplyUnsafe(point: Point, scalar: bigint): Point;
  /**
   * Σ scalars[i]·points[i] in variable time: public data only (batch verification). A backend may
   * merge the terms of one point object first; `distinct` says the caller has merged them (a
   * repeated point still gives the same sum), so that a sum of millions of terms is not searched
   * for repeats.
   */
  multiScalarMultiplyUnsafe(
    points: readonly Point[],
    scalars: readonly bigint[],
    options?: MultiplyOptions
  ): Point;
  /**
   * Returns a point equal to `point` whose later multiplications may run faster (the booth's
   * fixed bases: G and the election key K). Semantics are unchanged.
   */
  prepareFixedBase(point: Point): Point;

  /** RFC 9496 §4.3.4 element derivation from 64 uniform bytes (hash output). */
  pointFromUniformBytes(bytes: Uint8Array): Point;

  equals(a: Point, b: Point): boolean;
  isIdentity(a: Point): boolean;

  /**
   * Optional, for moving points already held by this process to another of its threads
   * (point-transfer.ts): the backend's own representation, read back by
   * {@link Group.importPointsUnchecked} without validation. Never for bytes from outside. The
   * imported points may be views into the bytes given, which must not change afterwards.
   */
  readonly exportPoints?: (points: readonly Point[]) => Uint8Array;
  readonly importPointsUnchecked?: (bytes: Uint8Array) => Point[];
  /**
   * Optional, for a verifier's bulk decoding (point-transfer.ts `decodePacked`): n concatenated
   * encodings decoded at once, by the rules of {@link decodePoint}, straight into
   * {@link exportPoints}' form, with no object per point. The identity is refused at point i when
   * `identityRefused[i mod identityRefused.length]`. Returns the bytes, or the index of the first
   * encoding that fails (whose `decodePoint` says why).
   */
  readonly decodeToExported?: (
    encodings: Uint8Array,
    identityRefused: readonly boolean[]
  ) => Uint8Array | number;
}
