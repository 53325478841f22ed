import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, frameParts, sha256, utf8 } from '@scrutineer/crypto';
import { hashLeaf, merkleRoot } from '@scrutineer/record';
import { nth } from '@scrutineer/testkit/nth';
import { checkRollInclusion, commitRoll, rollLeaf } from './roll-commitment.ts';
import { encodeRollReference, parseRollReference } from './roll-reference.ts';

const ids = Array.from({ length: 37 }, (_, i) => `M${String(i).padStart(4, '0')}`);
const fixedSalt = (i: number) => new Uint8Array(32).fill(i + 1);

test('the leaf is SHA-256 over the framed tag, salt and member id (spec §9.2.5)', () => {
  const salt = fixedSalt(6);
  const framed = new Uint8Array([
    23,
    0,
    0,
    0,
    ...utf8('scrutineer/v1/roll-leaf'),
    32,
    0,
    0,
    0,
    ...salt,
    5,
    0,
    0,
    0,
    ...utf8('M0001'),
  ]);
  assert.equal(bytesToHex(rollLeaf(salt, 'M0001')), bytesToHex(sha256(framed)));
  assert.deepEqual(frameParts([utf8('scrutineer/v1/roll-leaf'), salt, utf8('M0001')]), framed);
  assert.throws(() => rollLeaf(new Uint8Array(31), 'M0001'), /wrong-salt-length/);
});

test('the root is RFC 9162 over the leaf values in increasing order, count = members', () => {
  const salts = ids.map((_, i) => fixedSalt(i));
  const { commitment, inclusions } = commitRoll(ids, salts);
  const values = ids
    .map((id, i) => rollLeaf(salts[i] as Uint8Array, id))
    .sort((a, b) => (bytesToHex(a) < bytesToHex(b) ? -1 : 1));
  assert.equal(commitment.count, ids.length);
  assert.equal(commitment.root, bytesToHex(merkleRoot(values.map(hashLeaf))));
  // Inclusions come back in the order of the ids, each at its sorted position.
  for (const [i, inclusion] of inclusions.entries()) {
    assert.equal(inclusion.memberId, ids[i]);
    assert.equal(
      bytesToHex(values[inclusion.index] as Uint8Array),
      bytesToHex(rollLeaf(salts[i] as Uint8Array, ids[i] as string))
    );
  }
  assert.deepEqual(new Set(inclusions.map((x) => x.index)).size, ids.length);
});

test('every member checks; a wrong id, salt, index, proof or root does not', () => {
  const { commitment, inclusions } = commitRoll(ids);
  for (const inclusion of inclusions)
    assert.deepEqual(checkRollInclusion(commitment, inclusion), { ok: true });
  const sample = nth(inclusions, 5);
  const other = nth(inclusions, 6);
  const refusals = [
    checkRollInclusion(commitment, { ...sample, memberId: other.memberId }),
    checkRollInclusion(commitment, { ...sample, salt: other.salt }),
    checkRollInclusion(commitment, { ...sample, index: other.index }),
    checkRollInclusion(commitment, { ...sample, proof: other.proof }),
    checkRollInclusion(commitment, { ...sample, proof: sample.proof.slice(1) }),
    checkRollInclusion({ ...commitment, count: 1 }, sample),
    checkRollInclusion(commitRoll(ids).commitment, sample),
  ];
  for (const refusal of refusals)
    assert.equal(refusal.ok ? 'ok' : refusal.code, 'roll/not-included');
  const malformed = checkRollInclusion(commitment, { ...sample, salt: 'zz' });
  assert.equal(malformed.ok ? 'ok' : malformed.code, 'roll/malformed-reference');
});

test('fresh salts: the same members commit to unrelated roots; one member is a tree of one', () => {
  assert.notEqual(commitRoll(ids).commitment.root, commitRoll(ids).commitment.root);
  const single = commitRoll(['only']);
  assert.deepEqual(single.inclusions[0]?.proof, []);
  assert.ok(checkRollInclusion(single.commitment, nth(single.inclusions, 0)).ok);
  assert.throws(() => commitRoll(['a', 'a']), /duplicate-member-id/);
});

test('the printed reference round-trips, in any case, and refuses malformed text', () => {
  const { commitment, inclusions } = commitRoll(ids);
  const text = encodeRollReference(commitment, nth(inclusions, 3));
  assert.match(text, /^ROLL1:37:\d+:[0-9A-F]{64}:[0-9A-F]{64}(:[0-9A-F]{64}){1,6}$/);
  for (const variant of [text, text.toLowerCase(), `  ${text}\n`]) {
    const parsed = parseRollReference(variant);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.commitment, commitment);
    assert.ok(
      checkRollInclusion(commitment, { memberId: nth(ids, 3), ...parsed.value.inclusion }).ok
    );
  }
  for (const bad of [
    '',
    'ROLL2:1:0',
    'ROLL1:0:0:aa:bb',
    text.replace(':37:', ':0:'),
    `${text}:XYZ`,
    text.replace(/:[0-9A-F]{64}:/, ':ABC:'),
  ]) {
    assert.equal(parseRollReference(bad).ok, false, bad);
  }
});

/** RFC 9162 §2.1.3.1: the audit path of leaf `index` in a tree of `size` leaves has this many nodes. */
function auditPathLength(index: number, size: number): number {
  if (size <= 1) return 0;
  let split = 1;
  while (split * 2 < size) split *= 2;
  return (
    1 +
    (index < split ? auditPathLength(index, split) : auditPathLength(index - split, size - split))
  );
}

// A party-size roll; each member's leaf position is random (the leaves are sorted), so the
// path length is checked against the member's own index, not a constant. Speed is measured by
// `npm run bench`, not here.
test(
  'commits a roll of 160,000 members with a correct path for every member',
  { timeout: 120_000 },
  () => {
    const many = Array.from({ length: 160_000 }, (_, i) => `M${i}`);
    const { commitment, inclusions } = commitRoll(many);
    assert.equal(commitment.count, 160_000);
    assert.equal(inclusions.length, 160_000);
    for (const inclusion of inclusions) {
      assert.equal(inclusion.proof.length, auditPathLength(inclusion.index, 160_000));
    }
    for (const member of [0, 123_456, 159_999]) {
      assert.ok(checkRollInclusion(commitment, nth(inclusions, member)).ok);
    }
    const other = nth(inclusions, 7);
    assert.equal(checkRollInclusion(commitment, { ...other, memberId: 'M8' }).ok, false);
  }
);
