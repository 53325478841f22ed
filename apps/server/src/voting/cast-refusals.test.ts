import { VOTER_BALLOT_BODY_LIMIT } from '../http/body-limits.ts';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  api,
  castBallotRequest,
  castHonestBallot,
  errorCode,
  eventAt,
  headHash,
  refusalChecks,
  sessionFor,
  nth,
  copiedUnder,
  honestBallot,
  rerandomisedUnder,
  withBadProof,
  withNonCanonicalPoint,
  suiteServer,
  forEachEngine,
  createTestElection,
} from '@scrutineer/testkit';

forEachEngine('refusing ballots', (engine) => {
  let now = new Date();
  const server = suiteServer(engine, { clock: () => now });

  const { expectRefusal, me } = refusalChecks(server);

  it('refuses each kind of bad input with its own code and leaves the board head unchanged', async () => {
    const election = await createTestElection(server().service, { voters: 4 });
    const [alice, bob, carol] = [
      nth(election.voters, 0),
      nth(election.voters, 1),
      nth(election.voters, 2),
    ];
    const aliceToken = await sessionFor(server(), election, alice);
    const bobToken = await sessionFor(server(), election, bob);
    const carolToken = await sessionFor(server(), election, carol);
    const alices = honestBallot(election.setup, alice).ballot;
    assert.equal(
      (await castBallotRequest(server(), election.electionId, aliceToken, alices)).status,
      201
    );
    const cast = (token: string, ballot: unknown) => () =>
      castBallotRequest(server(), election.electionId, token, ballot as never);
    const fresh = () => honestBallot(election.setup, bob).ballot;
    /** The cast request with the body (or raw text) and token exactly as given. */
    const post = (options: { token?: string; body?: unknown; rawBody?: string }) => () =>
      api(server(), 'POST', `/api/elections/${election.electionId}/ballots`, options);

    await expectRefusal(
      election,
      cast(bobToken, withBadProof(election.setup, bob, fresh())),
      'ballot/invalid-proof',
      400
    );
    await expectRefusal(
      election,
      cast(bobToken, { ...fresh(), election: 'another-election' }),
      'ballot/wrong-election',
      400
    );
    await expectRefusal(
      election,
      cast(bobToken, copiedUnder(election.setup, bob, alices)),
      'ballot/ciphertext-reused',
      409
    );
    await expectRefusal(
      election,
      cast(bobToken, rerandomisedUnder(election.setup, bob, alices)),
      'ballot/proof-reused',
      409
    );
    await expectRefusal(
      election,
      cast(bobToken, withNonCanonicalPoint(election.setup, bob, fresh())),
      'ballot/not-canonical-point',
      400
    );
    await expectRefusal(
      election,
      cast(bobToken, { ...fresh(), signature: fresh().signature }),
      'ballot/invalid-signature',
      400
    );
    await expectRefusal(election, cast(bobToken, alices), 'ballot/ciphertext-reused', 409);
    await expectRefusal(
      election,
      cast(bobToken, honestBallot(election.setup, carol).ballot),
      'ballot/credential-mismatch',
      403
    );
    await expectRefusal(
      election,
      post({
        token: bobToken,
        body: { ballot: fresh(), extra: 1 },
      }),
      'request/unknown-field',
      400
    );
    await expectRefusal(
      election,
      post({
        token: bobToken,
        body: { ballot: { ...fresh(), note: 'x' } },
      }),
      'request/unknown-field',
      400
    );
    await expectRefusal(
      election,
      post({
        token: bobToken,
        rawBody: JSON.stringify({ ballot: fresh(), pad: 'x'.repeat(VOTER_BALLOT_BODY_LIMIT) }),
      }),
      'request/body-too-large',
      413
    );
    await expectRefusal(
      election,
      post({
        token: bobToken,
        rawBody: '{"ballot":',
      }),
      'request/invalid-json',
      400
    );
    // Two members of one name (spec §10.1.2 rule 8): JSON.parse would keep the second ballot.
    await expectRefusal(
      election,
      post({
        token: bobToken,
        rawBody: `{"ballot":${JSON.stringify(fresh())},"ballot":${JSON.stringify(fresh())}}`,
      }),
      'request/invalid-json',
      400
    );
    await expectRefusal(
      election,
      post({
        body: { ballot: fresh() },
      }),
      'auth/missing-token',
      401
    );
    await expectRefusal(
      election,
      post({
        token: `${bobToken}x`,
        body: { ballot: fresh() },
      }),
      'auth/invalid-token',
      401
    );
    await expectRefusal(
      election,
      cast(aliceToken, honestBallot(election.setup, alice).ballot),
      'ballot/credential-already-used',
      409
    );

    // Used by post: refused; the refusal itself is published once (spec §9.7), then never again.
    /** The officer records a postal return, naming the credential, with its secret. */
    const postalReceived = (body: { credential: string; returnSecret: string }) =>
      api(server(), 'POST', `/api/elections/${election.electionId}/postal/received`, {
        token: election.adminKey,
        body,
      });
    const postal = await postalReceived({
      credential: carol.credential,
      returnSecret: carol.postalReturn.secret,
    });
    assert.equal(postal.status, 201, JSON.stringify(postal.body));
    const beforeRefusal = await headHash(server(), election.electionId);
    const refused = await castHonestBallot(server(), election, carolToken, carol);
    assert.equal(errorCode(refused), 'ballot/credential-used-by-post');
    assert.equal(refused.status, 409);
    const afterRefusal = await headHash(server(), election.electionId);
    assert.equal(afterRefusal.size, beforeRefusal.size + 1);
    const refusalEvent = await eventAt(server(), election.electionId, beforeRefusal.size);
    assert.deepEqual(refusalEvent.event.body, {
      credential: carol.credential,
      channel: 'online',
      reason: 'already-voted-by-post',
    });
    await expectRefusal(
      election,
      cast(carolToken, honestBallot(election.setup, carol).ballot),
      'ballot/credential-used-by-post',
      409
    );

    // Bob's credential was never consumed by any of the refusals.
    assert.equal((await me(election.electionId, bobToken)).channel, null);
    assert.equal(
      (await castBallotRequest(server(), election.electionId, bobToken, fresh())).status,
      201
    );

    // Online first, then a postal return for the same member: refused and published.
    const online = await postalReceived({
      credential: alice.credential,
      returnSecret: alice.postalReturn.secret,
    });
    assert.equal(errorCode(online), 'postal/credential-used-online');
    const last = await headHash(server(), election.electionId);
    const postalRefusal = await eventAt(server(), election.electionId, last.size - 1);
    assert.deepEqual(postalRefusal.event.body, {
      credential: alice.credential,
      channel: 'postal',
      reason: 'already-voted-online',
    });
  });

  it('refuses ballots before the window opens and after it closes, by the board clock', async () => {
    now = new Date();
    const opens = new Date(now.getTime() + 3_600_000);
    const closes = new Date(now.getTime() + 7_200_000);
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const election = await createTestElection(server().service, {
      voters: 3,
      window: { opens: iso(opens), closes: iso(closes) },
    });
    const [early, onTime, late] = [
      nth(election.voters, 0),
      nth(election.voters, 1),
      nth(election.voters, 2),
    ];
    const earlyToken = await sessionFor(server(), election, early);
    await expectRefusal(
      election,
      () => castHonestBallot(server(), election, earlyToken, early),
      'election/not-open',
      409
    );
    now = new Date(opens.getTime() + 1000);
    const token = await sessionFor(server(), election, onTime);
    assert.equal((await castHonestBallot(server(), election, token, onTime)).status, 201);
    now = new Date(closes.getTime());
    const lateToken = await sessionFor(server(), election, late);
    await expectRefusal(
      election,
      () => castHonestBallot(server(), election, lateToken, late),
      'election/closed',
      409
    );
    assert.equal(
      (
        await api(server(), 'POST', `/api/elections/${election.electionId}/close`, {
          token: election.adminKey,
        })
      ).status,
      201
    );
    await expectRefusal(
      election,
      () => castHonestBallot(server(), election, lateToken, late),
      'election/closed',
      409
    );
    now = new Date();
  });
});
