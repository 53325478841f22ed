/**
 * @module Points handed from one thread of a process to another (the verifier's worker pool): a
 * `Point` is an object of its backend and does not survive a structured clone, so it crosses as
 * bytes. The native backend exports its decoded coordinates with the encoding, which the other
 * thread reads back without decoding again (a decode costs an inverse square root); any other
 * backend sends the canonical encodings, which the other side decodes. The first byte says which.
 * Only for points this process already validated: the native form is read back unchecked.
 */
import { type Group, type Point, POINT_BYTES } from './group.ts';

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
