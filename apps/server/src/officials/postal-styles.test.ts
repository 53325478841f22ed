/**
 * @module Postal papers and ballot styles (spec §13.2.1) through the real HTTP API of a server on
 * loopback: a batch names the one style of its papers; the board refuses a batch without a style,
 * with an unknown one, marking a contest outside it, or holding more papers of a style than
 * returns of that style; a batch's contests outside its style need no marks; and the record of a
 * styled election counted by post verifies, each contest's postal turnout its styles' papers.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type EventBody, declareResult } from '@scrutineer/record';
import {
  allEvents,
  api,
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
} from '@scrutineer/testkit';

const contest = (id: string, title: string) => ({
  id,
  title,
  minSelections: 1,
  maxSelections: 1,
  candidates: [`${title} A`, `${title} B`],
});

/** North members vote in the general contest and the northern seat; south members in general. */
const STYLES = {
  manifest: {
    minCategorySize: 1,
    categories: [
      { id: 'north', name: 'North', contests: ['general', 'north-seat'] },
      { id: 'south', name: 'South', contests: ['general'] },
    ],
  },
  voters: ['north', 'south', 'south', 'north'],
};

const batch = (
  name: string,
  style: string | undefined,
  papers: number,
  general: number[],
  northSeat: number[]
): EventBody<'postal-batch'> => ({
  batch: name,
  papers,
  spoilt: 0,
  contests: [{ counts: general }, { counts: northSeat }],
  ...(style === undefined ? {} : { style }),
});

forEachEngine('postal papers and ballot styles', (engine) => {
  const server = suiteServer(engine);
  const { expectRefusal } = refusalChecks(server);
  /** Four members (north, south, south, north) and a postal channel. */
  const styledElection = () =>
    createTestElection(server().service, {
      voters: 4,
      contests: [contest('general', 'General'), contest('north-seat', 'North seat')],
      styles: STYLES,
    });

  it('§13.2.1: the board refuses a batch without its style or outside it; the styled count verifies', async () => {
    const election = await styledElection();
    const base = `/api/elections/${election.electionId}`;
    const officer = { token: election.adminKey };
    // Voters 0 (north), 1 and 2 (south) return their packs; the opener sorts them by style.
    await receivePacks(officerPoster(server(), election), election, ['n1', 's1', 's1']);
    assert.equal((await api(server(), 'POST', `${base}/close`, officer)).status, 201);
    const post = (body: EventBody<'postal-batch'>) =>
      api(server(), 'POST', `${base}/postal/batches`, { ...officer, body });

    // Each refusal leaves the board head where it was: only the south batch is appended.
    const refused = (body: EventBody<'postal-batch'>, code: string, status: number) =>
      expectRefusal(election, () => post(body), code, status);

    const southOk = batch('s1', 'south', 2, [1, 1], [0, 0]);
    await refused(batch('s1', undefined, 2, [1, 1], [0, 0]), 'postal/missing-style', 400);
    await refused(batch('s1', 'west', 2, [1, 1], [0, 0]), 'postal/unknown-style', 400);
    await refused(batch('s1', 'south', 2, [1, 1], [1, 0]), 'postal/contest-not-in-style', 403);
    // The south tray counted as north papers: one tray envelope, but no north paper may follow.
    assert.equal((await post(southOk)).status, 201);
    await refused(
      batch('n1', 'south', 1, [1, 0], [0, 0]),
      'postal/more-papers-than-style-returns',
      409
    );

    // The north batch marks both contests; the south one left the northern seat blank (min 1).
    const { result } = await countAndPublish(
      server(),
      election,
      [batch('n1', 'north', 1, [1, 0], [0, 1])],
      [southOk]
    );
    assert.deepEqual(
      result.contests.map((c) => c.options.map((o) => o.postal)),
      [
        [2, 1],
        [0, 1],
      ]
    );
    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    assert.equal(report.ok, true);
    // Spec §13.2.1 step 4: the general contest counts 3 postal papers, the northern seat 1.
    const declaration = declareResult(
      election.manifest,
      await allEvents(server(), election.electionId)
    );
    assert.deepEqual(
      declaration?.contests.map((c) => [c.id, c.electorate, c.turnout?.postal, c.papers]),
      [
        ['general', 4, 3, 3],
        ['north-seat', 2, 1, 1],
      ]
    );
  });

  it('§13.2.1 step 5: a full hand count carries each batch’s style, filled in by the board', async () => {
    const election = await styledElection();
    const post = officerPoster(server(), election);
    await receivePacks(post, election, ['n1', 's1', 's1']);
    assert.equal((await post('/close')).status, 201);
    const batches = [
      batch('s1', 'south', 2, [2, 0], [0, 0]),
      batch('n1', 'north', 1, [0, 1], [1, 0]),
    ];
    for (const body of batches) assert.equal((await post('/postal/batches', body)).status, 201);
    await startFullHandCount(post, 'an observer of the styled count');
    // The hand count as the officer keys it: no style. One naming another style, or marking the
    // northern seat on south papers, is refused.
    const [south, north] = batches.map(({ style: _style, ...count }) => count);
    assert.ok(south !== undefined && north !== undefined);
    await expectRefusal(
      election,
      () => post('/postal/audit/count', { ...south, style: 'north' }),
      'postal-audit/refused',
      409
    );
    await expectRefusal(
      election,
      () =>
        post('/postal/audit/count', {
          ...south,
          contests: [{ counts: [1, 0] }, { counts: [1, 0] }],
        }),
      'postal/contest-not-in-style',
      403
    );
    for (const count of [south, north]) {
      const counted = await post('/postal/audit/count', count);
      assert.equal(counted.status, 201, JSON.stringify(counted.body));
    }
    assert.equal((await post('/postal/audit/end')).status, 201);
    const counts = (await allEvents(server(), election.electionId)).flatMap((e) =>
      e.type === 'postal-audit-count' ? [[e.body.batch, e.body.style]] : []
    );
    assert.deepEqual(counts, [
      ['s1', 'south'],
      ['n1', 'north'],
    ]);
    assert.equal((await post('/tally')).status, 201);
    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
  });
});
