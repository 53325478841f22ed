/**
 * Published RFC 6962 / RFC 9162 vectors for the Merkle log (spec §10.2), copied from the Go
 * reference implementation github.com/transparency-dev/merkle:
 *  - proof/verify_test.go: the 8-leaf test tree's `leaves`, its `roots` for sizes 1…8, the
 *    `inclusionProofs` and `consistencyProofs` (leaf numbers there are 1-based: `{1, 8, …}` is
 *    index 0 in a tree of 8), and the corruption probes of corruptInclusionProof /
 *    corruptConsistencyProof;
 *  - rfc6962/rfc6962_test.go: the empty-tree, empty-leaf, leaf and node hashes;
 *  - proof/proof_test.go: the node ids of proofs (TestInclusion, TestConsistency), written here as
 *    leaf ranges: node (level h, index i) is [i·2^h, (i+1)·2^h), and a "rehash" of right-edge
 *    nodes is the one range they cover.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, hexToBytes, utf8 } from '@scrutineer/crypto';
import { EMPTY_TREE_ROOT, hashChildren, hashLeaf, merkleRoot } from './merkle-log.ts';
import { inclusionProof, inclusionProofRanges, verifyInclusion } from './merkle-inclusion.ts';
import {
  consistencyProof,
  consistencyProofRanges,
  verifyConsistency,
} from './merkle-consistency.ts';
import { MerkleTree } from './merkle-tree.ts';

const leaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(hexToBytes);

/** roots[n - 1] = MTH of the first n leaves. */
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(hexToBytes);

const inclusionVectors = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    index: 2,
    size: 3,
    proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'],
  },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
].map((v) => ({ ...v, proof: v.proof.map(hexToBytes) }));

const consistencyVectors = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
].map((v) => ({ ...v, proof: v.proof.map(hexToBytes) }));

/** sha256SomeHash of verify_test.go: a 32-byte value that is no root of the test tree. */
const someHash = hexToBytes('abacaba000000000000000000000000000000000000000000060061e00123456');
const leafHashes = leaves.map(hashLeaf);
const root = (size: number): Uint8Array => roots[size - 1] as Uint8Array;
const hex = (list: readonly Uint8Array[]): string[] => list.map(bytesToHex);

