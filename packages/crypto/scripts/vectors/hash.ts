/**
 * @module Vector area `hash` (spec §3): the framing of §3.1, hash to scalar (eq. 3.1) and the
 * derivation hash Hparts (eq. 3.2), on empty, short, long (> 255 bytes) and integer parts.
 */
import assert from 'node:assert/strict';
import {
  DomainTag,
  bytesToHex,
  encodeU64,
  frameParts,
  hashParts,
  hashToScalar,
  hexToBytes,
  scalarFromWideBytes,
  sha512,
  utf8,
} from '../../src/index.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import {
  type SeededContent,
  type VectorArea,
  casesOf,
  scalarHex,
  seededArea,
} from './vector-file.ts';

const SEED = 'scrutineer/vectors/hash/v1';

interface HashCase {
  readonly name: string;
  readonly kind: 'hashToScalar' | 'hashParts';
  readonly tag: string;
  /** Absent for hashParts, which takes no base hash. */
  readonly baseHash?: string;
  readonly parts: readonly string[];
  /** The exact SHA-512 input: frame(utf8(tag)) ‖ [frame(baseHash)] ‖ frame(part)…, hex. */
  readonly framed: string;
  readonly sha512: string;
  /** hashToScalar only: the digest read little-endian mod ℓ, as a 32-byte scalar. */
  readonly scalar?: string;
}

function makeHashVectors(random: SeededRandom): SeededContent<HashCase> {
  const scalarCase = (name: string, tag: DomainTag, parts: readonly Uint8Array[]): HashCase => {
    const baseHash = random.bytes(32);
    const framed = frameParts([utf8(tag), baseHash, ...parts]);
    return {
      name,
      kind: 'hashToScalar',
      tag,
      baseHash: bytesToHex(baseHash),
      parts: parts.map(bytesToHex),
      framed: bytesToHex(framed),
      sha512: bytesToHex(sha512(framed)),
      scalar: scalarHex(hashToScalar(tag, baseHash, parts)),
    };
  };
  const partsCase = (name: string, tag: DomainTag, parts: readonly Uint8Array[]): HashCase => {
    const framed = frameParts([utf8(tag), ...parts]);
    return {
      name,
      kind: 'hashParts',
      tag,
      parts: parts.map(bytesToHex),
      framed: bytesToHex(framed),
      sha512: bytesToHex(hashParts(tag, parts)),
    };
  };
  return {
    description:
      'Spec §3.1–§3.2: frame(x) = u32le(len(x)) ‖ x; hashToScalar = LE(SHA-512(frame(utf8(tag)) ‖ ' +
      'frame(baseHash) ‖ frame(part)…)) mod ℓ (eq. 3.1); hashParts = SHA-512(frame(utf8(tag)) ‖ ' +
      'frame(part)…) (eq. 3.2). Bytes are lower-case hex; scalar is the 32-byte little-endian ' +
      'encoding of the result.',
    cases: [
      scalarCase('no parts', DomainTag.schnorrProof, []),
      scalarCase('an empty part and a one-byte part', DomainTag.chaumPedersenProof, [
        new Uint8Array(0),
        Uint8Array.of(0x2a),
      ]),
      scalarCase('u64le integers 0, 1 and 2^64 − 1', DomainTag.rangeProof, [
        encodeU64(0),
        encodeU64(1),
        encodeU64(2n ** 64n - 1n),
      ]),
      scalarCase('a 300-byte part (length needs two bytes)', DomainTag.signature, [
        random.bytes(300),
      ]),
      scalarCase(
        'five 32-byte parts',
        DomainTag.decryptionProof,
        Array.from({ length: 5 }, () => random.bytes(32))
      ),
      partsCase('derivation hash, two parts', DomainTag.credentialKey, [
        utf8('election-2025'),
        random.bytes(14),
      ]),
      partsCase('derivation hash, no parts', DomainTag.shareEncryptionKey, []),
    ],
  };
}

function checkHashVectors(content: unknown): void {
  for (const c of casesOf<HashCase>(content)) {
    const parts = c.parts.map(hexToBytes);
    const tag = c.tag as DomainTag;
    const head = c.baseHash === undefined ? [utf8(tag)] : [utf8(tag), hexToBytes(c.baseHash)];
    assert.equal(bytesToHex(frameParts([...head, ...parts])), c.framed, c.name);
    const digest = sha512(hexToBytes(c.framed));
    assert.equal(bytesToHex(digest), c.sha512, c.name);
    if (c.kind === 'hashToScalar') {
      assert.equal(scalarHex(scalarFromWideBytes(digest)), c.scalar, c.name);
      assert.equal(
        scalarHex(hashToScalar(tag, hexToBytes(c.baseHash ?? ''), parts)),
        c.scalar,
        c.name
      );
    } else {
      assert.equal(bytesToHex(hashParts(tag, parts)), c.sha512, c.name);
    }
  }
}

export const hashVectors: VectorArea = seededArea({
  file: 'hash.json',
  seed: SEED,
  make: makeHashVectors,
  check: checkHashVectors,
});
