/**
 * @module Points decoded in bulk for a verifier's threads (point-transfer.ts `decodePacked`, the
 * native backend's one-call `decodeToExported`): the same points as {@link Group.decodePoint}
 * one by one, the same refusals (a non-canonical encoding, the identity where the pattern refuses
 * it) reported at the same index with the same code, on the native backend and on one without a
 * bulk path; and the share and ciphertext decoders built on it agree with their one-by-one twins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesToHex, concatByteArrays } from './bytes.ts';
import { decodeCiphertext, decodeCiphertextsPacked, encrypt } from './elgamal.ts';
import type { Group } from './group.ts';
import { nobleGroup } from './backends/noble.ts';
import {
  decodePacked,
  decodePoints,
  joinPacked,
  joinPackedRanges,
  packPoints,
  unpackPoints,
} from './point-transfer.ts';
import { GroupError } from './group.ts';
import { randomScalar } from './scalar.ts';
import { nativeGroup, nativeSkipReason } from './test-helpers/native-group.ts';
import {
  decodeDecryptionShare,
  decodeDecryptionSharesPacked,
  encodeDecryptionShare,
} from './threshold/decryption-share.ts';

/** 2^255 − 19 + 1 little-endian: s ≥ p, never canonical (RFC 9496 §4.3.1). */
const NON_CANONICAL = Uint8Array.from({ length: 32 }, (_, i) =>
  i === 0 ? 0xee : i === 31 ? 0x7f : 0xff
);
const IDENTITY = new Uint8Array(32);

function encodings(group: Group, count: number): Uint8Array[] {
  return Array.from({ length: count }, () => group.encodePoint(group.multiplyBase(randomScalar())));
}

const hexOf = (group: Group, packed: Uint8Array): string[] =>
  unpackPoints(group, packed).map((p) => bytesToHex(group.encodePoint(p)));

const backends: [string, Group | null][] = [
  ['native', nativeGroup],
  ['noble (point by point)', nobleGroup],
];