describe('RFC 6962 hashes (rfc6962_test.go)', () => {
  it('hashes the empty tree, an empty leaf, a leaf and a node', () => {
    const expect = (bytes: Uint8Array, want: string) => assert.equal(bytesToHex(bytes), want);
    expect(EMPTY_TREE_ROOT, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(
      hashLeaf(new Uint8Array(0)),
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'
    );
    expect(
      hashLeaf(utf8('L123456')),
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56'
    );
    expect(
      hashChildren(utf8('N123'), utf8('N456')),
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb'
    );
  });
});

describe('the 8-leaf test tree (verify_test.go)', () => {
  it('has the published root at every size, from the list and from the tree index', () => {
    const tree = MerkleTree.fromLeafHashes(leafHashes);
    for (let size = 1; size <= 8; size++) {
      assert.equal(bytesToHex(merkleRoot(leafHashes.slice(0, size))), bytesToHex(root(size)));
      assert.equal(bytesToHex(tree.root(size)), bytesToHex(root(size)));
    }
    assert.equal(bytesToHex(merkleRoot([])), bytesToHex(EMPTY_TREE_ROOT));
  });

  it('generates and verifies the published inclusion proofs', () => {
    const tree = MerkleTree.fromLeafHashes(leafHashes);
    for (const { index, size, proof } of inclusionVectors) {
      const label = `leaf ${index} of ${size}`;
      assert.deepEqual(hex(inclusionProof(leafHashes, index, size)), hex(proof), label);
      assert.deepEqual(hex(tree.inclusionProof(index, size)), hex(proof), label);
      assert.ok(
        verifyInclusion(leafHashes[index] as Uint8Array, index, size, proof, root(size)),
        label
      );
    }
  });

  it('rejects every corruption of corruptInclusionProof', () => {
    for (const { index, size, proof } of inclusionVectors.filter((v) => v.size > 1)) {
      const leaf = leafHashes[index] as Uint8Array;
      const r = root(size);
      const probes: [string, boolean][] = [
        ['index - 1', verifyInclusion(leaf, index - 1, size, proof, r)],
        ['index + 1', verifyInclusion(leaf, index + 1, size, proof, r)],
        ['index ^ 2', verifyInclusion(leaf, index ^ 2, size, proof, r)],
        ['size * 2', verifyInclusion(leaf, index, size * 2, proof, r)],
        ['size / 2', verifyInclusion(leaf, index, Math.floor(size / 2), proof, r)],
        ['wrong leaf', verifyInclusion(utf8('WrongLeaf'), index, size, proof, r)],
        ['empty root', verifyInclusion(leaf, index, size, proof, EMPTY_TREE_ROOT)],
        ['random root', verifyInclusion(leaf, index, size, proof, someHash)],
        ['trailing garbage', verifyInclusion(leaf, index, size, [...proof, new Uint8Array(0)], r)],
        ['trailing root', verifyInclusion(leaf, index, size, [...proof, r], r)],
        ['preceding garbage', verifyInclusion(leaf, index, size, [new Uint8Array(0), ...proof], r)],
        ['preceding root', verifyInclusion(leaf, index, size, [r, ...proof], r)],
        ['removed component', verifyInclusion(leaf, index, size, proof.slice(0, -1), r)],
        [
          'inserted component',
          verifyInclusion(
            leaf,
            index,
            size,
            [proof[0] as Uint8Array, someHash, ...proof.slice(1)],
            r
          ),
        ],
      ];
      for (let i = 0; i < proof.length; i++) {
        const flipped = proof.map((h) => h.slice());
        const target = flipped[i] as Uint8Array;
        target[0] = (target[0] as number) ^ 8;
        probes.push([`proof[${i}] bit 3`, verifyInclusion(leaf, index, size, flipped, r)]);
      }
      for (const [what, accepted] of probes)
        assert.equal(accepted, false, `${index}/${size}: ${what}`);
    }
  });

  it('generates and verifies the published consistency proofs', () => {
    const tree = MerkleTree.fromLeafHashes(leafHashes);
    for (const { size1, size2, proof } of consistencyVectors) {
      const label = `${size1} → ${size2}`;
      assert.deepEqual(hex(consistencyProof(leafHashes, size1, size2)), hex(proof), label);
      assert.deepEqual(hex(tree.consistencyProof(size1, size2)), hex(proof), label);
      assert.ok(verifyConsistency(size1, size2, root(size1), root(size2), proof), label);
    }
  });

  it('rejects every corruption of corruptConsistencyProof', () => {
    for (const { size1, size2, proof } of consistencyVectors.filter((v) => v.proof.length > 0)) {
      const [r1, r2] = [root(size1), root(size2)];
      const check = (s1: number, s2: number, a: Uint8Array, b: Uint8Array, p: Uint8Array[]) =>
        verifyConsistency(s1, s2, a, b, p);
      const probes: [string, boolean][] = [
        ['size1 - 1', check(size1 - 1, size2, r1, r2, proof)],
        ['size1 + 1', check(size1 + 1, size2, r1, r2, proof)],
        ['size1 ^ 2', check(size1 ^ 2, size2, r1, r2, proof)],
        ['size2 * 2', check(size1, size2 * 2, r1, r2, proof)],
        ['size2 / 2', check(size1, Math.floor(size2 / 2), r1, r2, proof)],
        ['wrong root1', check(size1, size2, utf8('WrongRoot'), r2, proof)],
        ['wrong root2', check(size1, size2, r1, utf8('WrongRoot'), proof)],
        ['swapped roots', check(size1, size2, r2, r1, proof)],
        ['empty proof', check(size1, size2, r1, r2, [])],
        ['trailing garbage', check(size1, size2, r1, r2, [...proof, new Uint8Array(0)])],
        ['trailing root1', check(size1, size2, r1, r2, [...proof, r1])],
        ['trailing root2', check(size1, size2, r1, r2, [...proof, r2])],
        ['preceding garbage', check(size1, size2, r1, r2, [new Uint8Array(0), ...proof])],
        ['preceding root1', check(size1, size2, r1, r2, [r1, ...proof])],
        ['preceding root2', check(size1, size2, r1, r2, [r2, ...proof])],
        ['preceding proof[0]', check(size1, size2, r1, r2, [proof[0] as Uint8Array, ...proof])],
        ['truncated proof', check(size1, size2, r1, r2, proof.slice(0, -1))],
      ];
      for (let i = 0; i < proof.length; i++) {
        const flipped = proof.map((h) => h.slice());
        const target = flipped[i] as Uint8Array;
        target[0] = (target[0] as number) ^ 16;
        probes.push([`proof[${i}] bit 4`, check(size1, size2, r1, r2, flipped)]);
      }
      for (const [what, accepted] of probes)
        assert.equal(accepted, false, `${size1} → ${size2}: ${what}`);
    }
  });
});

describe('proof shapes (proof_test.go)', () => {
  const ranges = (list: readonly { start: number; end: number }[]) =>
    list.map(({ start, end }) => [start, end]);

  it('matches the node ids of TestInclusion', () => {
    const cases: [number, number, number[][]][] = [
      [0, 1, []],
      [0, 2, [[1, 2]]],
      [1, 2, [[0, 1]]],
      [
        1,
        3,
        [
          [0, 1],
          [2, 3],
        ],
      ],
      [
        0,
        7,
        [
          [1, 2],
          [2, 4],
          [4, 7],
        ],
      ], // b h (j i rehashed into l)
      [
        2,
        7,
        [
          [3, 4],
          [0, 2],
          [4, 7],
        ],
      ], // d g l
      [
        4,
        7,
        [
          [5, 6],
          [6, 7],
          [0, 4],
        ],
      ], // f j k
      [
        6,
        7,
        [
          [4, 6],
          [0, 4],
        ],
      ], // i k
      [
        3,
        5,
        [
          [2, 3],
          [0, 2],
          [4, 5],
        ],
      ], // c g e
      [
        4,
        6,
        [
          [5, 6],
          [0, 4],
        ],
      ], // f k
      [
        10,
        15,
        [
          [11, 12],
          [8, 10],
          [12, 15],
          [0, 8],
        ],
      ],
      [
        24,
        31,
        [
          [25, 26],
          [26, 28],
          [28, 31],
          [16, 24],
          [0, 16],
        ],
      ],
      [
        81,
        95,
        [
          [80, 81],
          [82, 84],
          [84, 88],
          [88, 95],
          [64, 80],
          [0, 64],
        ],
      ],
    ];
    for (const [index, size, want] of cases) {
      assert.deepEqual(ranges(inclusionProofRanges(index, size)), want, `leaf ${index} of ${size}`);
    }
  });

  it('matches the node ids of TestConsistency', () => {
    const cases: [number, number, number[][]][] = [
      [1, 2, [[1, 2]]], // b
      [
        1,
        4,
        [
          [1, 2],
          [2, 4],
        ],
      ], // b h
      [
        1,
        6,
        [
          [1, 2],
          [2, 4],
          [4, 6],
        ],
      ], // b h i
      [2, 3, [[2, 3]]], // c
      [
        2,
        8,
        [
          [2, 4],
          [4, 8],
        ],
      ], // h l
      [
        3,
        7,
        [
          [2, 3],
          [3, 4],
          [0, 2],
          [4, 7],
        ],
      ], // c d g (j i rehashed)
      [4, 7, [[4, 7]]], // (j i rehashed)
      [
        5,
        7,
        [
          [4, 5],
          [5, 6],
          [6, 7],
          [0, 4],
        ],
      ], // e f j k
      [
        6,
        7,
        [
          [4, 6],
          [6, 7],
          [0, 4],
        ],
      ], // i j k
      [
        7,
        8,
        [
          [6, 7],
          [7, 8],
          [4, 6],
          [0, 4],
        ],
      ], // j leaf#7 i k
      [5, 5, []],
      [2, 4, [[2, 4]]], // h
      [
        3,
        5,
        [
          [2, 3],
          [3, 4],
          [0, 2],
          [4, 5],
        ],
      ], // c d g e
      [
        3,
        6,
        [
          [2, 3],
          [3, 4],
          [0, 2],
          [4, 6],
        ],
      ], // c d g i
      [4, 6, [[4, 6]]], // i
      [
        1,
        7,
        [
          [1, 2],
          [2, 4],
          [4, 7],
        ],
      ], // b h (j i rehashed)
      [
        10,
        15,
        [
          [8, 10],
          [10, 12],
          [12, 15],
          [0, 8],
        ],
      ],
      [
        24,
        31,
        [
          [16, 24],
          [24, 31],
          [0, 16],
        ],
      ],
      [
        81,
        95,
        [
          [80, 81],
          [81, 82],
          [82, 84],
          [84, 88],
          [88, 95],
          [64, 80],
          [0, 64],
        ],
      ],
    ];
    for (const [size1, size2, want] of cases) {
      assert.deepEqual(ranges(consistencyProofRanges(size1, size2)), want, `${size1} → ${size2}`);
    }
  });
});
