/**
 * @module Points handed from one thread of a process to another (the verifier's worker pool): a
 * `Point` is an object of its backend and does not survive a structured clone, so it crosses as
 * bytes. The native backend exports its decoded coordinates with the encoding, which the other
 * thread reads back without decoding again (a decode costs an inverse square root); any other
 * backend sends the canonical encodings, which the other side decodes. The first byte says which.
 * Only for points this process already validated: the native form is read back unchecked.
 */
import { type Group, type Point, GroupError, POINT_BYTES } from './group.ts';

const ENCODINGS = 0;
const BACKEND_FORM = 1;
/** The native form of a point: its encoding, then its 160 bytes of coordinates (native.ts). */
const NATIVE_FORM_BYTES = POINT_BYTES + 160;

/** `points` as bytes for {@link unpackPoints} on another thread of this process. */
export function packPoints(group: Group, points: readonly Point[]): Uint8Array {
  const exported = group.exportPoints?.(points);
  if (exported !== undefined) {
    const out = new Uint8Array(1 + exported.length);
    out[0] = BACKEND_FORM;
    out.set(exported, 1);
    return out;
  }
  const out = new Uint8Array(1 + points.length * POINT_BYTES);
  out[0] = ENCODINGS;
  points.forEach((point, i) => out.set(group.encodePoint(point), 1 + i * POINT_BYTES));
  return out;
}

/** The points {@link packPoints} packed, as points of `group` (the same backend, or decoded). */
export function unpackPoints(group: Group, bytes: Uint8Array): Point[] {
  const body = bytes.subarray(1);
  if (bytes[0] === BACKEND_FORM && group.importPointsUnchecked !== undefined)
    return group.importPointsUnchecked(body);
  // Encodings (or another backend's form, whose records begin with the encoding).
  const stride = bytes[0] === BACKEND_FORM ? NATIVE_FORM_BYTES : POINT_BYTES;
  return Array.from({ length: body.length / stride }, (_, i) =>
    group.decodePoint(body.subarray(i * stride, i * stride + POINT_BYTES), { allowIdentity: true })
  );
}

/** What {@link decodePacked} found: the packed points, or the first encoding that fails and why. */
export type PackedDecoding =
  | { readonly ok: true; readonly packed: Uint8Array }
  | { readonly ok: false; readonly index: number; readonly error: GroupError };

/**
 * n concatenated encodings decoded by {@link Group.decodePoint}'s rules into {@link packPoints}'
 * form, for {@link unpackPoints} on another thread: in one call and with no object per point where
 * the backend can (the native backend's `decodeToExported`), else point by point. The identity is
 * refused at point i when `identityRefused[i mod identityRefused.length]`.
 */
export function decodePacked(
  group: Group,
  encodings: Uint8Array,
  identityRefused: readonly boolean[]
): PackedDecoding {
  const count = encodedCount(encodings);
  const failure = (index: number, error: unknown): PackedDecoding => {
    if (!(error instanceof GroupError)) throw error;
    return { ok: false, index, error };
  };
  const exported = group.decodeToExported?.(encodings, identityRefused);
  if (exported instanceof Uint8Array) {
    const packed = new Uint8Array(1 + exported.length);
    packed[0] = BACKEND_FORM;
    packed.set(exported, 1);
    return { ok: true, packed };
  }
  if (exported !== undefined) {
    try {
      decodeAt(group, encodings, identityRefused, exported);
    } catch (error) {
      return failure(exported, error);
    }
    throw new Error(`decodeToExported refused point ${exported}, which decodePoint accepts`);
  }
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    try {
      points.push(decodeAt(group, encodings, identityRefused, i));
    } catch (error) {
      return failure(i, error);
    }
  }
  return { ok: true, packed: packPoints(group, points) };
}

/**
 * n concatenated encodings decoded as points by {@link Group.decodePoint}'s rules, in one C call
 * where the backend can (the native backend's `decodeToExported`), else one by one. The identity
 * is refused at point i when `identityRefused[i mod identityRefused.length]`.
 * @throws GroupError of the first encoding that fails.
 */
