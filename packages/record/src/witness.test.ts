import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, nobleGroup as group, randomScalar } from '@scrutineer/crypto';
import { canonicalize } from './canonical-json.ts';
import { type Manifest, parseManifest } from './manifest.ts';
import { manifestHash } from './setup-hashes.ts';
import { checkpointMessage, signStatement } from './signed-statements.ts';
import {
  checkForkEvidence,
  cosignCheckpoint,
  cosignatureFault,
  hasQuorum,
  witnessMessage,
} from './witness.ts';

const publicKey = (secret: bigint): string =>
  bytesToHex(group.encodePoint(group.multiplyBase(secret)));
const boardKey = randomScalar();
const witnessKeys = [randomScalar(), randomScalar(), randomScalar()];

function manifest(extra: Record<string, unknown> = {}): Manifest {
  const result = parseManifest({
    format: 'scrutineer/v1',
    electionId: 'witnessed-2026',
    title: 'Witnessed',
    organisation: 'Example',
    contests: [
      {
        id: 'leader',
        title: 'Leader',
        minSelections: 1,
        maxSelections: 1,
        candidates: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B' },
        ],
      },
    ],
    window: { opens: '2026-11-01T09:00:00Z', closes: '2026-11-08T17:00:00Z' },
    channels: { online: true, postal: false },
    policy: 'first-ballot-final',
    trustees: {
      threshold: 1,
      members: [{ index: 1, name: 'T', publicKey: '01'.repeat(32), keyProof: '00'.repeat(64) }],
    },
    board: { publicKey: publicKey(boardKey) },
    roll: { count: 1, root: 'bb'.repeat(32) },
    securityQuestions: [],
    witnesses: {
      quorum: 2,
      members: witnessKeys.map((k, i) => ({ name: `W${i}`, publicKey: publicKey(k) })),
    },
    ...extra,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const m = manifest();
const checkpoint = { size: 5, root: '11'.repeat(32) };

test('the witness statement is domain-separated and binds election, size and root', () => {
  const message = bytesToHex(witnessMessage(m.electionId, checkpoint));
  assert.notEqual(message, bytesToHex(witnessMessage('other-2026', checkpoint)));
  assert.notEqual(message, bytesToHex(witnessMessage(m.electionId, { ...checkpoint, size: 6 })));
  assert.notEqual(
    message,
    bytesToHex(checkpointMessage(m.electionId, { ...checkpoint, time: '2026-11-01T09:00:00Z' }))
  );
});

test('a co-signature verifies only for a named witness, its checkpoint and its election', () => {
  const cosignature = cosignCheckpoint(group, m, witnessKeys[0] as bigint, checkpoint);
  assert.equal(cosignatureFault(group, m, cosignature), null);
  assert.match(cosignatureFault(group, m, { ...cosignature, size: 6 }) ?? '', /bad witness/);
  const stranger = cosignCheckpoint(group, m, randomScalar(), checkpoint);
  assert.match(cosignatureFault(group, m, stranger) ?? '', /not in the manifest/);
  const otherElection = manifest({ electionId: 'another-2026' });
  assert.match(cosignatureFault(group, otherElection, cosignature) ?? '', /bad witness/);
});

test('the quorum counts distinct named witnesses with valid co-signatures of that checkpoint', () => {
  const by = (i: number, c = checkpoint) => cosignCheckpoint(group, m, witnessKeys[i] as bigint, c);
  assert.equal(hasQuorum(group, m, checkpoint, [by(0)]), false);
  assert.equal(hasQuorum(group, m, checkpoint, [by(0), by(0)]), false, 'one witness twice');
  assert.equal(
    hasQuorum(group, m, checkpoint, [by(0), by(1, { size: 5, root: '22'.repeat(32) })]),
    false
  );
  assert.equal(hasQuorum(group, m, checkpoint, [by(0), by(2)]), true);
  const { witnesses: _none, ...unwitnessed } = m;
  assert.equal(hasQuorum(group, unwitnessed, checkpoint, [by(0), by(1), by(2)]), false);
});

test('the manifest refuses a quorum above its witnesses and a witness holding the board key', () => {
  const members = [{ name: 'W', publicKey: publicKey(witnessKeys[0] as bigint) }];
  assert.throws(() => manifest({ witnesses: { quorum: 2, members } }), /quorum 2 exceeds 1/);
  assert.throws(
    () =>
      manifest({
        witnesses: { quorum: 1, members: [{ name: 'B', publicKey: publicKey(boardKey) }] },
      }),
    /board key/
  );
});

test('fork evidence: two board-signed checkpoints of one size with two roots', () => {
  const signed = (root: string) => {
    const unsigned = { size: 5, root, time: '2026-11-01T10:00:00Z' };
    const message = checkpointMessage(m.electionId, unsigned);
    return { ...unsigned, signature: signStatement(group, manifestHash(m), boardKey, message) };
  };
  const evidence = {
    kind: 'scrutineer/v1/fork-evidence',
    electionId: m.electionId,
    manifestHash: manifestHash(m),
    boardPublicKey: m.board.publicKey,
    first: signed('11'.repeat(32)),
    second: signed('22'.repeat(32)),
  };
  assert.ok(checkForkEvidence(group, JSON.parse(canonicalize(evidence))).ok);
  const codeOf = (value: unknown) => {
    const result = checkForkEvidence(group, value);
    return result.ok ? 'ok' : result.error.code;
  };
  assert.equal(codeOf({ ...evidence, second: evidence.first }), 'record/evidence-same-root');
  assert.equal(
    codeOf({ ...evidence, second: { ...evidence.second, size: 6 } }),
    'record/evidence-sizes-differ'
  );
  assert.equal(
    codeOf({ ...evidence, second: { ...evidence.second, root: '33'.repeat(32) } }),
    'record/evidence-bad-signature'
  );
  assert.equal(codeOf({ ...evidence, kind: 'x' }), 'record/invalid-evidence');
});
