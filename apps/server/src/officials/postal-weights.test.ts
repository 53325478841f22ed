/**
 * @module Postal papers and weights (spec §13.2.1 step 6) through the real HTTP API of a server on
 * loopback: a batch names the one weight of its papers; the board refuses a batch without a
 * weight, with one the manifest does not allow, or holding more papers of a weight than returns of
 * credentials of that weight; the result and the declaration count each paper at its batch's
 * weight; a full hand count carries its batch's weight; and the weighted record verifies.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type EventBody, declareResult } from '@scrutineer/record';
import {
  allEvents,
  countAndPublish,
  createTestElection,
  failedChecksOf,
  forEachEngine,
  officerPoster,
  receivePacks,
  refusalChecks,
  startFullHandCount,
  suiteServer,
  verifyPublishedRecord,
  type TestElection,
} from '@scrutineer/testkit';

const CHAIR = {
  id: 'chair',
  title: 'Chair',
  minSelections: 1,
  maxSelections: 1,
  candidates: ['Kim', 'Pat'],
};

/** A branch of weight 40, three members of weight 1 and another branch of weight 40. */
const WEIGHTS = { manifest: { max: 100 }, voters: [40, 1, 1, 40, 1] };

const batch = (
  name: string,
  weight: number | undefined,
  papers: number,
  counts: number[]
): EventBody<'postal-batch'> => ({
  batch: name,
  papers,
  spoilt: 0,
  contests: [{ counts }],
  ...(weight === undefined ? {} : { weight }),
});

forEachEngine('postal papers and weights', (engine) => {
  const server = suiteServer(engine);
  const { expectRefusal } = refusalChecks(server);
  const weightedElection = () =>
    createTestElection(server().service, { voters: 5, contests: [CHAIR], weights: WEIGHTS });
  const officerPost = (election: TestElection) => officerPoster(server(), election);

  it('§13.2.1 step 6: the board refuses a batch without a fitting weight; papers count × weight', async () => {
    const election = await weightedElection();
    const post = officerPost(election);
    // The branch (weight 40) and two members (weight 1) return their packs, sorted by weight.
    await receivePacks(post, election, ['w40', 'w1', 'w1']);
    assert.equal((await post('/close')).status, 201);
    // Each refusal leaves the board head where it was: nothing is appended.
    const refused = (body: EventBody<'postal-batch'>, code: string, status: number) =>
      expectRefusal(election, () => post('/postal/batches', body), code, status);
    const light = batch('w1', 1, 2, [0, 2]);
    await refused(batch('w1', undefined, 2, [0, 2]), 'postal/missing-weight', 400);
    await refused(batch('w1', 101, 2, [0, 2]), 'postal/bad-weight', 400);
    // The light tray keyed at weight 40: only one return of weight 40 was received.
    await refused(batch('w1', 40, 2, [0, 2]), 'postal/more-papers-than-weight-returns', 409);

    const { result } = await countAndPublish(
      server(),
      election,
      [batch('w40', 40, 1, [1, 0]), light],
      []
    );
    // Kim has the branch's 40, Pat the two members' 2 — not 1 against 2.
    assert.deepEqual(
      result.contests.map((c) => c.options.map((o) => [o.postal, o.total])),
      [
        [
          [40, 40],
          [2, 2],
        ],
      ]
    );
    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    const declaration = declareResult(
      election.manifest,
      await allEvents(server(), election.electionId)
    );
    const chair = declaration?.contests[0];
    assert.deepEqual(chair?.turnout?.postal, 3);
    assert.deepEqual(chair?.weighted, {
      electorate: 83,
      turnout: 42,
      percent: chair?.weighted?.percent,
      papers: 42,
    });
    assert.deepEqual(
      chair?.candidates.map((c) => [c.name, c.total, c.elected]),
      [
        ['Kim', 40, true],
        ['Pat', 2, false],
      ]
    );
  });

  it('§13.2.1 step 6: a batch of an unweighted election carries no weight', async () => {
    const election = await createTestElection(server().service, { voters: 1, contests: [CHAIR] });
    const post = officerPost(election);
    await receivePacks(post, election, ['t1']);
    assert.equal((await post('/close')).status, 201);
    await expectRefusal(
      election,
      () => post('/postal/batches', batch('t1', 1, 1, [1, 0])),
      'postal/weight-not-in-manifest',
      400
    );
  });

  it('§13.2.1 step 6: a full hand count carries its batch’s weight and audits the weighted outcome', async () => {
    const election = await weightedElection();
    const post = officerPost(election);
    await receivePacks(post, election, ['w40', 'w1', 'w1']);
    assert.equal((await post('/close')).status, 201);
    const batches = [batch('w40', 40, 1, [0, 1]), batch('w1', 1, 2, [2, 0])];
    for (const body of batches) assert.equal((await post('/postal/batches', body)).status, 201);
    await startFullHandCount(post, 'an observer of the weighted count');
    // The hand counts as the officer keys them: no weight; one naming another weight is refused.
    const [heavy, light] = batches.map(({ weight: _weight, ...count }) => count);
    assert.ok(heavy !== undefined && light !== undefined);
    await expectRefusal(
      election,
      () => post('/postal/audit/count', { ...heavy, weight: 1 }),
      'postal-audit/refused',
      409
    );
    for (const count of [heavy, light]) {
      const counted = await post('/postal/audit/count', count);
      assert.equal(counted.status, 201, JSON.stringify(counted.body));
    }
    assert.equal((await post('/postal/audit/end')).status, 201);
    const counts = (await allEvents(server(), election.electionId)).flatMap((e) =>
      e.type === 'postal-audit-count' ? [[e.body.batch, e.body.weight]] : []
    );
    assert.deepEqual(counts, [
      ['w40', 40],
      ['w1', 1],
    ]);
    assert.equal((await post('/tally')).status, 201);
    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
  });
});
