/**
 * The board's co-signature table (spec §10.6.2) through the real HTTP API: a named witness's
 * co-signature of a checkpoint the board signed is published, served, and written into the bundle,
 * where the verifier's V2.9–V2.10 pass; anything the record could not carry is refused with its
 * code and changes nothing.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { bytesToHex, randomScalar } from '@scrutineer/crypto';
import { type Checkpoint, type Manifest, cosignCheckpoint } from '@scrutineer/record';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { hashBearerKey } from '../auth/secret-compare.ts';
import { createElection } from '../elections/create-election.ts';
import { api, errorCode, suiteServer, forEachEngine, operatorDraft } from '@scrutineer/testkit';
import { writeRecordBundle } from './board-reader.ts';
import { signCheckpoint } from './checkpoints.ts';

forEachEngine('witness co-signatures', (engine) => {
  const server = suiteServer(engine);
  const witnessKeys = [randomScalar(), randomScalar(), randomScalar()];
  const electionId = `e-${randomBytes(5).toString('hex')}`;
  let manifest: Manifest;
  let checkpoint: Checkpoint;
  const path = `/api/elections/${electionId}/cosignatures`;

  before(async () => {
    const { group } = server().service;
    const draft = operatorDraft(group, electionId);
    const members = witnessKeys.map((key, i) => ({
      name: `Witness ${i + 1}`,
      publicKey: bytesToHex(group.encodePoint(group.multiplyBase(key))),
    }));
    ({ manifest } = await createElection(server().service, {
      draft: { ...draft, witnesses: { quorum: 2, members } },
      adminKeyHash: hashBearerKey('officer-key'),
    }));
    const signed = await signCheckpoint(server().service, electionId);
    assert.ok(signed !== null);
    checkpoint = signed;
  });

  it('publishes a named witness’s co-signature, serves it and bundles it; V2.9–V2.10 pass', async () => {
    const { group } = server().service;
    for (const key of witnessKeys.slice(0, 2)) {
      const posted = await api(server(), 'POST', path, {
        body: cosignCheckpoint(group, manifest, key, checkpoint),
      });
      assert.equal(posted.status, 200, JSON.stringify(posted.body));
    }
    const listed = await api(server(), 'GET', `${path}?from=1`);
    assert.equal((listed.body as { cosignatures: unknown[] }).cosignatures.length, 2);
    const directory = await mkdtemp(join(tmpdir(), 'witness-bundle-'));
    await writeRecordBundle(server().service.database, electionId, directory);
    const lines = (await readFile(join(directory, 'cosignatures.jsonl'), 'utf8')).split('\n');
    assert.equal(lines.length, 3, 'two lines and the final line feed');
    const report = await verifyRecord(recordDirectory(directory));
    for (const id of ['V2.9', 'V2.10'])
      assert.deepEqual(
        report.checks.find((c) => c.id === id)?.status,
        'passed',
        `${id}: ${JSON.stringify(report.checks.find((c) => c.id === id))}`
      );
  });

  it('refuses a stranger, a bad signature and a checkpoint the board never signed, and changes nothing', async () => {
    const { group } = server().service;
    const before = await api(server(), 'GET', `${path}?from=1`);
    const stranger = cosignCheckpoint(group, manifest, randomScalar(), checkpoint);
    const named = cosignCheckpoint(group, manifest, witnessKeys[2] as bigint, checkpoint);
    const cases: [unknown, string][] = [
      [stranger, 'witness/not-named'],
      [{ ...named, signature: stranger.signature }, 'witness/bad-signature'],
      [
        cosignCheckpoint(group, manifest, witnessKeys[2] as bigint, {
          size: checkpoint.size,
          root: 'ab'.repeat(32),
        }),
        'witness/unknown-checkpoint',
      ],
      [{ ...named, extra: 1 }, 'request/unknown-field'],
    ];
    for (const [body, code] of cases) {
      const response = await api(server(), 'POST', path, { body });
      assert.equal(errorCode(response), code);
    }
    const after = await api(server(), 'GET', `${path}?from=1`);
    assert.deepEqual(after.body, before.body);
  });
});
