/**
 * @module Cross-backend agreement (spec §2.6, §2.9): noble, sodium, wasm and (when its addon is
 * built) native
 * must give the same bytes for every
 * operation and refuse the same malformed inputs with the same {@link GroupError} code. Points
 * cross between backends only as encodings, which is exactly the equality the spec requires.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from '../bytes.ts';
import { GroupError, type Group, type Point } from '../group.ts';
import { GROUP_ORDER } from '../scalar.ts';
import { nobleGroup } from './noble.ts';
import { loadSodiumGroup } from './sodium.ts';
import { loadWasmGroup } from './wasm.ts';
import { nativeGroup, nativeSkipReason } from '../test-helpers/native-group.ts';

const sodiumGroup = await loadSodiumGroup();
const wasmGroup = await loadWasmGroup();
/** noble first: it is the reference every other backend is compared with. */
const groups: readonly Group[] = [
  nobleGroup,
  sodiumGroup,
  wasmGroup,
  ...(nativeGroup ? [nativeGroup] : []),
];

it('the native backend takes part', { skip: nativeSkipReason ?? false }, () => {
  assert.ok(groups.some((group) => group.backend === 'native'));
});

const IDENTITY_HEX = '00'.repeat(32);
const GENERATOR_HEX = 'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76';

/** What an operation did: the hex of its result, or the code it threw. */
function outcome(operation: () => Uint8Array): string {
  try {
    return `bytes ${bytesToHex(operation())}`;
  } catch (error) {
    if (error instanceof GroupError) return `error ${error.code}`;
    throw error;
  }
}

/** Runs `operation` on every backend (points given as hex) and returns the hex result, which must agree. */
function agree(operation: (group: Group, point: (hex: string) => Point) => Point): string {
  const [noble, ...others] = groups.map((group) => {
    const point = (hex: string): Point =>
      group.decodePoint(hexToBytes(hex), { allowIdentity: true });
    return outcome(() => group.encodePoint(operation(group, point)));
  });
  others.forEach((other, i) => assert.equal(other, noble, groups[i + 1]?.backend));
  return noble as string;
}

/** Every backend throws the expected code for the same malformed call. */
function bothRefuse(code: GroupError['code'], operation: (group: Group) => unknown): void {
  for (const group of groups) {
    assert.throws(
      () => operation(group),
      (error: unknown) => error instanceof GroupError && error.code === code,
      `${group.backend} should throw ${code}`
    );
  }
}

const scalarArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0n, 1n, 2n, GROUP_ORDER - 1n, GROUP_ORDER - 2n) },
  { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: GROUP_ORDER - 1n }) }
);
/** Valid encodings: the identity, G, and elements derived from uniform bytes. */
const pointArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(IDENTITY_HEX, GENERATOR_HEX) },
  {
    weight: 4,
    arbitrary: fc
      .uint8Array({ minLength: 64, maxLength: 64 })
      .map((bytes) => bytesToHex(nobleGroup.encodePoint(nobleGroup.pointFromUniformBytes(bytes)))),
  }
);
/** Mostly invalid 32-byte strings: random, and valid encodings with one bit flipped. */
const candidateEncodingArbitrary = fc.oneof(
  fc.uint8Array({ minLength: 32, maxLength: 32 }),
  fc.tuple(pointArbitrary, fc.nat(255)).map(([hex, bit]) => {
    const bytes = hexToBytes(hex);
    bytes[bit >> 3] = (bytes[bit >> 3] as number) ^ (1 << (bit & 7));
    return bytes;
  }),
  pointArbitrary.map(hexToBytes)
);

