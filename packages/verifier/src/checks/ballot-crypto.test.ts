/**
 * @module Batch verification of ballots (spec §5.6): a valid batch passes whole; a batch with bad
 * ballots is split in halves down to exactly the bad ones, which are named and no others, on every
 * backend the process can load.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  type Backend,
  GROUP_ORDER,
  bytesToHex,
  decodeScalar,
  encodeScalar,
  hexToBytes,
  loadFastestGroup,
  loadGroup,
} from '@scrutineer/crypto';
import { type Ballot, parseManifest } from '@scrutineer/record';
import { type BallotBatchItem, verifyBallotBatch } from './ballot-crypto.ts';

const board = readFileSync(
  new URL('../../fixtures/valid-small/record/board.jsonl', import.meta.url),
  'utf8'
)
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as { type: string; body: Record<string, unknown> });
const bodyOf = (type: string): Record<string, unknown> => {
  const event = board.find((e) => e.type === type);
  assert.ok(event, type);
  return event.body;
};
const manifest = parseManifest(bodyOf('election-setup'));
assert.ok(manifest.ok);
const electionKeyHex = bodyOf('election-key').publicKey as string;
const baseHash = hexToBytes(bodyOf('election-open').baseHash as string);
const ballots = board.filter((e) => e.type === 'ballot-cast').map((e) => e.body.ballot as Ballot);

/** The ballot with its signature response z replaced by z + 1: it decodes, its equation fails. */
function withWrongResponse(ballot: Ballot): Ballot {
  const signature = hexToBytes(ballot.signature);
  const z = decodeScalar(signature.subarray(32));
  signature.set(encodeScalar((z + 1n) % GROUP_ORDER), 32);
  return { ...ballot, signature: bytesToHex(signature) };
}

const backends = new Set<Backend>(['sodium', (await loadFastestGroup()).backend]);

for (const backend of backends) {
  describe(`verifyBallotBatch on ${backend}`, async () => {
    const group = await loadGroup(backend);
    const context = {
      group,
      manifest: manifest.value,
      electionKey: group.decodePoint(hexToBytes(electionKeyHex)),
      baseHash,
    };
    const items = (bad: ReadonlySet<number>): BallotBatchItem[] =>
      Array.from({ length: 37 }, (_, position) => {
        const ballot = ballots[position % ballots.length] as Ballot;
        return {
          kind: 'cast',
          position,
          ballot: bad.has(position) ? withWrongResponse(ballot) : ballot,
          counted: false,
        };
      });

    it('passes a valid batch whole', () => {
      const { outcome } = verifyBallotBatch(context, items(new Set()));
      assert.deepEqual(outcome.failures, []);
      assert.deepEqual(new Map(outcome.checked).get('V5.4'), 37);
    });

    it('names exactly the bad ballots of a failed batch, wherever they are', () => {
      for (const bad of [[0], [36], [5, 6, 7], [0, 18, 19, 36], [...Array(37).keys()]]) {
        const { outcome } = verifyBallotBatch(context, items(new Set(bad)));
        assert.deepEqual(
          outcome.failures.map((f) => [f.id, f.position]),
          bad.map((position) => ['V5.4', position]),
          `bad ${bad.join(',')}`
        );
        // Every ballot's checks were judged once: the good ones passed, the bad ones failed.
        assert.deepEqual(new Map(outcome.checked).get('V5.4'), 37);
        assert.deepEqual(new Map(outcome.checked).get('V5.5'), 37);
      }
    });
  });
}
