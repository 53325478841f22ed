/**
 * Regression tests for the postal channel's insider attacks (spec §9.5, V2.5, V6.5): the officer
 * alone marking abstainers as postal voters after the close or without the return slip's secret,
 * postal or online events on an election whose manifest does not offer that channel, and a
 * replacement racing a postal return on one credential. Each attack goes through the real HTTP API
 * of a server on loopback, and the published record is verified.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hashSecurityAnswers } from '@scrutineer/protocol';
import {
  type ApiResponse,
  allEvents,
  api,
  castHonestBallot,
  errorCode,
  headHash,
  sessionFor,
  nth,
  replacementRequest,
  verifyPublishedRecord,
  suiteServer,
  forEachEngine,
  TEST_ARGON2,
  type TestElection,
  createTestElection,
  makeVoter,
} from '@scrutineer/testkit';
import type { RunningServer } from '../server.ts';

/** The checks a verification of the election's record failed. */
async function failedChecks(server: RunningServer, electionId: string): Promise<string[]> {
  const report = await verifyPublishedRecord(server.database, electionId);
  return report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
}

function receive(
  server: RunningServer,
  election: TestElection,
  body: Record<string, unknown>
): Promise<ApiResponse> {
  return api(server, 'POST', `/api/elections/${election.electionId}/postal/received`, {
    token: election.adminKey,
    body,
  });
}