describe('all backends agree byte for byte', () => {
  it('decodePoint/encodePoint: same result or same error code on any 32 bytes', () => {
    fc.assert(
      fc.property(candidateEncodingArbitrary, fc.boolean(), (bytes, allowIdentity) => {
        const [noble, ...others] = groups.map((group) =>
          outcome(() => group.encodePoint(group.decodePoint(bytes, { allowIdentity })))
        );
        for (const other of others) assert.equal(other, noble);
        if (noble?.startsWith('bytes')) assert.equal(noble, `bytes ${bytesToHex(bytes)}`);
      }),
      { numRuns: 500 }
    );
  });

  it('the two generators and identities are the same elements', () => {
    assert.equal(
      agree((group) => group.generator),
      `bytes ${GENERATOR_HEX}`
    );
    assert.equal(
      agree((group) => group.identity),
      `bytes ${IDENTITY_HEX}`
    );
  });

  it('add, subtract, negate, equals and isIdentity', () => {
    fc.assert(
      fc.property(pointArbitrary, pointArbitrary, (a, b) => {
        agree((group, point) => group.add(point(a), point(b)));
        agree((group, point) => group.subtract(point(a), point(b)));
        agree((group, point) => group.negate(point(a)));
        for (const group of groups) {
          const decode = (hex: string): Point =>
            group.decodePoint(hexToBytes(hex), { allowIdentity: true });
          assert.equal(group.equals(decode(a), decode(b)), a === b);
          assert.equal(group.isIdentity(decode(a)), a === IDENTITY_HEX);
          assert.ok(group.isIdentity(group.add(decode(a), group.negate(decode(a)))));
        }
      }),
      { numRuns: 300 }
    );
  });

  it('multiply, multiplyBase, multiplyUnsafe and prepared bases', () => {
    fc.assert(
      fc.property(pointArbitrary, scalarArbitrary, (p, k) => {
        const product = agree((group, point) => group.multiply(point(p), k));
        assert.equal(
          agree((group, point) => group.multiplyUnsafe(point(p), k)),
          product
        );
        assert.equal(
          agree((group, point) => group.multiply(group.prepareFixedBase(point(p)), k)),
          product
        );
        agree((group) => group.multiplyBase(k));
      }),
      { numRuns: 200 }
    );
  });

  it('multiplyDual is two multiplications, on any point (prepared, G, O) and any scalars (0 too)', () => {
    fc.assert(
      fc.property(pointArbitrary, scalarArbitrary, scalarArbitrary, (p, k, j) => {
        for (const k2 of [j, 0n]) {
          const prepared = (group: Group, point: (hex: string) => Point) =>
            group.prepareFixedBase(point(p));
          for (const base of [
            (_: Group, point: (hex: string) => Point) => point(p),
            prepared,
            (group: Group) => group.generator,
            (group: Group) => group.identity,
          ]) {
            assert.equal(
              agree((group, point) => group.multiplyDual(base(group, point), k, k2)[0]),
              agree((group, point) => group.multiply(base(group, point), k))
            );
            assert.equal(
              agree((group, point) => group.multiplyDual(base(group, point), k, k2)[1]),
              agree((group, point) => group.multiply(base(group, point), k2))
            );
          }
        }
      }),
      { numRuns: 60 }
    );
  });

  it('multiScalarMultiplyUnsafe, with repeated points, zeros and the identity', () => {
    const termsArbitrary = fc.tuple(
      fc.array(pointArbitrary, { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.nat(2), scalarArbitrary), { maxLength: 8 })
    );
    fc.assert(
      fc.property(termsArbitrary, ([pool, picks]) => {
        const hexes = picks.map(([index]) => pool[index % pool.length] as string);
        const scalars = picks.map(([, scalar]) => scalar);
        const sum = agree((group, point) =>
          group.multiScalarMultiplyUnsafe(hexes.map(point), scalars)
        );
        // And it is the plain sum of the products.
        assert.equal(
          agree((group, point) =>
            hexes.reduce(
              (acc, hex, i) => group.add(acc, group.multiply(point(hex), scalars[i] as bigint)),
              group.identity
            )
          ),
          sum
        );
      }),
      { numRuns: 150 }
    );
  });

  it('multiScalarMultiplyUnsafe on 40 distinct points', () => {
    const hexes = Array.from({ length: 40 }, (_, i) =>
      bytesToHex(
        nobleGroup.encodePoint(nobleGroup.pointFromUniformBytes(new Uint8Array(64).fill(i)))
      )
    );
    const scalars = hexes.map((_, i) => GROUP_ORDER - 1n - BigInt(i) * 0x1234567890abcdefn);
    agree((group, point) => group.multiScalarMultiplyUnsafe(hexes.map(point), scalars));
  });

  it('pointFromUniformBytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        agree((group) => group.pointFromUniformBytes(bytes));
      }),
      { numRuns: 300 }
    );
  });
});

