/**
 * Must-show (docs/threat-model.md A25): a server process killed with SIGKILL while ballots are in
 * flight loses no acknowledged ballot, and after a restart the chain and checkpoints verify.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { openDatabase } from './database/open-database.ts';
import {
  type ApiResponse,
  api,
  castBallotRequest,
  eventAt,
  receiptOf,
  sessionFor,
  honestBallot,
  type ChildServer,
  spawnServer,
  cleanUpTestDatabases,
  postgresEngine,
  urlOf,
  nth,
  type TestElection,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';

const VOTERS = 40;

async function crashAndRecover(
  location: string,
  setUp: () => Promise<TestElection>
): Promise<void> {
  const election = await setUp();
  let server: ChildServer = await spawnServer(location);
  try {
    await castKillRestart();
  } finally {
    // Never leave a server process behind, whatever failed.
    server.child.kill('SIGKILL');
  }

  async function castKillRestart(): Promise<void> {
    // Members sign in a few at a time: the server refuses an eleventh sign-in in flight from one
    // address (the per-IP limit counts attempts in flight), and every test client is 127.0.0.1.
    const tokens: string[] = [];
    for (let first = 0; first < election.voters.length; first += 8) {
      const group = election.voters.slice(first, first + 8);
      tokens.push(
        ...(await Promise.all(group.map((voter) => sessionFor(server, election, voter))))
      );
    }
    const ballots = election.voters.map(
      (voter, i) => honestBallot(election.setup, voter, i % 2).ballot
    );
    const acknowledged: ApiResponse[] = [];
    let sent = 0;
    // Ballots go out a few at a time; the process dies once 15 are acknowledged, others in flight.
    const killed = new Promise<void>((resolve) => {
      const sendNext = (): void => {
        const i = sent++;
        if (i >= VOTERS) return;
        castBallotRequest(server, election.electionId, nth(tokens, i), nth(ballots, i)).then(
          (response) => {
            if (response.status === 201) acknowledged.push(response);
            if (acknowledged.length === 15) resolve();
            else sendNext();
          },
          () => undefined // a request cut by the kill: never acknowledged
        );
      };
      for (let k = 0; k < 4; k++) sendNext();
    });
    await killed;
    await server.kill();
    assert.ok(acknowledged.length >= 15);

    server = await spawnServer(location);
    try {
      for (const receipt of acknowledged.map(receiptOf)) {
        const event = await eventAt(server, election.electionId, receipt.position);
        assert.equal(
          event.hash,
          receipt.eventHash,
          `acknowledged ballot at ${receipt.position} survived`
        );
        assert.equal(
          (
            await api(
              server,
              'GET',
              `/api/elections/${election.electionId}/trackers/${receipt.tracker}`
            )
          ).status,
          200
        );
      }
      // Voting goes on; a ballot whose fate the client never learnt is cast again and is answered
      // with its receipt if it had been stored, or stored now.
      for (let i = 0; i < VOTERS; i++) {
        const response = await castBallotRequest(
          server,
          election.electionId,
          nth(tokens, i),
          nth(ballots, i)
        );
        assert.ok(
          response.status === 201 || response.status === 200,
          JSON.stringify(response.body)
        );
      }
      assert.equal(
        (
          await api(server, 'POST', `/api/elections/${election.electionId}/close`, {
            token: election.adminKey,
          })
        ).status,
        201
      );
      const directory = await mkdtemp(join(tmpdir(), 'scrutineer-crash-'));
      for (const file of ['format.json', 'board.jsonl', 'checkpoints.jsonl']) {
        const { body } = await api(
          server,
          'GET',
          `/api/elections/${election.electionId}/record/${file}`
        );
        await writeFile(
          join(directory, file),
          typeof body === 'string' ? body : `${JSON.stringify(body)}\n`
        );
      }
      const report = await verifyRecord(recordDirectory(directory));
      assert.deepEqual(
        report.checks
          .filter((c) => c.status === 'failed')
          .map((c) => `${c.id} ${c.failures[0]?.message}`),
        []
      );
      assert.equal(report.ok, true);
      assert.equal(report.stage, 'closed');
      assert.equal(report.checks.find((c) => c.id === 'V2.7')?.checked !== 0, true);
    } finally {
      assert.equal(await server.terminate(), 0, 'SIGTERM shuts down cleanly');
    }
  }
}

describe('crash recovery: SIGKILL loses no acknowledged ballot', () => {
  after(cleanUpTestDatabases);
  it('[pglite] embedded store in a data directory', async () => {
    const location = await mkdtemp(join(tmpdir(), 'scrutineer-data-'));
    await crashAndRecover(location, async () => {
      const database = await openDatabase(location);
      const server = await startTestServer(database);
      try {
        return await createTestElection(server.service, { voters: VOTERS });
      } finally {
        await server.close();
        await database.close();
      }
    });
  });

  it('[postgres] one schema of the test database', async () => {
    const engine = postgresEngine();
    const database = await engine.freshDatabase();
    const location = urlOf(engine, database);
    try {
      await crashAndRecover(location, async () => {
        const server = await startTestServer(database);
        try {
          return await createTestElection(server.service, { voters: VOTERS });
        } finally {
          await server.close();
        }
      });
    } finally {
      await database.close().catch(() => undefined);
    }
  });
});
