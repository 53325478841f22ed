/**
 * The cast path under load. Beyond `maxCastsInFlight` and its wait queue a cast is
 * refused at the door with 503 and Retry-After, nothing of it reaches the board, and sent again
 * it is accepted. With a verify pool, ballots are checked on worker threads with the same
 * verdicts as inline, and a burst of casts is appended by group commit: one event each.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  castBallotRequest,
  castHonestBallot,
  errorCode,
  headHash,
  receiptOf,
  sessionFor,
  honestBallot,
  withBadProof,
  suiteServer,
  cleanUpTestDatabases,
  postgresEngine,
  nth,
  createTestElection,
} from '@scrutineer/testkit';

describe('cast admission control and the verify pool [postgres]', () => {
  const server = suiteServer(postgresEngine(), { maxCastsInFlight: 2, verifyThreads: 1 });
  // PostgreSQL only, so not under forEachEngine, whose after hook would drop the schema.
  after(cleanUpTestDatabases);

  it('sheds casts beyond the bound with 503 + Retry-After, writes nothing of them, accepts them again', async () => {
    const voters = 24;
    const election = await createTestElection(server().service, { voters });
    const tokens = await Promise.all(election.voters.map((v) => sessionFor(server(), election, v)));
    const ballots = election.voters.map((v, i) => honestBallot(election.setup, v, i % 2).ballot);
    const before = await headHash(server(), election.electionId);
    const first = await Promise.all(
      ballots.map((b, i) => castBallotRequest(server(), election.electionId, nth(tokens, i), b))
    );
    const shed = first.flatMap((r, i) => (r.status === 503 ? [i] : []));
    const accepted = first.filter((r) => r.status === 201);
    assert.ok(shed.length > 0, 'a burst of 24 against 2 in flight and 6 waiting sheds some');
    assert.equal(accepted.length + shed.length, voters);
    for (const i of shed) {
      assert.equal(errorCode(nth(first, i)), 'server/unavailable');
      assert.equal(nth(first, i).headers.get('retry-after'), '1');
    }
    // Exactly the accepted ballots are on the board: a shed cast left nothing behind.
    assert.equal(
      (await headHash(server(), election.electionId)).size,
      before.size + accepted.length
    );
    for (const i of shed) {
      const again = await castBallotRequest(
        server(),
        election.electionId,
        nth(tokens, i),
        nth(ballots, i)
      );
      assert.equal(again.status, 201, JSON.stringify(again.body));
    }
    const positions = new Set(
      [...accepted, ...first].filter((r) => r.status === 201).map((r) => receiptOf(r).position)
    );
    assert.equal(positions.size, accepted.length, 'one event per ballot');
    assert.equal((await headHash(server(), election.electionId)).size, before.size + voters);
    const metrics = await fetch(`${server().url}/metrics`).then((r) => r.text());
    assert.match(metrics, new RegExp(`^scrutineer_casts_shed_total ${shed.length}$`, 'm'));
  });

  it('refuses a bad proof on a worker thread with the same code as inline', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const bad = withBadProof(election.setup, voter, honestBallot(election.setup, voter).ballot);
    const before = await headHash(server(), election.electionId);
    const response = await castBallotRequest(server(), election.electionId, token, bad);
    assert.equal(errorCode(response), 'ballot/invalid-proof');
    assert.deepEqual(await headHash(server(), election.electionId), before);
    const good = await castHonestBallot(server(), election, token, voter);
    assert.equal(good.status, 201);
  });
});