for (const [name, group] of backends) {
  describe(
    `decodePacked on ${name}`,
    { skip: group === null ? (nativeSkipReason ?? true) : false },
    () => {
      const g = group as Group;

      it('joins ranges of several packings in order, and refuses packings of different forms', () => {
        const [a, b] = [encodings(g, 5), encodings(g, 4)].map((list) =>
          packPoints(
            g,
            list.map((e) => g.decodePoint(e))
          )
        ) as [Uint8Array, Uint8Array];
        const joined = joinPackedRanges([
          { packed: a, from: 1, count: 2 },
          { packed: b, from: 0, count: 4 },
          { packed: a, from: 4, count: 1 },
        ]);
        const [x, y] = [hexOf(g, a), hexOf(g, b)];
        assert.deepEqual(hexOf(g, joined), [...x.slice(1, 3), ...y, ...x.slice(4)]);
        assert.deepEqual(hexOf(g, joinPacked([a, b])), [...x, ...y]);
        const other = Uint8Array.of(a[0] === 0 ? 1 : 0);
        assert.throws(() => joinPacked([a, other]), /different forms/);
      });

      it('decodes every point to the one decodePoint gives', () => {
        const points = encodings(g, 9);
        const decoded = decodePacked(g, concatByteArrays(points), [false]);
        assert.ok(decoded.ok);
        assert.deepEqual(hexOf(g, decoded.packed), points.map(bytesToHex));
      });

      it('reports the first non-canonical encoding by index and code', () => {
        const points = encodings(g, 6);
        points[4] = NON_CANONICAL;
        points[5] = NON_CANONICAL;
        const decoded = decodePacked(g, concatByteArrays(points), [false]);
        assert.equal(decoded.ok, false);
        assert.ok(!decoded.ok);
        assert.equal(decoded.index, 4);
        assert.equal(decoded.error.code, 'group/non-canonical-point');
      });

      it('refuses the identity only where the pattern says', () => {
        const points = encodings(g, 6);
        points[3] = IDENTITY; // pattern [true, false]: odd positions allow it
        assert.ok(decodePacked(g, concatByteArrays(points), [true, false]).ok);
        points[2] = IDENTITY;
        const decoded = decodePacked(g, concatByteArrays(points), [true, false]);
        assert.ok(!decoded.ok);
        assert.equal(decoded.index, 2);
        assert.equal(decoded.error.code, 'group/identity-forbidden');
      });

      it('decodePoints gives the same points, and throws the first refusal as decodePoint does', () => {
        const points = encodings(g, 7);
        const decoded = decodePoints(g, concatByteArrays(points), [false]);
        assert.deepEqual(
          decoded.map((p) => bytesToHex(g.encodePoint(p))),
          points.map(bytesToHex)
        );
        points[5] = IDENTITY;
        assert.throws(
          () => decodePoints(g, concatByteArrays(points), [true]),
          (error: unknown) =>
            error instanceof GroupError && error.code === 'group/identity-forbidden'
        );
        points[1] = NON_CANONICAL;
        assert.throws(
          () => decodePoints(g, concatByteArrays(points), [true]),
          (error: unknown) =>
            error instanceof GroupError && error.code === 'group/non-canonical-point'
        );
      });

      it('decodes ciphertexts and shares as their one-by-one decoders do', () => {
        const key = g.multiplyBase(randomScalar());
        const ciphertexts = Array.from(
          { length: 4 },
          (_, m) => encrypt(g, key, BigInt(m)).ciphertext
        );
        const bytes = concatByteArrays(
          ciphertexts.map((c) => concatByteArrays([g.encodePoint(c.alpha), g.encodePoint(c.beta)]))
        );
        const packed = decodeCiphertextsPacked(g, bytes, { allowIdentity: false });
        assert.ok(packed !== null);
        const one = ciphertexts.flatMap((_, i) => {
          const c = decodeCiphertext(g, bytes.subarray(64 * i, 64 * i + 64), {
            allowIdentity: false,
          });
          return [c.alpha, c.beta].map((p) => bytesToHex(g.encodePoint(p)));
        });
        assert.deepEqual(hexOf(g, packed), one);
        // An α that is the identity: refused as decodeCiphertext refuses it.
        const spoilt = bytes.slice();
        spoilt.fill(0, 64, 96);
        assert.equal(decodeCiphertextsPacked(g, spoilt, { allowIdentity: false }), null);

        const checkpoint = { size: 1, root: new Uint8Array(32) };
        const shares = ciphertexts.map((c, i) =>
          encodeDecryptionShare(g, {
            trustee: 1 + (i % 3),
            checkpoint,
            share: c.alpha,
            proof: { commitment1: c.beta, commitment2: g.identity, response: randomScalar() },
          })
        );
        const many = decodeDecryptionSharesPacked(g, 3, shares);
        assert.ok(many !== null);
        const single = shares.map((s) => decodeDecryptionShare(g, 3, checkpoint, s));
        assert.deepEqual(
          many.trustees,
          single.map((s) => s.trustee)
        );
        assert.deepEqual(
          many.responses,
          single.map((s) => s.proof.response)
        );
        assert.deepEqual(
          hexOf(g, many.points),
          single.flatMap((s) =>
            [s.share, s.proof.commitment1, s.proof.commitment2].map((p) =>
              bytesToHex(g.encodePoint(p))
            )
          )
        );
        // A₁ the identity, a trustee out of range, a response ≥ ℓ: each refused, as one by one.
        const badCommitment = shares.map((s) => s.slice());
        badCommitment[2]?.fill(0, 36, 68);
        const badTrustee = shares.map((s) => s.slice());
        badTrustee[1]?.fill(9, 0, 1);
        const badResponse = shares.map((s) => s.slice());
        badResponse[3]?.fill(0xff, 100, 132);
        for (const bad of [badCommitment, badTrustee, badResponse]) {
          assert.equal(decodeDecryptionSharesPacked(g, 3, bad), null);
          assert.throws(() => bad.forEach((s) => decodeDecryptionShare(g, 3, checkpoint, s)));
        }
      });
    }
  );
}
