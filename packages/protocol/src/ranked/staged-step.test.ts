/**
 * Cutting a ranked step for the board's request limit (spec §11.8 "Staging"): every part fits,
 * the parts join back to the whole step whatever the cut, the same limit gives the same parts
 * (what a resumed run relies on), and a limit too small for one row is refused. An upload sends
 * only the parts the board lacks, a bounded number at a time, stops beginning parts after a
 * failure, and commits the upload by its digest.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MixBody, joinParts } from '@scrutineer/record';
import {
  type StagedPart,
  type StagingTransport,
  mixStagedParts,
  stagedPartDigest,
  stagedUploadDigest,
  uploadStagedStep,
} from './staged-step.ts';

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

/** A board's staging as the transport sees it: parts held, and the calls in flight. */
function fakeBoard(parts: readonly StagedPart[], held: readonly number[], failAt?: number) {
  const digests = parts.map(stagedPartDigest);
  const seen = { staged: [] as number[], inFlight: 0, most: 0, commits: [] as string[] };
  const transport: StagingTransport = {
    status: () =>
      Promise.resolve({
        parts: held.length > 0 ? parts.length : null,
        staged: held.map((part) => ({ part, digest: digests[part] ?? '' })),
        limits: { request: 8_000 },
      }),
    stage: async (part) => {
      // Refused at once, while the parts begun beside it are still in flight.
      if (part.body.part === failAt) throw new Error(`part ${failAt} refused`);
      seen.most = Math.max(seen.most, ++seen.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.inFlight--;
      seen.staged.push(part.body.part);
    },
    discard: () => Promise.reject(new Error('nothing to discard')),
    commit: (_step, digest) => {
      seen.commits.push(digest);
      return Promise.resolve([7, 8]);
    },
  };
  return { transport, seen, upload: stagedUploadDigest(digests) };
}

test('an upload sends the missing parts a few at a time and commits the upload by its digest', async () => {
  const parts = mixStagedParts([whole], 8_000);
  assert.ok(parts.length >= 6, `${parts.length} parts`);
  const { transport, seen, upload } = fakeBoard(parts, [0, 2]);
  const result = await uploadStagedStep(transport, 'mix/0/1', () => parts, { concurrency: 3 });
  assert.deepEqual(
    [...seen.staged].sort((a, b) => a - b),
    parts.map((_, i) => i).filter((i) => i !== 0 && i !== 2)
  );
  assert.equal(seen.most, 3);
  assert.deepEqual(seen.commits, [upload]);
  assert.deepEqual(result, { positions: [7, 8], parts: parts.length, resumed: 2, discarded: 0 });

  // The board has the step already: nothing staged, the commit only sent again.
  const again = fakeBoard(parts, []);
  await uploadStagedStep(again.transport, 'mix/0/1', () => parts, { onBoard: true });
  assert.deepEqual(again.seen.staged, []);
  assert.deepEqual(again.seen.commits, [upload]);
});

test('after a part fails no other part is begun, and nothing is committed', async () => {
  const parts = mixStagedParts([whole], 8_000);
  const { transport, seen } = fakeBoard(parts, [], 1);
  await assert.rejects(
    uploadStagedStep(transport, 'mix/0/1', () => parts, { concurrency: 3 }),
    /part 1 refused/
  );
  // Parts 0, 1 and 2 were begun together; 1 failed, so neither 3 nor any later one began, and
  // the two in flight were awaited.
  assert.deepEqual(
    [...seen.staged].sort((a, b) => a - b),
    [0, 2]
  );
  assert.deepEqual(seen.commits, []);
});