export function decodePoints(
  group: Group,
  encodings: Uint8Array,
  identityRefused: readonly boolean[]
): Point[] {
  if (group.decodeToExported !== undefined && group.importPointsUnchecked !== undefined) {
    const decoded = decodePacked(group, encodings, identityRefused);
    if (!decoded.ok) throw decoded.error;
    return group.importPointsUnchecked(decoded.packed.subarray(1));
  }
  return Array.from({ length: encodedCount(encodings) }, (_, i) =>
    decodeAt(group, encodings, identityRefused, i)
  );
}

/** How many 32-byte encodings `encodings` holds; a length that is no multiple is refused. */
function encodedCount(encodings: Uint8Array): number {
  const count = encodings.length / POINT_BYTES;
  if (!Number.isInteger(count))
    throw new GroupError('group/wrong-length', `points must be ${POINT_BYTES} bytes each`);
  return count;
}

/** Encoding i of `encodings`, decoded with the identity refused where the pattern says. */
function decodeAt(
  group: Group,
  encodings: Uint8Array,
  identityRefused: readonly boolean[],
  i: number
): Point {
  return group.decodePoint(encodings.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES), {
    allowIdentity: identityRefused[i % identityRefused.length] !== true,
  });
}

/** Bytes a point takes in {@link packPoints}' form `packed`. */
function strideOf(packed: Uint8Array): number {
  return packed[0] === BACKEND_FORM ? NATIVE_FORM_BYTES : POINT_BYTES;
}

/** How many points {@link packPoints}' bytes hold. */
export function packedPointCount(packed: Uint8Array): number {
  return (packed.length - 1) / strideOf(packed);
}

/**
 * Points [from, from + count) of {@link packPoints}' bytes, as {@link unpackPoints} reads them,
 * without copying the rest: a verifier keeps a row set packed and takes out only what it needs.
 */
export function unpackPointRange(
  group: Group,
  packed: Uint8Array,
  from: number,
  count: number
): Point[] {
  const stride = strideOf(packed);
  const body = packed.subarray(1 + from * stride, 1 + (from + count) * stride);
  if (packed[0] === BACKEND_FORM && group.importPointsUnchecked !== undefined)
    return group.importPointsUnchecked(body);
  return Array.from({ length: count }, (_, i) =>
    group.decodePoint(body.subarray(i * stride, i * stride + POINT_BYTES), { allowIdentity: true })
  );
}

/** The canonical encodings of every point {@link packPoints}' bytes hold, concatenated. */
export function packedEncodings(packed: Uint8Array): Uint8Array {
  const stride = strideOf(packed);
  if (stride === POINT_BYTES) return packed.subarray(1);
  const count = packedPointCount(packed);
  const out = new Uint8Array(count * POINT_BYTES);
  for (let i = 0; i < count; i++)
    out.set(packed.subarray(1 + i * stride, 1 + i * stride + POINT_BYTES), i * POINT_BYTES);
  return out;
}

/** {@link packPoints}' bytes of several packings joined in order (all of one form). */
export function joinPacked(parts: readonly Uint8Array[]): Uint8Array {
  return joinPackedRanges(
    parts.map((packed) => ({ packed, from: 0, count: packedPointCount(packed) }))
  );
}

/** Points [from, from + count) of a {@link packPoints} packing. */
export interface PackedRange {
  readonly packed: Uint8Array;
  readonly from: number;
  readonly count: number;
}

/**
 * {@link packPoints}' bytes of ranges of several packings (all of one form) joined in order: a
 * verifier gathers the ranked entries its ballot workers decoded, batch by batch, into one row set.
 */
export function joinPackedRanges(ranges: readonly PackedRange[]): Uint8Array {
  const form = ranges[0]?.packed[0] ?? ENCODINGS;
  if (ranges.some((range) => range.packed[0] !== form))
    throw new TypeError('joinPacked: packings of different forms');
  const stride = form === BACKEND_FORM ? NATIVE_FORM_BYTES : POINT_BYTES;
  const out = new Uint8Array(1 + stride * ranges.reduce((sum, range) => sum + range.count, 0));
  out[0] = form;
  let at = 1;
  for (const { packed, from, count } of ranges) {
    out.set(packed.subarray(1 + from * stride, 1 + (from + count) * stride), at);
    at += count * stride;
  }
  return out;
}
