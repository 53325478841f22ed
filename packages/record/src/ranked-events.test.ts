import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encryptWithRandomness,
  loadGroup,
  randomScalar,
  shuffleProofBytes,
} from '@scrutineer/crypto';
import {
  mixInputHash,
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
  test('a mix body has rows of one width and a proof that fits them', () => {
    const body = {
      contest: 0,
      mixer: 1,
      inputHash: '00'.repeat(32),
      outputs: [
        [ct, ct],
        [ct, ct],
      ],
      proof: proofHex(2, 2),
    };
    assert.ok(mixBodySchema.safeParse(body).success);
    assert.equal(mixBodySchema.safeParse({ ...body, outputs: [[ct, ct], [ct]] }).success, false);
    assert.equal(mixBodySchema.safeParse({ ...body, mixer: 0 }).success, false);
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
