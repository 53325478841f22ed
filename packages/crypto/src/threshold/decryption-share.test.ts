import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nobleGroup as group } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import { encryptWithRandomness, zeroCiphertext } from '../elgamal.ts';
import { sha256 } from '../hash.ts';
import { assertRefusals, withFill, withU32 } from '../test-helpers/decode-refusals.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import { DecryptionError } from './decryption-error.ts';
import {
  DECRYPTION_SHARE_BYTES,
  type DecryptionShare,
  type DecryptionTarget,
  aggregateBindings,
  createDecryptionShares,
  decodeDecryptionShare,
  decryptionShareBatchesHoldUnsafe,
  encodeDecryptionShare,
  findInvalidDecryptionShareBatchesUnsafe,
  findInvalidDecryptionSharesUnsafe,
  verifyDecryptionShare,
} from './decryption-share.ts';
import { at } from '../ceremony/run-ceremony.helpers.ts';

const random = createSeededRandom('decryption-share');
const source = (): bigint => random.scalar();
const baseHash = sha256(utf8('decryption-share test election'));
const secretShare = random.scalar();
const verificationKey = group.multiplyBase(secretShare);
const electionKey = group.multiplyBase(random.scalar());
const checkpoint = { size: 7, root: sha256(utf8('a board checkpoint')) };
const targets: DecryptionTarget[] = [0n, 1n, 5n].map((m, option) => ({
  ciphertext: encryptWithRandomness(group, electionKey, m, random.scalar()),
  bindings: aggregateBindings(0, option),
}));
const shares = createDecryptionShares(
  group,
  baseHash,
  { trustee: 2, secretShare, checkpoint },
  targets,
  source
);

test('each share is x·α with a proof that verifies against V', () => {
  assert.equal(shares.length, 3);
  shares.forEach((share, t) => {
    assert.equal(share.trustee, 2);
    assert.ok(
      group.equals(share.share, group.multiply(at(targets, t).ciphertext.alpha, secretShare))
    );
    assert.ok(verifyDecryptionShare(group, baseHash, verificationKey, at(targets, t), share));
  });
  assert.deepEqual(
    findInvalidDecryptionSharesUnsafe(group, baseHash, verificationKey, targets, shares),
    []
  );
});

test('a share is bound to its trustee, checkpoint, aggregate, ciphertext and election', () => {
  const [share, next] = [at(shares, 0), at(shares, 1)];
  const target = at(targets, 0);
  assert.ok(
    !verifyDecryptionShare(group, baseHash, verificationKey, target, {
      ...share,
      checkpoint: { ...checkpoint, size: 8 },
    }),
    'other checkpoint size'
  );
  assert.ok(
    !verifyDecryptionShare(group, baseHash, verificationKey, target, {
      ...share,
      checkpoint: { size: 7, root: sha256(utf8('another root')) },
    }),
    'other checkpoint root'
  );
  assert.ok(
    !verifyDecryptionShare(group, baseHash, verificationKey, at(targets, 1), share),
    'other aggregate'
  );
  assert.ok(
    !verifyDecryptionShare(
      group,
      baseHash,
      verificationKey,
      { ...target, bindings: aggregateBindings(1, 0) },
      share
    )
  );
  const otherBeta = {
    ...target.ciphertext,
    beta: group.add(target.ciphertext.beta, group.generator),
  };
  assert.ok(
    !verifyDecryptionShare(
      group,
      baseHash,
      verificationKey,
      { ...target, ciphertext: otherBeta },
      share
    ),
    'β'
  );
  assert.ok(
    !verifyDecryptionShare(group, baseHash, verificationKey, target, { ...share, trustee: 3 }),
    'other trustee'
  );
  assert.ok(
    !verifyDecryptionShare(group, sha256(utf8('other')), verificationKey, target, share),
    'other election'
  );
  assert.ok(
    !verifyDecryptionShare(group, baseHash, group.multiplyBase(secretShare + 1n), target, share),
    'other V'
  );
  assert.ok(
    !verifyDecryptionShare(group, baseHash, verificationKey, target, {
      ...share,
      proof: next.proof,
    })
  );
});

test('a wrong share is found in a batch, by position', () => {
  const cheating = shares.map((s, t) =>
    t === 1 ? { ...s, share: group.add(s.share, group.generator) } : s
  );
  assert.deepEqual(
    findInvalidDecryptionSharesUnsafe(group, baseHash, verificationKey, targets, cheating),
    [1]
  );
  assert.throws(
    () =>
      findInvalidDecryptionSharesUnsafe(group, baseHash, verificationKey, targets, shares.slice(1)),
    {
      code: 'decryption/mismatched-inputs',
    }
  );
});

