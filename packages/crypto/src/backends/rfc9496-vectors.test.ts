/**
 * @module RFC 9496 Appendix A on both backends (spec §2.3, §2.6): every case of
 * vectors/rfc9496-ristretto255.json must pass on noble, on sodium and (when its addon is built) on native alike.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { bytesToHex, hexToBytes } from '../bytes.ts';
import { GroupError, type GroupErrorCode, type Point } from '../group.ts';
import { nobleGroup } from './noble.ts';
import { loadSodiumGroup } from './sodium.ts';
import { loadWasmGroup } from './wasm.ts';
import { nativeGroup, nativeSkipReason } from '../test-helpers/native-group.ts';

type VectorCase =
  | { kind: 'generator-multiple'; section: 'A.1'; multiple: number; encoding: string }
  | { kind: 'invalid-encoding'; section: 'A.2'; reason: string; encoding: string }
  | { kind: 'element-derivation'; section: 'A.3'; uniformBytes: string; encoding: string };

interface VectorFile {
  source: string;
  description: string;
  cases: VectorCase[];
}

const file = JSON.parse(
  readFileSync(new URL('../../vectors/rfc9496-ristretto255.json', import.meta.url), 'utf8')
) as VectorFile;

const generatorMultiples = file.cases.filter((c) => c.kind === 'generator-multiple');
const invalidEncodings = file.cases.filter((c) => c.kind === 'invalid-encoding');
const elementDerivations = file.cases.filter((c) => c.kind === 'element-derivation');

function throwsCode(fn: () => unknown, code: GroupErrorCode, message: string): void {
  assert.throws(
    fn,
    (error: unknown) => error instanceof GroupError && error.code === code,
    message
  );
}

describe('rfc9496-ristretto255.json', () => {
  it('names its source and holds every RFC 9496 Appendix A ristretto255 case', () => {
    assert.match(file.source, /RFC 9496/);
    assert.deepEqual(
      generatorMultiples.map((c) => c.multiple),
      Array.from({ length: 16 }, (_, i) => i)
    );
    assert.equal(invalidEncodings.length, 29);
    assert.equal(elementDerivations.length, 11);
    for (const c of file.cases) {
      assert.match(c.encoding, /^[0-9a-f]{64}$/);
      if (c.kind === 'element-derivation') assert.match(c.uniformBytes, /^[0-9a-f]{128}$/);
    }
  });
});

const sodiumGroup = await loadSodiumGroup();
const wasmGroup = await loadWasmGroup();

it('RFC 9496 vectors on the native backend', { skip: nativeSkipReason ?? false }, () => {
  assert.ok(nativeGroup);
});

for (const group of [nobleGroup, sodiumGroup, wasmGroup, ...(nativeGroup ? [nativeGroup] : [])]) {
  const hex = (point: Point): string => bytesToHex(group.encodePoint(point));

  describe(`RFC 9496 vectors on the ${group.backend} backend`, () => {
    it('A.1: decodes and re-encodes each multiple of G', () => {
      for (const { multiple, encoding } of generatorMultiples) {
        const point = group.decodePoint(hexToBytes(encoding), { allowIdentity: true });
        assert.equal(hex(point), encoding, `${multiple}·G`);
        assert.equal(group.isIdentity(point), multiple === 0, `${multiple}·G`);
      }
    });

    it('A.1: multiplyBase, multiply and multiplyUnsafe give k·G', () => {
      for (const { multiple, encoding } of generatorMultiples) {
        const k = BigInt(multiple);
        assert.equal(hex(group.multiplyBase(k)), encoding, `multiplyBase(${k})`);
        assert.equal(hex(group.multiply(group.generator, k)), encoding, `multiply(G, ${k})`);
        assert.equal(
          hex(group.multiplyUnsafe(group.generator, k)),
          encoding,
          `multiplyUnsafe(G, ${k})`
        );
        const prepared = group.prepareFixedBase(group.generator);
        assert.equal(hex(group.multiply(prepared, k)), encoding, `prepared G · ${k}`);
      }
    });

    it('A.1: adding G sixteen times walks the table, and so does the MSM', () => {
      let point = group.identity;
      for (const { multiple, encoding } of generatorMultiples) {
        assert.equal(hex(point), encoding, `sum of ${multiple} G`);
        const ones = Array.from({ length: multiple }, () => 1n);
        const gs = ones.map(() => group.generator);
        assert.equal(
          hex(group.multiScalarMultiplyUnsafe(gs, ones)),
          encoding,
          `MSM of ${multiple} G`
        );
        point = group.add(point, group.generator);
      }
    });

    it('A.1: 0·G (the identity) is refused unless allowIdentity', () => {
      const identity = hexToBytes(generatorMultiples[0]?.encoding ?? '');
      throwsCode(() => group.decodePoint(identity), 'group/identity-forbidden', '0·G');
      throwsCode(
        () => group.decodePoint(identity, { allowIdentity: false }),
        'group/identity-forbidden',
        '0·G'
      );
    });

    it('A.2: refuses every invalid encoding as non-canonical, identity allowed or not', () => {
      for (const { reason, encoding } of invalidEncodings) {
        const bytes = hexToBytes(encoding);
        throwsCode(
          () => group.decodePoint(bytes),
          'group/non-canonical-point',
          `${reason}: ${encoding}`
        );
        throwsCode(
          () => group.decodePoint(bytes, { allowIdentity: true }),
          'group/non-canonical-point',
          `${reason}: ${encoding}`
        );
      }
    });

    it('A.3: derives each element from 64 uniform bytes', () => {
      for (const { uniformBytes, encoding } of elementDerivations) {
        assert.equal(
          hex(group.pointFromUniformBytes(hexToBytes(uniformBytes))),
          encoding,
          uniformBytes
        );
      }
    });
  });
}
