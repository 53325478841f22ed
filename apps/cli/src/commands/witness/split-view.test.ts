/**
 * Split view (spec §10.6): a board holding the real board key serves log A to one audience and
 * log B — which has a ballot A lacks — to another, each signed. The witnesses co-sign A; the
 * voter who was shown B gets no quorum, so the booth's check never says "confirmed"; and when the
 * board shows B to a witness, the witness catches the fork and its evidence checks out with
 * `scrutineer witness check-evidence`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bytesToHex, loadGroup, randomScalar } from '@scrutineer/crypto';
import { createCeremonyKey } from '@scrutineer/protocol';
import { simulatedManifest } from '@scrutineer/testkit';
import {
  type ConfirmationReads,
  type Manifest,
  canonicalize,
  checkConfirmation,
  parseManifest,
} from '@scrutineer/record';
import {
  type SplitViewBoard,
  ballotLine,
  receiptFor,
  startSplitViewBoard,
} from '../../../test-fixtures/split-view-board.ts';
import { ServerClient } from '../../client/server-client.ts';
import { main } from '../../main.ts';
import { type WitnessState, witnessRound } from './witness-step.ts';

const group = await loadGroup('sodium');
const publicKey = (secret: bigint) => bytesToHex(group.encodePoint(group.multiplyBase(secret)));
const boardKey = randomScalar();
const witnessKeys = [randomScalar(), randomScalar(), randomScalar()];
const electionId = 'split-view-2026';
const parsed = parseManifest({
  ...simulatedManifest(group, {
    electionId,
    contests: [
      { id: 'leader', title: 'Leader', minSelections: 1, maxSelections: 1, candidates: ['A', 'B'] },
    ],
    trusteeKeys: [createCeremonyKey(group, electionId, 1)],
    threshold: 1,
    boardPublicKey: group.multiplyBase(boardKey),
    voters: 3,
    policy: 'first-ballot-final',
    start: '2026-11-01T09:00:00Z',
  }),
  witnesses: {
    quorum: 2,
    members: witnessKeys.map((k, i) => ({ name: `Witness ${i + 1}`, publicKey: publicKey(k) })),
  },
});
if (!parsed.ok) throw new Error(parsed.error.message);
const manifest: Manifest = parsed.value;

// A and B agree on their first two entries; A's third is a ballot for everyone, B's third and
// fourth are what only B's audience is shown (the fourth a ballot that is in no other log).
const common = [
  canonicalize({ position: 0, type: 'election-setup' }),
  ballotLine(1, '01'.repeat(32)),
];
const logA = [...common, ballotLine(2, 'aa'.repeat(32))];
const logB = [...common, ballotLine(2, 'bb'.repeat(32)), ballotLine(3, 'cc'.repeat(32))];
let board: SplitViewBoard;
const dir = mkdtempSync(join(tmpdir(), 'witness-split-'));

before(async () => {
  board = await startSplitViewBoard(group, manifest, boardKey, {
    a: { lines: logA, checkpointSizes: [3] },
    b: { lines: logB, checkpointSizes: [3, 4] },
  });
});
after(() => board.close());

function reads(view: 'a' | 'b'): ConfirmationReads {
  const client = new ServerClient(board.url(view));
  const params = { electionId: manifest.electionId };
  return {
    inclusion: (position) => client.call('inclusionProof', { params, query: { position } }),
    checkpoint: async (size) =>
      (await client.call('checkpoints', { params, query: { from: size, limit: 1 } }))
        .checkpoints[0],
    line: async (position) =>
      (await client.call('event', { params: { ...params, position } })).line,
    cosignatures: async (size) =>
      (await client.call('cosignatures', { params, query: { from: size, to: size } })).cosignatures,
  };
}

async function round(view: 'a' | 'b', witness: number, state: WitnessState) {
  return witnessRound({
    client: new ServerClient(board.url(view)),
    group,
    manifest,
    secretKey: witnessKeys[witness] as bigint,
    state,
    save: () => undefined,
  });
}

const fresh = (): WitnessState => ({
  electionId: manifest.electionId,
  manifestHash: '',
  last: null,
});

test('split view: the witnesses co-sign log A; a voter shown log B is never "confirmed"; the fork is caught', async () => {
  // Two witnesses follow the board and are shown A: both co-sign its checkpoint.
  const first = await round('a', 0, fresh());
  const second = await round('a', 1, fresh());
  assert.equal(first.kind, 'cosigned');
  assert.equal(second.kind, 'cosigned');
  if (first.kind !== 'cosigned') return;

  // A voter shown A: their ballot is in a checkpoint with the quorum.
  const receiptA = receiptFor(manifest, logA, 2);
  assert.equal(await checkConfirmation(group, manifest, receiptA, reads('a')), 'confirmed');

  // A voter shown B: the board signed B's checkpoint and proves inclusion in it, but no witness
  // co-signed it, so the booth's check says "not witnessed", never "confirmed".
  const receiptB = receiptFor(manifest, logB, 3);
  assert.equal(await checkConfirmation(group, manifest, receiptB, reads('b')), 'not-witnessed');

  // The board now shows B to the first witness: no consistency proof from A's checkpoint exists,
  // and the board's own checkpoint of A's size in B has another root: a fork, with evidence.
  const caught = await round('b', 0, first.state);
  assert.equal(caught.kind, 'fork');
  if (caught.kind !== 'fork') return;
  assert.equal(caught.evidence.first.size, 3);
  assert.notEqual(caught.evidence.first.root, caught.evidence.second.root);
  // Nothing of B was co-signed: the only co-signatures are the two of A.
  assert.equal(board.cosignatures.length, 2);
  assert.ok(board.cosignatures.every((c) => c.size === 3 && c.root === first.cosignature.root));

  // Anyone checks the evidence with the CLI; an edited copy is refused.
  const file = join(dir, 'fork.json');
  writeFileSync(file, `${canonicalize(caught.evidence)}\n`);
  const output = await captureStdout(() =>
    main(['node', 'scrutineer', 'witness', 'check-evidence', file])
  );
  assert.equal(output.code, 0);
  assert.match(output.text, /VALID fork evidence/);
  const edited = JSON.parse(readFileSync(file, 'utf8')) as { second: { root: string } };
  edited.second.root = 'dd'.repeat(32);
  writeFileSync(file, JSON.stringify(edited));
  const refused = await captureStdout(() =>
    main(['node', 'scrutineer', 'witness', 'check-evidence', file])
  );
  assert.equal(refused.code, 1);
  assert.match(refused.text, /record\/evidence-bad-signature/);
});

test('a witness shown B first, then A, catches the fork the other way round', async () => {
  const onB = await round('b', 2, fresh());
  assert.equal(onB.kind, 'cosigned');
  if (onB.kind !== 'cosigned') return;
  const onA = await round('a', 2, onB.state);
  // A's latest checkpoint (3) is older than B's (4) the witness co-signed: refused, never co-signed.
  assert.equal(onA.kind, 'refused');
});

async function captureStdout(run: () => Promise<number>): Promise<{ code: number; text: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let text = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  try {
    const code = await run();
    process.exitCode = 0;
    return { code, text };
  } finally {
    process.stdout.write = write;
  }
}