test("three trustees' batches checked in one equation (α once a target) say what the batches say one by one", () => {
  const trustees = [1, 3, 4].map((trustee) => {
    const x = random.scalar();
    return {
      trustee,
      verificationKey: group.multiplyBase(x),
      shares: createDecryptionShares(
        group,
        baseHash,
        { trustee, secretShare: x, checkpoint },
        targets,
        source
      ),
    };
  });
  const one = (b: number, t: number, change: (s: DecryptionShare) => DecryptionShare) =>
    trustees.map((batch, i) => ({
      ...batch,
      shares: batch.shares.map((s, j) => (i === b && j === t ? change(s) : s)),
    }));
  assert.ok(decryptionShareBatchesHoldUnsafe(group, baseHash, targets, trustees));
  assert.deepEqual(findInvalidDecryptionShareBatchesUnsafe(group, baseHash, targets, trustees), [
    [],
    [],
    [],
  ]);
  const altered = [
    // A share moved by G; a response off by one; trustee 3's share of target 0 under trustee 1's
    // key (valid for its own); two trustees' shares of a target exchanged.
    one(1, 2, (s) => ({ ...s, share: group.add(s.share, group.generator) })),
    one(0, 0, (s) => ({ ...s, proof: { ...s.proof, response: s.proof.response + 1n } })),
    one(0, 0, () => at(at(trustees, 1).shares, 0)),
    trustees.map((batch, i) => ({
      ...batch,
      verificationKey: at(trustees, i === 0 ? 2 : i === 2 ? 0 : i).verificationKey,
    })),
  ];
  for (const [k, batches] of altered.entries()) {
    assert.ok(
      !decryptionShareBatchesHoldUnsafe(group, baseHash, targets, batches),
      `alteration ${k}`
    );
    assert.deepEqual(
      findInvalidDecryptionShareBatchesUnsafe(group, baseHash, targets, batches),
      batches.map((b) =>
        findInvalidDecryptionSharesUnsafe(group, baseHash, b.verificationKey, targets, b.shares)
      ),
      `alteration ${k}`
    );
  }
  assert.deepEqual(
    findInvalidDecryptionShareBatchesUnsafe(group, baseHash, targets, at(altered, 0)),
    [[], [2], []]
  );
  assert.throws(
    () =>
      decryptionShareBatchesHoldUnsafe(group, baseHash, targets, [
        { ...at(trustees, 0), shares: at(trustees, 0).shares.slice(1) },
      ]),
    { code: 'decryption/mismatched-inputs' }
  );
});

test('an aggregate of no ballots (α = O) decrypts with an identity share that verifies and encodes', () => {
  const empty: DecryptionTarget = {
    ciphertext: zeroCiphertext(group),
    bindings: aggregateBindings(2, 0),
  };
  const [share] = createDecryptionShares(
    group,
    baseHash,
    { trustee: 2, secretShare, checkpoint },
    [empty],
    source
  );
  assert.ok(share && group.isIdentity(share.share));
  assert.ok(verifyDecryptionShare(group, baseHash, verificationKey, empty, share));
  const decoded = decodeDecryptionShare(group, 5, checkpoint, encodeDecryptionShare(group, share));
  assert.ok(verifyDecryptionShare(group, baseHash, verificationKey, empty, decoded));
});

test('D1 encodes to 132 bytes and round-trips; malformed D1 is refused', () => {
  const bytes = encodeDecryptionShare(group, at(shares, 2));
  assert.equal(bytes.length, DECRYPTION_SHARE_BYTES);
  const decoded = decodeDecryptionShare(group, 5, checkpoint, bytes);
  assert.deepEqual(encodeDecryptionShare(group, decoded), bytes);
  assert.ok(verifyDecryptionShare(group, baseHash, verificationKey, at(targets, 2), decoded));

  assertRefusals(
    (b) => decodeDecryptionShare(group, 5, checkpoint, b),
    [
      [withU32(bytes, 0, 0), 'decryption/index-out-of-range'],
      [withU32(bytes, 0, 6), 'decryption/index-out-of-range'],
      [withFill(bytes, 0xff, 4, 36), 'group/non-canonical-point'],
      [withFill(bytes, 0, 36, 68), 'group/identity-forbidden'], // A₁ = O is never honest
      [withFill(bytes, 0xff, 100), 'group/scalar-out-of-range'],
      [bytes.subarray(0, 131), 'decryption/wrong-length'],
      [Uint8Array.of(...bytes, 0), 'decryption/trailing-bytes'],
    ],
    DecryptionError
  );
});