describe('edge cases: scalar 0 and the identity', () => {
  const identity = `bytes ${IDENTITY_HEX}`;
  it('0·P, s·O and 0·G are the identity', () => {
    for (const k of [0n, 1n, 5n, GROUP_ORDER - 1n]) {
      assert.equal(
        agree((group, point) => group.multiply(point(IDENTITY_HEX), k)),
        identity
      );
      assert.equal(
        agree((group, point) => group.multiplyUnsafe(point(IDENTITY_HEX), k)),
        identity
      );
    }
    assert.equal(
      agree((group, point) => group.multiply(point(GENERATOR_HEX), 0n)),
      identity
    );
    assert.equal(
      agree((group, point) => group.multiplyUnsafe(point(GENERATOR_HEX), 0n)),
      identity
    );
    assert.equal(
      agree((group) => group.multiplyBase(0n)),
      identity
    );
  });

  it('1·P is P, (ℓ−1)·G is −G, P − P and −O are the identity', () => {
    assert.equal(
      agree((group) => group.multiply(group.generator, 1n)),
      `bytes ${GENERATOR_HEX}`
    );
    const minusG = agree((group) => group.negate(group.generator));
    assert.equal(
      agree((group) => group.multiplyBase(GROUP_ORDER - 1n)),
      minusG
    );
    assert.equal(
      agree((group) => group.multiplyUnsafe(group.generator, GROUP_ORDER - 1n)),
      minusG
    );
    assert.equal(
      agree((group) => group.subtract(group.generator, group.generator)),
      identity
    );
    assert.equal(
      agree((group) => group.negate(group.identity)),
      identity
    );
    assert.equal(
      agree((group) => group.add(group.identity, group.identity)),
      identity
    );
  });

  it('MSM: empty, all-zero scalars, identity points and cancelling terms give the identity', () => {
    assert.equal(
      agree((group) => group.multiScalarMultiplyUnsafe([], [])),
      identity
    );
    assert.equal(
      agree((group) =>
        group.multiScalarMultiplyUnsafe([group.generator, group.generator], [0n, 0n])
      ),
      identity
    );
    assert.equal(
      agree((group) =>
        group.multiScalarMultiplyUnsafe([group.identity, group.identity], [3n, GROUP_ORDER - 1n])
      ),
      identity
    );
    assert.equal(
      agree((group) =>
        group.multiScalarMultiplyUnsafe([group.generator, group.generator], [7n, GROUP_ORDER - 7n])
      ),
      identity
    );
    assert.equal(
      agree((group) =>
        group.multiScalarMultiplyUnsafe([group.generator, group.negate(group.generator)], [7n, 7n])
      ),
      identity
    );
    assert.equal(
      agree((group) =>
        group.multiScalarMultiplyUnsafe([group.identity, group.generator], [9n, 1n])
      ),
      `bytes ${GENERATOR_HEX}`
    );
  });
});

describe('malformed inputs: every backend refuses with the same code', () => {
  it('wrong lengths', () => {
    for (const length of [0, 1, 31, 33, 64]) {
      bothRefuse('group/wrong-length', (group) => group.decodePoint(new Uint8Array(length)));
      bothRefuse('group/wrong-length', (group) =>
        group.decodePoint(new Uint8Array(length), { allowIdentity: true })
      );
    }
    for (const length of [0, 32, 63, 65]) {
      bothRefuse('group/wrong-length', (group) =>
        group.pointFromUniformBytes(new Uint8Array(length))
      );
    }
  });

  it('non-canonical encodings: p, p + 1, a set top bit, a negative s', () => {
    const p = 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
    const pPlusOne = 'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
    const topBit = `${GENERATOR_HEX.slice(0, 62)}${(0x80 | 0x76).toString(16)}`;
    const identityTopBit = `${'00'.repeat(31)}80`;
    for (const hex of [p, pPlusOne, topBit, identityTopBit, `01${'00'.repeat(31)}`]) {
      bothRefuse('group/non-canonical-point', (group) =>
        group.decodePoint(hexToBytes(hex), { allowIdentity: true })
      );
    }
  });

  it('the identity where it is forbidden', () => {
    bothRefuse('group/identity-forbidden', (group) => group.decodePoint(new Uint8Array(32)));
    bothRefuse('group/identity-forbidden', (group) => group.decodePoint(new Uint8Array(32), {}));
  });

  it('scalars ≥ ℓ or negative, in every multiplication, checked before any shortcut', () => {
    for (const k of [GROUP_ORDER, GROUP_ORDER + 1n, 2n ** 256n, -1n, -GROUP_ORDER]) {
      bothRefuse('group/scalar-out-of-range', (group) => group.multiply(group.generator, k));
      bothRefuse('group/scalar-out-of-range', (group) => group.multiply(group.identity, k));
      bothRefuse('group/scalar-out-of-range', (group) => group.multiplyBase(k));
      bothRefuse('group/scalar-out-of-range', (group) =>
        group.multiplyDual(group.add(group.generator, group.generator), 1n, k)
      );
      bothRefuse('group/scalar-out-of-range', (group) =>
        group.multiplyDual(group.add(group.generator, group.generator), k, 1n)
      );
      bothRefuse('group/scalar-out-of-range', (group) => group.multiplyUnsafe(group.generator, k));
      bothRefuse('group/scalar-out-of-range', (group) => group.multiplyUnsafe(group.identity, k));
      bothRefuse('group/scalar-out-of-range', (group) =>
        group.multiScalarMultiplyUnsafe([group.generator, group.identity], [1n, k])
      );
      bothRefuse('group/scalar-out-of-range', (group) =>
        group.multiScalarMultiplyUnsafe([group.generator, group.generator], [k, 0n])
      );
    }
  });

  it('MSM with more points than scalars, or fewer', () => {
    bothRefuse('group/length-mismatch', (group) =>
      group.multiScalarMultiplyUnsafe([group.generator], [])
    );
    bothRefuse('group/length-mismatch', (group) => group.multiScalarMultiplyUnsafe([], [1n]));
    bothRefuse('group/length-mismatch', (group) =>
      group.multiScalarMultiplyUnsafe([group.generator], [GROUP_ORDER, 1n])
    );
  });
});
