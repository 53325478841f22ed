import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { bytesToHex, hexToBytes, utf8 } from '@scrutineer/crypto';
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
import type { Database } from '../database/database.ts';
import {
  checkpointListSchema,
  consistencyProofSchema,
  inclusionProofSchema,
  summarySchema,
} from '../http/schemas.ts';
import { type RunningServer, signDueCheckpoints } from '../server.ts';
import {
  allEvents,
  api,
  bodyAs,
  castBallotRequest,
  errorCode,
  eventAt,
  sessionFor,
  textOf,
} from '../test-support/api-client.ts';
import { honestBallot } from '../test-support/ballot-forgery.ts';
import { nth } from '../test-support/nth.ts';
import { forEachEngine } from '../test-support/test-databases.ts';
import {
  type TestElection,
  createTestElection,
  startTestServer,
} from '../test-support/test-election.ts';
import { writeRecordBundle } from './board-reader.ts';
import { signCheckpoint } from './checkpoints.ts';

forEachEngine('the board', (engine) => {
  let database: Database;
  let server: RunningServer;
  let election: TestElection;
  before(async () => {
    database = await engine.freshDatabase();
    server = await startTestServer(database, { checkpoints: { intervalMs: 0, everyEvents: 3 } });
    election = await createTestElection(server.service, { voters: 4 });
  });
  after(() => server.close());

  it('chains every event to the one before, from the manifest at position 0', async () => {
    const events = await allEvents(server, election.electionId);
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
      await api(server, 'GET', `/api/elections/${election.electionId}`)
    );
    assert.equal(summary.stage, 'open');
    assert.equal(summary.size, 8);
    assert.match(summary.fingerprint ?? '', /^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
  });

  it('serves inclusion and consistency proofs that verify against signed checkpoints', async () => {
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server, election, voter);
    const cast = await castBallotRequest(
      server,
      election.electionId,
      token,
      honestBallot(election.setup, voter).ballot
    );
    assert.equal(cast.status, 201, JSON.stringify(cast.body));
    const older = nth(
      bodyAs(
        checkpointListSchema,
        await api(server, 'GET', `/api/elections/${election.electionId}/checkpoints`)
      ).checkpoints,
      0
    );
    const latest = await signCheckpoint(server.service, election.electionId);
    assert.ok(latest !== null && latest.size === 9);
    const boardKey = server.service.group.decodePoint(
      hexToBytes(election.manifest.board.publicKey)
    );
    const { signature, ...unsigned } = latest;
    assert.ok(
      verifyStatement(
        server.service.group,
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
          server,
          'GET',
          `/api/elections/${election.electionId}/proofs/inclusion?position=${position}`
        )
      );
      assert.equal(proof.size, latest.size);
      assert.equal(proof.root, latest.root);
      const { line } = await eventAt(server, election.electionId, position);
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
        server,
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
      server,
      'GET',
      `/api/elections/${election.electionId}/proofs/consistency?from=3&to=99`
    );
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'board/invalid-size');
  });

  it('signs due checkpoints on the timer only where the log grew', async () => {
    const voter = nth(election.voters, 1);
    const token = await sessionFor(server, election, voter);
    assert.equal(
      (
        await castBallotRequest(
          server,
          election.electionId,
          token,
          honestBallot(election.setup, voter).ballot
        )
      ).status,
      201
    );
    assert.equal(await signDueCheckpoints(server.service), 1);
    assert.equal(await signDueCheckpoints(server.service), 0);
  });

  it('writes a record bundle that the verifier accepts, with roots that match the lines', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'scrutineer-bundle-'));
    await writeRecordBundle(database, election.electionId, directory);
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
      textOf(await api(server, 'GET', `/api/elections/${election.electionId}/record/board.jsonl`)),
      board
    );
  });
});