forEachEngine('postal returns', (engine) => {
  const server = suiteServer(engine);

  it('F3: the officer cannot mark an abstainer received after the close', async () => {
    const election = await createTestElection(server().service, { voters: 3 });
    const online = nth(election.voters, 0);
    const postal = nth(election.voters, 1);
    const abstainer = nth(election.voters, 2);
    const token = await sessionFor(server(), election, online);
    assert.equal((await castHonestBallot(server(), election, token, online)).status, 201);
    const received = await receive(server(), election, {
      credential: postal.credential,
      returnSecret: postal.postalReturn.secret,
    });
    assert.equal(received.status, 201, JSON.stringify(received.body));
    const close = await api(server(), 'POST', `/api/elections/${election.electionId}/close`, {
      token: election.adminKey,
    });
    assert.equal(close.status, 201, JSON.stringify(close.body));
    // The abstainer is public now; even with the real slip's secret, the return is refused.
    const before = await headHash(server(), election.electionId);
    const stuffed = await receive(server(), election, {
      credential: abstainer.credential,
      returnSecret: abstainer.postalReturn.secret,
    });
    assert.equal(errorCode(stuffed), 'postal/after-close');
    assert.equal(stuffed.status, 409);
    assert.deepEqual(await headHash(server(), election.electionId), before);
    const turnout = await api(server(), 'GET', `/api/elections/${election.electionId}/turnout`);
    assert.deepEqual(turnout.body, {
      online: 1,
      postal: 1,
      total: 2,
      eligible: 3,
      stage: 'closed',
    });
    assert.deepEqual(await failedChecks(server(), election.electionId), []);
  });

  it("F3: during voting, a postal return without the return slip's secret is refused", async () => {
    const election = await createTestElection(server().service, { voters: 3 });
    const target = nth(election.voters, 0);
    const other = nth(election.voters, 1);
    const before = await headHash(server(), election.electionId);
    for (const returnSecret of ['00'.repeat(16), other.postalReturn.secret]) {
      const guessed = await receive(server(), election, {
        credential: target.credential,
        returnSecret,
      });
      assert.equal(errorCode(guessed), 'postal/wrong-return-secret');
      assert.equal(guessed.status, 403);
    }
    const bare = await receive(server(), election, { credential: target.credential });
    assert.equal(errorCode(bare), 'request/invalid-body');
    assert.deepEqual(await headHash(server(), election.electionId), before);
    const turnout = await api(server(), 'GET', `/api/elections/${election.electionId}/turnout`);
    assert.equal((turnout.body as { postal: number }).postal, 0);
    // The member's own slip is accepted, published with its secret, and counted in public.
    const real = await receive(server(), election, {
      credential: target.credential,
      returnSecret: target.postalReturn.secret,
    });
    assert.equal(real.status, 201, JSON.stringify(real.body));
    const events = await allEvents(server(), election.electionId);
    const credentials = events.find((e) => e.type === 'credentials');
    assert.ok(credentials?.type === 'credentials');
    assert.equal(credentials.body.returns?.length, credentials.body.keys.length);
    const last = events.at(-1);
    assert.deepEqual(last?.type === 'postal-received' ? last.body : null, {
      credential: target.credential,
      returnSecret: target.postalReturn.secret,
    });
    const after = await api(server(), 'GET', `/api/elections/${election.electionId}/turnout`);
    assert.equal((after.body as { postal: number }).postal, 1);
    assert.deepEqual(await failedChecks(server(), election.electionId), []);
  });

  it('F3: with channels.postal = false the board refuses postal returns and counted batches', async () => {
    const channels = { online: true, postal: false };
    const keyed = await createTestElection(server().service, { voters: 2, open: false, channels });
    const voter = makeVoter(server().service.group, keyed.electionId, 0);
    const answersHash = await hashSecurityAnswers(['dob', 'postcode'], voter.answers, TEST_ARGON2);
    const withCommitment = await api(
      server(),
      'POST',
      `/api/elections/${keyed.electionId}/credentials`,
      {
        token: keyed.adminKey,
        body: {
          credentials: [
            { key: voter.credential, answersHash, returnCommitment: voter.postalReturn.commitment },
          ],
        },
      }
    );
    assert.equal(errorCode(withCommitment), 'credential/unexpected-return-commitment');

    const election = await createTestElection(server().service, { voters: 2, channels });
    const events = await allEvents(server(), election.electionId);
    const credentials = events.find((e) => e.type === 'credentials');
    assert.ok(credentials?.type === 'credentials');
    assert.equal(credentials.body.returns, undefined);
    const abstainer = nth(election.voters, 0);
    const before = await headHash(server(), election.electionId);
    const stuffed = await receive(server(), election, {
      credential: abstainer.credential,
      returnSecret: abstainer.postalReturn.secret,
    });
    assert.equal(errorCode(stuffed), 'election/channel-not-offered');
    assert.deepEqual(await headHash(server(), election.electionId), before);
    await api(server(), 'POST', `/api/elections/${election.electionId}/close`, {
      token: election.adminKey,
    });
    const batch = (papers: number, counts: number[]) =>
      api(server(), 'POST', `/api/elections/${election.electionId}/postal/batches`, {
        token: election.adminKey,
        body: { batch: `b${papers}`, papers, spoilt: 0, contests: [{ counts }] },
      });
    assert.equal(errorCode(await batch(2, [2, 0])), 'election/channel-not-offered');
    assert.equal((await batch(0, [0, 0])).status, 201, 'a batch of no papers says nothing');
    assert.deepEqual(await failedChecks(server(), election.electionId), []);
  });

  it('F3: with channels.online = false the board refuses ballots', async () => {
    const election = await createTestElection(server().service, {
      voters: 2,
      channels: { online: false, postal: true },
    });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const before = await headHash(server(), election.electionId);
    const cast = await castHonestBallot(server(), election, token, voter);
    assert.equal(errorCode(cast), 'election/channel-not-offered');
    assert.deepEqual(await headHash(server(), election.electionId), before);
  });

  it('F17: a replacement racing a postal return never leaves a postal vote on a revoked credential', async () => {
    const rounds = 40;
    const election = await createTestElection(server().service, {
      voters: rounds,
      replacements: { limit: rounds },
    });
    // The replacement requests are made first, so that both requests of a race leave together.
    const replacements = await Promise.all(
      election.voters.map(
        async (voter, i) => (await replacementRequest(election, voter, 1000 + i)).body
      )
    );
    const outcomes = await Promise.all(
      election.voters.map(async (voter, i) => {
        const postal = receive(server(), election, {
          credential: voter.credential,
          returnSecret: voter.postalReturn.secret,
        });
        const replaced = api(
          server(),
          'POST',
          `/api/elections/${election.electionId}/credentials/replace`,
          { token: election.adminKey, body: replacements[i] }
        );
        return { postal: (await postal).status, replaced: (await replaced).status };
      })
    );
    // Exactly one of the two wins each race.
    for (const outcome of outcomes)
      assert.equal(
        [outcome.postal, outcome.replaced].filter((s) => s === 201).length,
        1,
        JSON.stringify(outcomes)
      );
    const events = await allEvents(server(), election.electionId);
    const revoked = new Set(
      events.flatMap((e) => (e.type === 'credential-replaced' ? [e.body.revoked] : []))
    );
    const postal = events.flatMap((e) => (e.type === 'postal-received' ? [e.body.credential] : []));
    assert.equal(revoked.size + postal.length, rounds);
    assert.deepEqual(
      postal.filter((credential) => revoked.has(credential)),
      []
    );
    assert.deepEqual(await failedChecks(server(), election.electionId), []);
  });
});
