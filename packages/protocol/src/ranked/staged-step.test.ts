/**
 * Cutting a ranked step for the board's request limit (spec §11.8 "Staging"): every part fits,
 * the parts join back to the whole step whatever the cut, the same limit gives the same parts
 * (what a resumed run relies on), and a limit too small for one row is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MixBody, joinParts } from '@scrutineer/record';
import { mixStagedParts, stagedPartDigest } from './staged-step.ts';

const hex = (bytes: number, seed: number) => seed.toString(16).padStart(2, '0').repeat(bytes);
const whole: MixBody = {
  contest: 0,
  mixer: 1,
  part: 0,
  parts: 1,
  inputHash: hex(32, 1),
  outputs: Array.from({ length: 50 }, (_, r) =>
    Array.from({ length: 6 }, (_, c) => hex(64, (r * 6 + c) % 256))
  ),
  proof: hex(50 * 128, 7),
  signature: hex(64, 9),
};

test('a mix is cut so that every part fits the limit, and joins back to itself', () => {
  for (const limit of [8_000, 30_000, 1_000_000]) {
    const parts = mixStagedParts([whole], limit);
    for (const part of parts) assert.ok(JSON.stringify(part).length + 256 <= limit);
    const joined = joinParts(
      parts.map((p) => p.body as MixBody),
      (a, b) => a.inputHash === b.inputHash
    );
    assert.ok(joined.ok);
    assert.deepEqual(
      joined.parts.flatMap((p) => p.outputs),
      whole.outputs
    );
    assert.equal(joined.parts.map((p) => p.proof).join(''), whole.proof);
    assert.deepEqual(
      mixStagedParts(
        mixStagedParts([whole], 1_000_000).map((p) => p.body as MixBody),
        limit
      ).map(stagedPartDigest),
      parts.map(stagedPartDigest)
    );
  }
  assert.equal(mixStagedParts([whole], 1_000_000).length, 1);
  assert.ok(mixStagedParts([whole], 8_000).length > 5);
});

test('a limit smaller than one row and its slice of the proof is refused', () => {
  assert.throws(() => mixStagedParts([whole], 1_000), /the board takes 1000 per request/);
});
