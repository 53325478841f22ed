/**
 * Verification uptake (spec §9.10) through the real HTTP API: tracker lookups, "was my pack used?"
 * checks and verifier reports are counted (and nothing else kept), device checks are counted from
 * the board, and the counts are not served before the result.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  api,
  castHonestBallot,
  errorCode,
  sessionFor,
  suiteServer,
  forEachEngine,
  type TestElection,
  createTestElection,
} from '@scrutineer/testkit';
import { readUptake } from './uptake.ts';

forEachEngine('verification uptake', (engine) => {
  const server = suiteServer(engine);
  let election: TestElection;
  before(async () => {
    election = await createTestElection(server().service, { voters: 1 });
  });

  it('counts lookups, pack checks and verifier reports; serves them only with the result', async () => {
    const voter = election.voters[0];
    assert.ok(voter);
    const base = `/api/elections/${election.electionId}`;
    const token = await sessionFor(server(), election, voter);
    const cast = await castHonestBallot(server(), election, token, voter);
    const { tracker } = cast.body as { tracker: string };
    await api(server(), 'GET', `${base}/trackers/${tracker}`);
    await api(server(), 'GET', `${base}/trackers/${'ab'.repeat(32)}`);
    await api(server(), 'GET', `${base}/me`, { token });
    assert.equal(
      (await api(server(), 'GET', `${base}/me?purpose=pack-check`, { token })).status,
      200
    );
    for (const valid of [true, true, false])
      assert.equal(
        (await api(server(), 'POST', `${base}/verifier-reports`, { body: { valid } })).status,
        200
      );
    assert.equal(
      errorCode(await api(server(), 'POST', `${base}/verifier-reports`, { body: { valid: 1 } })),
      'request/invalid-body'
    );
    assert.deepEqual(await readUptake(server().service.database, election.electionId), {
      trackerLookups: 2,
      ballotsChallenged: 0,
      packChecks: 1,
      verifierReports: { valid: 2, invalid: 1 },
    });
    // Not during voting: a count that moves could be tied to a moment, and so to a person.
    assert.equal(errorCode(await api(server(), 'GET', `${base}/uptake`)), 'election/no-result');
  });
});
