/**
 * The postal audit on the board (spec §9.8), through the real HTTP API: every step the procedure
 * does not allow is refused with the rule it breaks and changes nothing (no start without an
 * observer's commitment, no batch after the start, no sample before every seed is revealed, no
 * seed that does not open its commitment, no hand count outside the sample, no end above the risk
 * limit, no tally while the audit is unfinished); the honest audit ends and the record verifies.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import { type EventBody, auditSeedCommitment } from '@scrutineer/record';
import {
  api,
  errorCode,
  failedChecksOf,
  verifyPublishedRecord,
  suiteServer,
  forEachEngine,
  createTestElection,
} from '@scrutineer/testkit';

const SEED = bytesToHex(sha256(utf8('an observer at the count')));

forEachEngine('the postal audit on the board', (engine) => {
  const server = suiteServer(engine);

  it('refuses every step out of the procedure, then ends the honest audit and the record verifies', async () => {
    const election = await createTestElection(server().service, {
      voters: 6,
      trustees: 3,
      threshold: 2,
    });
    const base = `/api/elections/${election.electionId}`;
    const officer = { token: election.adminKey };
    const post = (path: string, body: unknown = {}) =>
      api(server(), 'POST', `${base}${path}`, { ...officer, body });
    const refused = async (path: string, body: unknown, code: string, why: string) => {
      const response = await post(path, body);
      assert.equal(errorCode(response), code, `${why}: ${JSON.stringify(response.body)}`);
    };
    // Two envelopes to each opening batch (tray), as the counts below say.
    for (const [k, voter] of election.voters.entries())
      assert.equal(
        (
          await post('/postal/received', {
            credential: voter.credential,
            returnSecret: voter.postalReturn.secret,
            batch: `tray-${Math.floor(k / 2) + 1}`,
          })
        ).status,
        201
      );
    await refused('/postal/audit/start', { riskLimit: 5 }, 'election/wrong-stage', 'before close');
    assert.equal((await post('/close')).status, 201);
    const batches: EventBody<'postal-batch'>[] = [
      { batch: 'tray-1', papers: 2, spoilt: 0, contests: [{ counts: [2, 0] }] },
      { batch: 'tray-2', papers: 2, spoilt: 0, contests: [{ counts: [2, 0] }] },
      { batch: 'tray-3', papers: 2, spoilt: 0, contests: [{ counts: [1, 1] }] },
    ];
    for (const body of batches) assert.equal((await post('/postal/batches', body)).status, 201);
    await refused(
      '/postal/audit/start',
      { riskLimit: 5 },
      'postal-audit/no-commitment',
      'no seed committed'
    );
    const commitment = auditSeedCommitment('Observer', SEED);
    assert.equal(
      (await post('/postal/audit/commit', { observer: 'Observer', commitment })).status,
      201
    );
    assert.equal((await post('/postal/audit/start', { riskLimit: 10 })).status, 201);
    await refused(
      '/postal/batches',
      { ...batches[0], batch: 'tray-4' },
      'postal-audit/refused',
      'a batch after the start'
    );
    await refused(
      '/postal/audit/sample',
      {},
      'postal-audit/seeds-unrevealed',
      'before the seed is revealed'
    );
    await refused(
      '/postal/audit/reveal',
      { observer: 'Observer', seed: '00'.repeat(32) },
      'postal-audit/seed-mismatch',
      'a seed that does not open the commitment'
    );
    await refused('/tally', undefined, 'postal-audit/unfinished', 'the tally during the audit');
    assert.equal(
      (await post('/postal/audit/reveal', { observer: 'Observer', seed: SEED })).status,
      201
    );
    const drawn = await post('/postal/audit/sample', {});
    assert.equal(drawn.status, 201, JSON.stringify(drawn.body));
    const sample = (drawn.body as { body: EventBody<'postal-audit-sample'> }).body;
    assert.equal(sample.round, 1);
    const outside = batches.find((b) => !sample.batches.includes(b.batch));
    if (outside !== undefined)
      await refused(
        '/postal/audit/count',
        outside,
        'postal-audit/refused',
        'a batch outside the sample'
      );
    await refused(
      '/postal/audit/end',
      {},
      'postal-audit/sample-uncounted',
      'sampled batches uncounted'
    );
    for (const id of sample.batches) {
      const found = batches.find((b) => b.batch === id);
      assert.equal((await post('/postal/audit/count', found)).status, 201);
    }
    for (;;) {
      const status = await api(server(), 'GET', `${base}/postal/audit`);
      assert.equal(status.status, 200);
      const ended = await post('/postal/audit/end');
      if (ended.status === 201) break;
      assert.equal(errorCode(ended), 'postal-audit/risk-above-limit');
      const next = await post('/postal/audit/sample', {});
      assert.equal(next.status, 201, JSON.stringify(next.body));
      for (const id of (next.body as { body: EventBody<'postal-audit-sample'> }).body.batches)
        assert.equal(
          (
            await post(
              '/postal/audit/count',
              batches.find((b) => b.batch === id)
            )
          ).status,
          201
        );
    }
    assert.equal((await post('/tally')).status, 201);
    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    assert.equal(report.stage, 'tallied');
  });
});
