/**
 * @module A ranked contest's rows as the verifier holds them (spec §11.5–§11.6): in memory, as
 * ciphertext objects (the inline checks, the board), or packed as the pool decoded them — one
 * buffer a row set, in crypto's `packPoints` form — so that the main thread of a verifier at party
 * scale does not hold an object per point (160,000 rows of six ciphertexts are about 2 million
 * points a row set, and the garbage collector's marking of them was what grew faster than the
 * record). The checks read rows through the functions here and take out only what they need: a
 * round's targets, a row set's encodings for its hash, the packed bytes for a shuffle's worker.
 */
import {
  type Ciphertext,
  type CiphertextRow,
  type Group,
  type Point,
  concatByteArrays,
  encodeCiphertext,
  packPoints,
  packedEncodings,
  unpackPointRange,
} from '@scrutineer/crypto';

/** Rows of one width, their α, β in order in `points` (crypto `packPoints` form). */
export interface PackedRows {
  readonly count: number;
  readonly width: number;
  readonly points: Uint8Array;
}

export type Rows = readonly CiphertextRow[] | PackedRows;

const isPacked = (rows: Rows): rows is PackedRows => !Array.isArray(rows);

export const rowCount = (rows: Rows): number => (isPacked(rows) ? rows.count : rows.length);

/** The width of the rows (of the first row, in memory), or undefined when there is none. */
export const rowWidth = (rows: Rows): number | undefined =>
  isPacked(rows) ? (rows.count === 0 ? undefined : rows.width) : rows[0]?.length;

/** Position `position` of row `row`, or undefined outside the rows. */
export function ciphertextAt(
  group: Group,
  rows: Rows,
  row: number,
  position: number
): Ciphertext | undefined {
  if (!isPacked(rows)) return rows[row]?.[position];
  if (row < 0 || row >= rows.count || position < 0 || position >= rows.width) return undefined;
  const [alpha, beta] = unpackPointRange(group, rows.points, 2 * (row * rows.width + position), 2);
  return { alpha: alpha as Point, beta: beta as Point };
}

/** The rows as ciphertext objects (the inline checks take them so). */
export function rowsInMemory(group: Group, rows: Rows): readonly CiphertextRow[] {
  if (!isPacked(rows)) return rows;
  const points = unpackPointRange(group, rows.points, 0, 2 * rows.count * rows.width);
  return Array.from({ length: rows.count }, (_, r) =>
    Array.from({ length: rows.width }, (_, k) => ({
      alpha: points[2 * (r * rows.width + k)] as Point,
      beta: points[2 * (r * rows.width + k) + 1] as Point,
    }))
  );
}

/** The rows' α, β in order as `packPoints` bytes, for a worker. */
export function rowsPacked(group: Group, rows: Rows): Uint8Array {
  if (isPacked(rows)) return rows.points;
  return packPoints(
    group,
    rows.flatMap((row) => row.flatMap((c) => [c.alpha, c.beta]))
  );
}

/** Every ciphertext's encoding α ‖ β, row by row (what a mix's input hash frames, spec §11.5). */
export function rowEncodings(group: Group, rows: Rows): Uint8Array {
  if (isPacked(rows)) return packedEncodings(rows.points);
  return concatByteArrays(rows.flatMap((row) => row.map((c) => encodeCiphertext(group, c))));
}

/** Whether two row lists hold the same ciphertexts (equal encodings, equal points). */
export function sameRows(group: Group, a: Rows, b: Rows): boolean {
  if (a === b) return true;
  if (rowCount(a) !== rowCount(b)) return false;
  if (!isPacked(a) && !isPacked(b))
    return a.every((row, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        row.length === other.length &&
        row.every((c, k) => {
          const d = other[k];
          return d !== undefined && group.equals(c.alpha, d.alpha) && group.equals(c.beta, d.beta);
        })
      );
    });
  const uniform = (rows: Rows, width: number | undefined): boolean =>
    isPacked(rows)
      ? rows.count === 0 || rows.width === width
      : rows.every((r) => r.length === width);
  if (!uniform(a, rowWidth(b)) || !uniform(b, rowWidth(a))) return false;
  // A canonical encoding is unique to its point (RFC 9496), so equal encodings are equal rows.
  const [x, y] = [rowEncodings(group, a), rowEncodings(group, b)];
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}
