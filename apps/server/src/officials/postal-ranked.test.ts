/**
 * @module Postal papers of a ranked contest at the board (spec §11.8 "Postal papers", V10.7): a
 * batch's ranked entry must carry one ranking per valid paper, each naming the contest's
 * candidates 1 … n at most once, and no counts; a homomorphic contest's entry has no rankings.
 * Each refusal appends nothing; the well-formed batch is appended and the record's V10.7 passes.
 * Run through the real HTTP API of a server on loopback.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  RANKED_TEST_CONTESTS,
  allEvents,
  api,
  createTestElection,
  errorCode,
  forEachEngine,
  suiteServer,
} from '@scrutineer/testkit';
import type { EventBody } from '@scrutineer/record';

type Batch = EventBody<'postal-batch'>;

forEachEngine('postal papers of a ranked contest', (engine) => {
  const server = suiteServer(engine);

  it('V10.7: the board refuses a ranked entry naming an unknown candidate, a candidate twice, the wrong number of rankings, or counts; accepts one ranking per valid paper', async () => {
    const election = await createTestElection(server().service, {
      voters: 2,
      contests: RANKED_TEST_CONTESTS,
    });
    const base = `/api/elections/${election.electionId}`;
    const officer = { token: election.adminKey };
    for (const voter of election.voters)
      await api(server(), 'POST', `${base}/postal/received`, {
        ...officer,
        body: {
          credential: voter.credential,
          returnSecret: voter.postalReturn.secret,
          batch: 'b1',
        },
      });
    assert.equal((await api(server(), 'POST', `${base}/close`, officer)).status, 201);
    // The committee (STV) entry is well formed throughout; the leader's (AV) and the motion's vary.
    const committee = { counts: [], rankings: [[1, 2], [4]] };
    const post = (leader: Batch['contests'][number], motion: Batch['contests'][number]) =>
      api(server(), 'POST', `${base}/postal/batches`, {
        ...officer,
        body: { batch: 'b1', papers: 2, spoilt: 0, contests: [leader, committee, motion] },
      });
    const motion = { counts: [1, 1] };
    const refusals: [Batch['contests'][number], Batch['contests'][number], string][] = [
      [{ counts: [], rankings: [[2, 4], [1]] }, motion, 'postal/invalid-ranking'],
      [{ counts: [], rankings: [[2, 2], [1]] }, motion, 'postal/invalid-ranking'],
      [{ counts: [], rankings: [[2]] }, motion, 'postal/invalid-ranking'],
      [{ counts: [], rankings: [[2], [1], [3]] }, motion, 'postal/invalid-ranking'],
      [{ counts: [] }, motion, 'postal/invalid-ranking'],
      [
        { counts: [], rankings: [[2], [1]] },
        { counts: [1, 1], rankings: [[1], [2]] },
        'postal/invalid-ranking',
      ],
      // Counts for a ranked contest do not fit it (V6.3: it has none).
      [{ counts: [1, 1, 0], rankings: [[2], [1]] }, motion, 'postal/invalid-batch'],
    ];
    for (const [leader, other, code] of refusals) {
      const refused = await post(leader, other);
      assert.equal(errorCode(refused), code, JSON.stringify(leader));
    }
    assert.ok(
      !(await allEvents(server(), election.electionId)).some((e) => e.type === 'postal-batch'),
      'nothing was appended'
    );
    // A blank ranking (two 1s on the paper) is a valid paper's ranking.
    const accepted = await post({ counts: [], rankings: [[2, 3], []] }, motion);
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const batch = (await allEvents(server(), election.electionId)).find(
      (e) => e.type === 'postal-batch'
    );
    assert.deepEqual(batch?.body, {
      batch: 'b1',
      papers: 2,
      spoilt: 0,
      contests: [{ counts: [], rankings: [[2, 3], []] }, committee, motion],
    });
  });
});
