import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { bytesToHex, hexToBytes, sha256, utf8 } from '@scrutineer/crypto';
import {
  allEvents,
  api,
  bodyAs,
  castHonestBallot,
  errorCode,
  eventAt,
  sessionFor,
  textOf,
  nth,
  suiteServer,
  forEachEngine,
  type TestElection,
  createTestElection,
  operatorDraft,
} from '@scrutineer/testkit';
import {
  checkpointMessage,
  hashLeaf,
  merkleRoot,
  parseCheckpoint,
  parseJsonLines,
  verifyConsistency,
  verifyInclusion,
  verifyStatement,
} from '@scrutineer/record';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { hashBearerKey } from '../auth/secret-compare.ts';
import { createElection } from '../elections/create-election.ts';
import {
  checkpointListSchema,
  consistencyProofSchema,
  inclusionProofSchema,
  summarySchema,
} from '@scrutineer/api-contract';
import { publishNominations } from '../officials/nominations-file.ts';
import { signDueCheckpoints } from '../server.ts';
import { writeRecordBundle } from './board-reader.ts';
import { signCheckpoint } from './checkpoints.ts';

/** A canonical nominations document (spec §9.2.6) naming the simulated candidates c1 and c2. */
const NOMINATIONS =
  '{"candidates":[{"id":"c1","name":"A","nominations":120},{"id":"c2","name":"B","nominations":101}],"contest":"leader","threshold":100}\n';

