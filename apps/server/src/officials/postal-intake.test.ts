/**
 * Bulk intake of returned envelopes and the counts of their opening batches (spec §9.5.3), through
 * the real HTTP API of a server on loopback, on both engines: a scanning station's upload is
 * received once and a retried upload changes nothing; a return for a credential that voted online
 * or whose pack was replaced is refused with its reason and published; a count that names a batch
 * no envelope went into, or holds more papers than its batch's envelopes, or counts a batch twice,
 * is refused and the record still verifies.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { postalEnvelopesResponse } from '@scrutineer/api-contract';
import {
  allEvents,
  api,
  bodyAs,
  castHonestBallot,
  errorCode,
  headHash,
  sessionFor,
  nth,
  verifyPublishedRecord,
  replacementRequest,
  suiteServer,
  forEachEngine,
  type TestElection,
  type TestVoter,
  createTestElection,
} from '@scrutineer/testkit';

forEachEngine('postal intake and opening batches', (engine) => {
  const server = suiteServer(engine);

  const upload = (election: TestElection, envelopes: readonly object[]) =>
    api(server(), 'POST', `/api/elections/${election.electionId}/postal/envelopes`, {
      token: election.adminKey,
      body: { envelopes },
    });
  const envelope = (voter: TestVoter, batch: string, secret = voter.postalReturn.secret) => ({
    credential: voter.credential,
    returnSecret: secret,
    batch,
    scannedAt: '2026-12-05T10:00:00Z',
  });
  const failedChecks = async (election: TestElection) =>
    (await verifyPublishedRecord(server().database, election.electionId)).checks
      .filter((c) => c.status === 'failed')
      .map((c) => c.id);

  it('receives a scanning station’s upload once; a retried upload changes nothing; refusals are named and published', async () => {
    const election = await createTestElection(server().service, {
      voters: 6,
      replacements: { limit: 1 },
    });
    const [online, replaced, a, b, c, wrong] = [0, 1, 2, 3, 4, 5].map((i) =>
      nth(election.voters, i)
    ) as [TestVoter, TestVoter, TestVoter, TestVoter, TestVoter, TestVoter];
    const token = await sessionFor(server(), election, online);
    assert.equal((await castHonestBallot(server(), election, token, online)).status, 201);
    const request = await replacementRequest(election, replaced, 100);
    const replace = await api(
      server(),
      'POST',
      `/api/elections/${election.electionId}/credentials/replace`,
      { token: election.adminKey, body: request.body }
    );
    assert.equal(replace.status, 201, JSON.stringify(replace.body));

    const envelopes = [
      envelope(a, 'tray-1'),
      envelope(b, 'tray-1'),
      envelope(online, 'tray-1'),
      envelope(replaced, 'tray-1'),
      envelope(wrong, 'tray-1', '00'.repeat(16)),
      envelope(a, 'tray-1'), // scanned twice in one tray
      envelope(c, 'tray-2'),
    ];
    const first = await upload(election, envelopes);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const answer = bodyAs(postalEnvelopesResponse, first);
    assert.deepEqual(
      answer.outcomes.map((o) => (o.outcome === 'refused' ? o.code : o.outcome)),
      [
        'received',
        'received',
        'postal/credential-used-online',
        'credential/revoked',
        'postal/wrong-return-secret',
        'already-received',
        'received',
      ]
    );
    assert.deepEqual([answer.received, answer.alreadyReceived, answer.refused], [3, 1, 3]);

    // The refusals for the online voter and the replaced pack are in the record.
    const events = await allEvents(server(), election.electionId);
    const refusals = events.flatMap((e) => (e.type === 'cast-refused' ? [e.body] : []));
    assert.deepEqual(refusals, [
      { credential: online.credential, channel: 'postal', reason: 'already-voted-online' },
      { credential: replaced.credential, channel: 'postal', reason: 'credential-revoked' },
    ]);
    const received = events.flatMap((e) =>
      e.type === 'postal-received' ? [e.body.credential] : []
    );
    assert.deepEqual(received, [a.credential, b.credential, c.credential]);

    // The station lost the answer and uploads the same envelopes again (in another tray, even):
    // nothing changes, and each envelope is answered as before or already received.
    const head = await headHash(server(), election.electionId);
    const again = bodyAs(
      postalEnvelopesResponse,
      await upload(
        election,
        envelopes.map((e) => ({ ...e, batch: 'tray-9' }))
      )
    );
    assert.deepEqual(
      again.outcomes.map((o) => (o.outcome === 'refused' ? o.code : `${o.outcome} ${o.batch}`)),
      [
        'already-received tray-1',
        'already-received tray-1',
        'postal/credential-used-online',
        'credential/revoked',
        'postal/wrong-return-secret',
        'already-received tray-1',
        'already-received tray-2',
      ]
    );
    assert.deepEqual(await headHash(server(), election.electionId), head);
    const turnout = await api(server(), 'GET', `/api/elections/${election.electionId}/turnout`);
    assert.equal((turnout.body as { postal: number }).postal, 3);
    // The officer reads the envelopes per opening batch (counts only); nobody else may.
    const trays = `/api/elections/${election.electionId}/postal/envelope-batches`;
    const perBatch = await api(server(), 'GET', trays, { token: election.adminKey });
    assert.equal(perBatch.status, 200, JSON.stringify(perBatch.body));
    assert.deepEqual(perBatch.body, {
      batches: [
        { batch: 'tray-1', envelopes: 2 },
        { batch: 'tray-2', envelopes: 1 },
      ],
    });
    assert.equal((await api(server(), 'GET', trays)).status, 401);
    assert.deepEqual(await failedChecks(election), []);
  });

  it('refuses counts that do not add up before they reach the board, and the record still verifies', async () => {
    const election = await createTestElection(server().service, { voters: 4 });
    const voters = election.voters.slice(0, 3);
    const uploaded = await upload(election, [
      envelope(nth(voters, 0), 'tray-a'),
      envelope(nth(voters, 1), 'tray-a'),
      envelope(nth(voters, 2), 'tray-b'),
    ]);
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    const base = `/api/elections/${election.electionId}`;
    assert.equal(
      (await api(server(), 'POST', `${base}/close`, { token: election.adminKey })).status,
      201
    );
    // After the close the intake is closed too: the upload is refused whole.
    const late = await upload(election, [envelope(nth(election.voters, 3), 'tray-b')]);
    assert.equal(errorCode(late), 'postal/after-close');
    const post = (batch: string, papers: number, counts: number[]) =>
      api(server(), 'POST', `${base}/postal/batches`, {
        token: election.adminKey,
        body: { batch, papers, spoilt: 0, contests: [{ counts }] },
      });
    const head = await headHash(server(), election.electionId);
    // A batch into which no envelope was received: refused.
    const unknown = await post('tray-c', 1, [1, 0]);
    assert.equal(errorCode(unknown), 'postal/unknown-batch', JSON.stringify(unknown.body));
    // More papers than envelopes opened into the batch: refused.
    const extra = await post('tray-a', 3, [2, 1]);
    assert.equal(errorCode(extra), 'postal/more-papers-than-envelopes', JSON.stringify(extra.body));
    assert.deepEqual(await headHash(server(), election.electionId), head);
    assert.equal((await post('tray-a', 2, [1, 1])).status, 201);
    // The same batch counted again (its papers counted twice): refused.
    assert.equal(errorCode(await post('tray-a', 2, [2, 0])), 'postal/duplicate-batch');
    assert.equal((await post('tray-b', 1, [0, 1])).status, 201);
    assert.deepEqual(await failedChecks(election), []);
  });
});
