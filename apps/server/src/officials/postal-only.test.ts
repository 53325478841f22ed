/**
 * @module Elections with no counted online ballot (spec §8.7, §9.7.1): the encrypted tally is all
 * (O, O), every honest decryption share is O, and the record must still verify — an all-postal
 * election, or a tally in which every online ballot was set aside. Also the postal batch bound of
 * V6.3 for one candidate. Run through the real HTTP API of a server on loopback.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  allEvents,
  api,
  countAndPublish,
  errorCode,
  failedChecksOf,
  verifyPublishedRecord,
  suiteServer,
  forEachEngine,
  type TestElection,
  createTestElection,
} from '@scrutineer/testkit';

type Server = ReturnType<ReturnType<typeof suiteServer>>;

async function verifyPublished(server: Server, election: TestElection): Promise<void> {
  const report = await verifyPublishedRecord(server.database, election.electionId);
  assert.deepEqual(failedChecksOf(report), []);
  assert.equal(report.stage, 'final');
  assert.equal(report.ok, true);
}

forEachEngine('elections with no counted online ballot', (engine) => {
  const server = suiteServer(engine);

  it('D2: an all-postal election runs to its result and the verifier accepts the record', async () => {
    const election = await createTestElection(server().service, {
      voters: 3,
      trustees: 3,
      threshold: 2,
    });
    const base = `/api/elections/${election.electionId}`;
    for (const voter of election.voters) {
      const received = await api(server(), 'POST', `${base}/postal/received`, {
        token: election.adminKey,
        body: {
          credential: voter.credential,
          returnSecret: voter.postalReturn.secret,
          batch: 'b1',
        },
      });
      assert.equal(received.status, 201, JSON.stringify(received.body));
    }
    const { ballots, result } = await countAndPublish(server(), election, [
      { batch: 'b1', papers: 3, spoilt: 1, contests: [{ counts: [1, 1] }] },
    ]);
    assert.equal(ballots, 0, 'no online ballot counts');
    assert.deepEqual(result.contests[0]?.options, [
      { online: 0, postal: 1, total: 1 },
      { online: 0, postal: 1, total: 1 },
    ]);
    await verifyPublished(server(), election);
  });

  it('D2: a tally with no online ballot at all (nobody voted) verifies', async () => {
    const election = await createTestElection(server().service, { voters: 2, threshold: 2 });
    const { ballots, result } = await countAndPublish(server(), election, []);
    assert.equal(ballots, 0);
    assert.ok(result.contests.every((c) => c.options.every((o) => o.total === 0)));
    await verifyPublished(server(), election);
  });

  it('V6.3: a postal batch giving one candidate more votes than valid papers is refused', async () => {
    const election = await createTestElection(server().service, {
      voters: 1,
      contests: [
        {
          id: 'executive',
          title: 'Executive (up to two)',
          minSelections: 0,
          maxSelections: 2,
          candidates: ['Ruth Ellis', 'Dev Shah', 'Mina Ito'],
        },
      ],
    });
    const base = `/api/elections/${election.electionId}`;
    const officer = { token: election.adminKey };
    const voter = election.voters[0];
    assert.ok(voter !== undefined);
    await api(server(), 'POST', `${base}/postal/received`, {
      ...officer,
      body: {
        credential: voter.credential,
        returnSecret: voter.postalReturn.secret,
        batch: 'b1',
      },
    });
    assert.equal((await api(server(), 'POST', `${base}/close`, officer)).status, 201);
    // Σ counts = 2 ≤ max·valid = 2, but one paper cannot mark Ruth Ellis twice.
    const refused = await api(server(), 'POST', `${base}/postal/batches`, {
      ...officer,
      body: { batch: 'b1', papers: 1, spoilt: 0, contests: [{ counts: [2, 0, 0] }] },
    });
    assert.equal(errorCode(refused), 'postal/invalid-batch');
    const events = await allEvents(server(), election.electionId);
    assert.ok(!events.some((e) => e.type === 'postal-batch'), 'nothing was appended');
  });
});
