/**
 * Must-show: the board stays one consistent chain with several server instances on one PostgreSQL
 * (sequencing happens in the database): 100 concurrent ballots for one credential split across two
 * instances give exactly one accepted ballot, and a mixed load through both instances, with both
 * signing checkpoints, gives a record the verifier accepts.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { writeRecordBundle } from '../board/board-reader.ts';
import type { Database } from '../database/database.ts';
import type { RunningServer } from '../server.ts';
import {
  castBallotRequest,
  castHonestBallot,
  errorCode,
  receiptOf,
  sessionFor,
  honestBallot,
  cleanUpTestDatabases,
  postgresEngine,
  reopen,
  nth,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';

describe('two server instances on one PostgreSQL', () => {
  const engine = postgresEngine();
  let database: Database;
  let first: RunningServer;
  let second: RunningServer;
  before(async () => {
    database = await engine.freshDatabase();
    first = await startTestServer(database, { checkpoints: { intervalMs: 0, everyEvents: 4 } });
    second = await startTestServer(await reopen(engine, database), {
      checkpoints: { intervalMs: 0, everyEvents: 4 },
    });
  });
  after(async () => {
    await first.close();
    await second.close();
    await cleanUpTestDatabases();
  });

  it('accepts exactly one of 100 concurrent ballots for one credential, split across both', async () => {
    const election = await createTestElection(first.service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(second, election, voter); // a token from one instance works on the other
    const ballots = Array.from(
      { length: 100 },
      (_, i) => honestBallot(election.setup, voter, i % 2).ballot
    );
    const responses = await Promise.all(
      ballots.map((ballot, i) =>
        castBallotRequest(i % 2 === 0 ? first : second, election.electionId, token, ballot)
      )
    );
    assert.equal(responses.filter((r) => r.status === 201).length, 1);
    assert.deepEqual(
      new Set(responses.filter((r) => r.status !== 201).map(errorCode)),
      new Set(['ballot/credential-already-used'])
    );
    const rows = await database.query<{ count: unknown }>(
      "SELECT count(*) AS count FROM events WHERE election_id = $1 AND type = 'ballot-cast'",
      [election.electionId]
    );
    assert.equal(Number(nth(rows, 0).count), 1);
  });

  it('keeps one chain and consistent checkpoints under load through both instances', async () => {
    const election = await createTestElection(first.service, { voters: 30 });
    const tokens = await Promise.all(
      election.voters.map((voter, i) => sessionFor(i % 2 === 0 ? first : second, election, voter))
    );
    const responses = await Promise.all(
      election.voters.map((voter, i) =>
        castHonestBallot(i % 2 === 0 ? second : first, election, nth(tokens, i), voter, i % 2)
      )
    );
    assert.ok(
      responses.every((r) => r.status === 201),
      JSON.stringify(responses.find((r) => r.status !== 201)?.body)
    );
    const positions = responses.map((r) => receiptOf(r).position).sort((a, b) => a - b);
    assert.deepEqual(
      positions,
      Array.from({ length: 30 }, (_, i) => nth(positions, 0) + i),
      'consecutive positions, no gaps or repeats'
    );
    const directory = await mkdtemp(join(tmpdir(), 'scrutineer-two-'));
    await writeRecordBundle(database, election.electionId, directory);
    const report = await verifyRecord(recordDirectory(directory));
    assert.deepEqual(
      report.checks
        .filter((c) => c.status === 'failed')
        .map((c) => `${c.id} ${c.failures[0]?.message}`),
      []
    );
    assert.ok(
      (report.checks.find((c) => c.id === 'V2.7')?.checked ?? 0) >= 5,
      'several checkpoints were checked'
    );
  });
});