forEachEngine('the board', (engine) => {
  const server = suiteServer(engine, { checkpoints: { intervalMs: 0, everyEvents: 3 } });
  let election: TestElection;
  before(async () => {
    election = await createTestElection(server().service, { voters: 4 });
  });

  it('chains every event to the one before, from the manifest at position 0', async () => {
    const events = await allEvents(server(), election.electionId);
    assert.deepEqual(nth(events, 0).body, election.manifest);
    const types = events.map((e) => e.type);
    assert.deepEqual(types, [
      'election-setup',
      'trustee-commitments',
      'trustee-commitments',
      'trustee-shares',
      'trustee-shares',
      'election-key',
      'credentials',
      'election-open',
    ]);
    events.forEach((event, i) => assert.equal(event.position, i));
    const summary = bodyAs(
      summarySchema,
      await api(server(), 'GET', `/api/elections/${election.electionId}`)
    );
    assert.equal(summary.stage, 'open');
    assert.equal(summary.size, 8);
    assert.match(summary.fingerprint ?? '', /^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
  });

  it('serves inclusion and consistency proofs that verify against signed checkpoints', async () => {
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const cast = await castHonestBallot(server(), election, token, voter);
    assert.equal(cast.status, 201, JSON.stringify(cast.body));
    const older = nth(
      bodyAs(
        checkpointListSchema,
        await api(server(), 'GET', `/api/elections/${election.electionId}/checkpoints`)
      ).checkpoints,
      0
    );
    const latest = await signCheckpoint(server().service, election.electionId);
    assert.ok(latest !== null && latest.size === 9);
    const boardKey = server().service.group.decodePoint(
      hexToBytes(election.manifest.board.publicKey)
    );
    const { signature, ...unsigned } = latest;
    assert.ok(
      verifyStatement(
        server().service.group,
        election.manifestHash,
        boardKey,
        checkpointMessage(election.electionId, unsigned),
        signature
      )
    );

    for (let position = 0; position < latest.size; position++) {
      const proof = bodyAs(
        inclusionProofSchema,
        await api(
          server(),
          'GET',
          `/api/elections/${election.electionId}/proofs/inclusion?position=${position}`
        )
      );
      assert.equal(proof.size, latest.size);
      assert.equal(proof.root, latest.root);
      const { line } = await eventAt(server(), election.electionId, position);
      const leaf = hashLeaf(utf8(line));
      assert.equal(bytesToHex(leaf), proof.leafHash);
      assert.ok(
        verifyInclusion(
          leaf,
          position,
          latest.size,
          proof.proof.map(hexToBytes),
          hexToBytes(latest.root)
        ),
        `position ${position}`
      );
      assert.ok(
        !verifyInclusion(
          leaf,
          position,
          latest.size,
          proof.proof.map(hexToBytes),
          hexToBytes(older.root)
        )
      );
    }
    const consistency = bodyAs(
      consistencyProofSchema,
      await api(
        server(),
        'GET',
        `/api/elections/${election.electionId}/proofs/consistency?from=${older.size}&to=${latest.size}`
      )
    );
    assert.equal(consistency.fromRoot, older.root);
    assert.ok(
      verifyConsistency(
        older.size,
        latest.size,
        hexToBytes(older.root),
        hexToBytes(latest.root),
        consistency.proof.map(hexToBytes)
      )
    );
    const bad = await api(
      server(),
      'GET',
      `/api/elections/${election.electionId}/proofs/consistency?from=3&to=99`
    );
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'board/invalid-size');
  });

  it('signs due checkpoints on the timer only where the log grew', async () => {
    const voter = nth(election.voters, 1);
    const token = await sessionFor(server(), election, voter);
    assert.equal((await castHonestBallot(server(), election, token, voter)).status, 201);
    assert.equal(await signDueCheckpoints(server().service), 1);
    assert.equal(await signDueCheckpoints(server().service), 0);
  });

  it('writes a record bundle that the verifier accepts, with roots that match the lines', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'scrutineer-bundle-'));
    await writeRecordBundle(server().database, election.electionId, directory);
    const board = await readFile(join(directory, 'board.jsonl'), 'utf8');
    assert.ok(parseJsonLines(board).ok);
    const checkpoints = parseJsonLines(
      await readFile(join(directory, 'checkpoints.jsonl'), 'utf8')
    );
    assert.ok(checkpoints.ok && checkpoints.value.length >= 2);
    const leaves = board
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => hashLeaf(utf8(l)));
    for (const value of checkpoints.value) {
      const checkpoint = parseCheckpoint(value);
      assert.ok(checkpoint.ok);
      assert.equal(
        bytesToHex(merkleRoot(leaves.slice(0, checkpoint.value.size))),
        checkpoint.value.root
      );
    }
    const report = await verifyRecord(recordDirectory(directory));
    const failed = report.checks.filter((c) => c.status === 'failed');
    assert.deepEqual(
      failed.map((c) => `${c.id}: ${c.failures.map((f) => f.message).join('; ')}`),
      []
    );
    assert.equal(report.ok, true);
    assert.equal(
      textOf(
        await api(server(), 'GET', `/api/elections/${election.electionId}/record/board.jsonl`)
      ),
      board
    );
    // This election's manifest names no nominations: the bundle has no nominations.json (§9.1).
    assert.equal(existsSync(join(directory, 'nominations.json')), false);
  });

  it('writes nominations.json into the bundle once published, as the board serves it', async () => {
    const electionId = 'nominated-bundle';
    const draft = operatorDraft(server().service.group, electionId);
    const hash = bytesToHex(sha256(utf8(NOMINATIONS.trimEnd())));
    await createElection(server().service, {
      draft: { ...draft, nominations: { threshold: 100, hash, qualified: ['c1', 'c2'] } },
      adminKeyHash: hashBearerKey('officer-key'),
    });
    const v13 = async (directory: string) =>
      (await verifyRecord(recordDirectory(directory))).checks.find((c) => c.id === 'V1.3');

    // Before the officer publishes it the bundle has none, and V1.3 says so.
    const unpublished = await mkdtemp(join(tmpdir(), 'scrutineer-bundle-'));
    await writeRecordBundle(server().database, electionId, unpublished);
    assert.equal(existsSync(join(unpublished, 'nominations.json')), false);
    assert.equal((await v13(unpublished))?.status, 'failed');

    await publishNominations(server().service, electionId, NOMINATIONS);
    const published = await mkdtemp(join(tmpdir(), 'scrutineer-bundle-'));
    await writeRecordBundle(server().database, electionId, published);
    const written = await readFile(join(published, 'nominations.json'), 'utf8');
    assert.equal(written, NOMINATIONS);
    const served = await fetch(
      `${server().url}/api/elections/${electionId}/record/nominations.json`
    );
    assert.equal(await served.text(), written);
    assert.equal((await v13(published))?.status, 'passed');
  });
});
