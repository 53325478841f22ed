/**
 * A mix server's signature on its whole step (spec §11.8 (11.12), V10.6): the streamed message is
 * the §3.1 framing of the spec's parts; the manifest's mix server m's key over exactly this step
 * verifies, and any other key, step, election or a part signed differently is named a problem.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  RecordTag,
  bytesToHex,
  encodeU64,
  frameParts,
  hexToBytes,
  loadGroup,
  randomScalar,
  sha256,
  utf8,
} from '@scrutineer/crypto';
import {
  mixStatementMessage,
  mixSignatureProblem,
  mixStatementOf,
  signMix,
} from './mix-signature.ts';
import { mixParts } from './ranked-events.ts';

const group = await loadGroup('sodium');
const keys = [randomScalar(), randomScalar()];
const manifest = {
  mixers: {
    members: keys.map((k, m) => ({
      name: `Mix ${m + 1}`,
      publicKey: bytesToHex(group.encodePoint(group.multiplyBase(k))),
    })),
  },
};
const manifestHash = '33'.repeat(32);
const ciphertext = (i: number) => `${i}`.padStart(128, '0');
const step = {
  contest: 1,
  mixer: 2,
  inputHash: '11'.repeat(32),
  outputs: Array.from({ length: 5 }, (_, i) => [ciphertext(2 * i), ciphertext(2 * i + 1)]),
  proof: 'ab'.repeat(40),
};
const signedParts = (whole: typeof step, secretKey: bigint, hash = manifestHash) =>
  mixParts({ ...whole, signature: signMix(group, hash, secretKey, whole) }, 2);

describe('mix signatures (spec §11.8, V10.6)', () => {
  test('the streamed message is SHA-256 of the framed parts of (11.12)', () => {
    const expected = sha256(
      frameParts([
        utf8(RecordTag.mixStatement),
        encodeU64(1),
        encodeU64(2),
        hexToBytes(step.inputHash),
        hexToBytes(step.outputs.flat().join('')),
        hexToBytes(step.proof),
      ])
    );
    assert.equal(bytesToHex(mixStatementMessage(step)), bytesToHex(expected));
  });

  test("mix server m's key over the whole step verifies, its parts joined", () => {
    const parts = signedParts(step, keys[1] ?? 0n);
    assert.equal(parts.length, 3);
    assert.deepEqual(mixStatementOf(parts), step);
    assert.equal(mixSignatureProblem(group, manifest, manifestHash, parts), null);
  });

  test('another key, another step, another election or mixed signatures are named', () => {
    const problem = (parts: Parameters<typeof mixSignatureProblem>[3]) =>
      mixSignatureProblem(group, manifest, manifestHash, parts);
    const notSigned = 'mixer 2 (Mix 2): the mix is not signed by its key over this step';
    // The officer's key, and mix server 1's key for mix server 2's step.
    assert.equal(problem(signedParts(step, randomScalar())), notSigned);
    assert.equal(problem(signedParts(step, keys[0] ?? 0n)), notSigned);
    // The signature of this step on another: one row, the proof, the input or the contest.
    const signature = signedParts(step, keys[1] ?? 0n)[0]?.signature ?? '';
    const moved = (whole: typeof step) => mixParts({ ...whole, signature }, 2);
    const rows = step.outputs.map((row, i) => (i === 4 ? [row[1] ?? '', row[0] ?? ''] : row));
    assert.equal(problem(moved({ ...step, outputs: rows })), notSigned);
    assert.equal(problem(moved({ ...step, proof: 'ac'.repeat(40) })), notSigned);
    assert.equal(problem(moved({ ...step, inputHash: '12'.repeat(32) })), notSigned);
    assert.equal(
      mixSignatureProblem(group, manifest, manifestHash, moved({ ...step, contest: 0 })),
      notSigned
    );
    // Signed for another election (another manifest hash).
    assert.equal(problem(signedParts(step, keys[1] ?? 0n, '44'.repeat(32))), notSigned);
    // Parts that disagree, and a mixer the manifest does not name.
    const parts = signedParts(step, keys[1] ?? 0n);
    const other = signedParts(step, keys[1] ?? 0n);
    assert.equal(
      problem([parts[0], other[1], parts[2]].flatMap((p) => (p === undefined ? [] : [p]))),
      'mixer 2 (Mix 2): its parts carry different signatures'
    );
    assert.equal(
      problem(signedParts({ ...step, mixer: 3 }, keys[1] ?? 0n)),
      'mixer 3: the manifest names no such mix server'
    );
  });
});
