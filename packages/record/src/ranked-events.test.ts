import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encryptWithRandomness,
  loadGroup,
  randomScalar,
  shuffleProofBytes,
} from '@scrutineer/crypto';
import {
  countRankingsOf,
  joinParts,
  mixInputHash,
  mixParts,
  mixBodySchema,
  rankedEntrySchema,
  rankedRankingsBodySchema,
} from './ranked-events.ts';

const ct = 'ab'.repeat(64);
const proofHex = (rows: number, width: number) => '00'.repeat(shuffleProofBytes(rows, width));

describe('ranked event bodies (spec §11.8)', () => {
  test('a ranked entry needs a proof of the §11.4 length for its n + 1 positions', () => {
    assert.ok(
      rankedEntrySchema.safeParse({ ciphertexts: [ct, ct, ct], proof: proofHex(3, 1) }).success
    );
    assert.equal(
      rankedEntrySchema.safeParse({ ciphertexts: [ct, ct, ct], proof: proofHex(4, 1) }).success,
      false
    );
  });
  test('a mix part has rows of one width and a part within its count', () => {
    const body = {
      contest: 0,
      mixer: 1,
      part: 0,
      parts: 1,
      inputHash: '00'.repeat(32),
      outputs: [
        [ct, ct],
        [ct, ct],
      ],
      proof: proofHex(2, 2),
      signature: '22'.repeat(64),
    };
    assert.ok(mixBodySchema.safeParse(body).success);
    const { signature: _signature, ...unsigned } = body;
    assert.equal(mixBodySchema.safeParse(unsigned).success, false, 'a mix carries its signature');
    assert.equal(mixBodySchema.safeParse({ ...body, outputs: [[ct, ct], [ct]] }).success, false);
    assert.equal(mixBodySchema.safeParse({ ...body, mixer: 0 }).success, false);
    assert.equal(mixBodySchema.safeParse({ ...body, part: 1 }).success, false);
  });
  test('a mix cut in parts joins back to its rows and proof; a missing or repeated part is named', () => {
    const whole = {
      contest: 0,
      mixer: 2,
      inputHash: '11'.repeat(32),
      outputs: Array.from({ length: 7 }, (_, i) => [ct, `${i}`.padStart(128, '0')]),
      proof: proofHex(7, 2),
      signature: '22'.repeat(64),
    };
    const parts = mixParts(whole, 3);
    assert.ok(
      parts.every((p) => p.signature === whole.signature),
      'every part carries it'
    );
    assert.deepEqual(
      parts.map((p) => [p.part, p.parts, p.outputs.length]),
      [
        [0, 3, 3],
        [1, 3, 3],
        [2, 3, 1],
      ]
    );
    assert.ok(parts.every((p) => mixBodySchema.safeParse(p).success));
    const sameHash = (a: { inputHash: string }, b: { inputHash: string }) =>
      a.inputHash === b.inputHash;
    const joined = joinParts(parts, sameHash);
    assert.ok(joined.ok);
    assert.deepEqual(
      joined.parts.flatMap((p) => p.outputs),
      whole.outputs
    );
    assert.equal(joined.parts.map((p) => p.proof).join(''), whole.proof);
    const missing = joinParts(parts.slice(0, 2), sameHash);
    assert.equal(missing.ok ? '' : missing.message, '2 of 3 parts published');
    assert.equal(
      joinParts(
        [parts[0], parts[0], parts[2]].flatMap((p) => (p ? [p] : [])),
        sameHash
      ).ok,
      false
    );
  });
  test('published rankings name each candidate of 1 … n at most once', () => {
    const body = { contest: 0, candidates: 3, rankings: [[1, 3], [], [2, 1, 3]] };
    assert.ok(rankedRankingsBodySchema.safeParse(body).success);
    assert.equal(
      rankedRankingsBodySchema.safeParse({ ...body, rankings: [[1, 1]] }).success,
      false
    );
    assert.equal(rankedRankingsBodySchema.safeParse({ ...body, rankings: [[4]] }).success, false);
  });
});

describe('mix input hash (spec §11.5)', () => {
  test('changes with the contest, the mixer and any row', async () => {
    const group = await loadGroup('sodium');
    const key = group.multiplyBase(randomScalar());
    const rows = [
      [0n, 1n],
      [2n, 3n],
    ].map((r) => r.map((m) => encryptWithRandomness(group, key, m, randomScalar())));
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    const base = hex(mixInputHash(group, 0, 1, rows));
    assert.equal(hex(mixInputHash(group, 0, 1, rows)), base);
    assert.notEqual(hex(mixInputHash(group, 1, 1, rows)), base);
    assert.notEqual(hex(mixInputHash(group, 0, 2, rows)), base);
    assert.notEqual(hex(mixInputHash(group, 0, 1, [rows[1] ?? [], rows[0] ?? []])), base);
  });
});

describe('mix input hash at party scale', () => {
  test('160,000 rows of six ciphertexts hash (once more than a call could take as arguments)', async () => {
    const group = await loadGroup('sodium');
    const key = group.multiplyBase(randomScalar());
    const row = [0n, 1n, 2n, 3n, 4n, 5n].map((m) =>
      encryptWithRandomness(group, key, m, randomScalar())
    );
    const rows = Array.from({ length: 160_000 }, () => row);
    assert.equal(mixInputHash(group, 0, 1, rows).length, 32);
  });
});

describe('the count reads the mix-net rankings through one conversion (spec §11.6, §12.2)', () => {
  test('1-based candidates become 0-based, order and truncation kept', () => {
    assert.deepEqual(countRankingsOf({ rankings: [[3, 1], [], [2]] }), [[2, 0], [], [1]]);
  });
});
