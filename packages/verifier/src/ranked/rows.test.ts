/**
 * Rows kept packed (rows.ts) read the same as rows in memory: each ciphertext, the encodings a
 * mix's input hash frames, the rows given back as objects; and two row lists are the same rows
 * exactly when their ciphertexts are, whichever way each is held.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type CiphertextRow,
  bytesToHex,
  encodeCiphertext,
  encryptWithRandomness,
  loadFastestGroup,
  packPoints,
  randomScalar,
} from '@scrutineer/crypto';
import {
  type PackedRows,
  ciphertextAt,
  rowCount,
  rowEncodings,
  rowsInMemory,
  rowsPacked,
  sameRows,
} from './rows.ts';

const group = await loadFastestGroup();
const key = group.multiplyBase(randomScalar());
const rows: CiphertextRow[] = Array.from({ length: 5 }, (_, r) =>
  Array.from({ length: 3 }, (_, k) =>
    encryptWithRandomness(group, key, BigInt(r + k), randomScalar())
  )
);
const packed: PackedRows = {
  count: rows.length,
  width: 3,
  points: packPoints(
    group,
    rows.flatMap((row) => row.flatMap((c) => [c.alpha, c.beta]))
  ),
};
const hexOf = (c: Parameters<typeof encodeCiphertext>[1] | undefined): string =>
  c === undefined ? 'none' : bytesToHex(encodeCiphertext(group, c));

describe('rows kept packed', () => {
  test('read as the rows in memory read', () => {
    assert.equal(rowCount(packed), 5);
    for (let r = 0; r < 5; r++)
      for (let k = 0; k < 3; k++)
        assert.equal(hexOf(ciphertextAt(group, packed, r, k)), hexOf(rows[r]?.[k]));
    assert.equal(ciphertextAt(group, packed, 5, 0), undefined);
    assert.equal(ciphertextAt(group, packed, 0, 3), undefined);
    assert.equal(bytesToHex(rowEncodings(group, packed)), bytesToHex(rowEncodings(group, rows)));
    assert.deepEqual(
      rowsInMemory(group, packed).map((row) => row.map(hexOf)),
      rows.map((row) => row.map(hexOf))
    );
    assert.equal(rowsPacked(group, packed), packed.points);
  });

  test('are the same rows as their ciphertexts in memory, and not as other rows', () => {
    assert.ok(sameRows(group, packed, rows));
    assert.ok(sameRows(group, rows, packed));
    const swapped = [rows[1], rows[0], ...rows.slice(2)] as CiphertextRow[];
    assert.equal(sameRows(group, packed, swapped), false);
    assert.equal(sameRows(group, packed, rows.slice(1)), false);
    // The same ciphertexts cut into rows of another width are not the same rows.
    const flat = rows.flat();
    const narrow = Array.from({ length: 15 }, (_, i) => [flat[i]]) as CiphertextRow[];
    assert.equal(sameRows(group, packed, narrow), false);
  });
});
