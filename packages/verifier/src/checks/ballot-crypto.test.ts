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
import {
  type BallotBatchItem,
  type BallotVerdict,
  verifyBallotAlone,
  verifyBallotBatch,
  verifyBallotsAlone,
} from './ballot-crypto.ts';

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

/** The ballot with its first ciphertext replaced by bytes that are no point: it does not decode. */
function withMalformedCiphertext(ballot: Ballot): Ballot {
  const [first, ...rest] = ballot.contests;
  assert.ok(first);
  const [selection, ...others] = first.selections;
  assert.ok(selection);
  return {
    ...ballot,
    contests: [
      { ...first, selections: [{ ...selection, ciphertext: 'ff'.repeat(64) }, ...others] },
      ...rest,
    ],
  };
}

const backends = new Set<Backend>(['sodium', (await loadFastestGroup()).backend]);

for (const backend of backends) {
  describe(`batch ballot verification on ${backend}`, async () => {
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

    /** A verdict as plain data: the fault, or the encoded ciphertexts of a valid ballot. */
    const plain = (verdict: BallotVerdict): unknown =>
      verdict.ok
        ? verdict.ciphertexts.map((options) =>
            options.map((c) => [c.alpha, c.beta].map((p) => bytesToHex(group.encodePoint(p))))
          )
        : verdict.fault;
    const mixed = (bad: ReadonlyMap<number, (ballot: Ballot) => Ballot>): Ballot[] =>
      Array.from({ length: 13 }, (_, position) => {
        const ballot = ballots[position % ballots.length] as Ballot;
        return bad.get(position)?.(ballot) ?? ballot;
      });
    const sameAsOneByOne = (batch: readonly Ballot[]): BallotVerdict[] => {
      const verdicts = verifyBallotsAlone(context, batch);
      assert.deepEqual(
        verdicts.map(plain),
        batch.map((ballot) => plain(verifyBallotAlone(context, ballot)))
      );
      return verdicts;
    };

    it('gives every ballot of a valid batch its one-by-one verdict', () => {
      const verdicts = sameAsOneByOne(mixed(new Map()));
      assert.equal(verdicts.length, 13);
      assert.ok(verdicts.every((v) => v.ok));
    });

    it('fails exactly the ballot whose proof is wrong, with the one-by-one fault', () => {
      for (const position of [0, 6, 12]) {
        const verdicts = sameAsOneByOne(mixed(new Map([[position, withWrongResponse]])));
        assert.deepEqual(
          verdicts.flatMap((v, p) => (v.ok ? [] : [[p, v.fault]])),
          [[position, { check: 'V5.4', message: 'verification equation fails' }]]
        );
      }
    });

    it('fails a malformed ballot before any equation and still judges the others', () => {
      const verdicts = sameAsOneByOne(
        mixed(
          new Map([
            [3, withMalformedCiphertext],
            [4, withWrongResponse],
          ])
        )
      );
      assert.deepEqual(
        verdicts.map((v) => (v.ok ? 'ok' : v.fault.check)),
        ['ok', 'ok', 'ok', 'V5.5', 'V5.4', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']
      );
      const malformed = verdicts[3];
      assert.ok(malformed !== undefined && !malformed.ok);
      assert.match(malformed.fault.message, /^contest 0 option 0 ciphertext: /);
    });

    it('answers an empty batch with no verdicts', () => {
      assert.deepEqual(verifyBallotsAlone(context, []), []);
    });
  });
}
