import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hexToBytes } from '@scrutineer/crypto';
import {
  api,
  bodyAs,
  castBallotRequest,
  castHonestBallot,
  errorCode,
  eventAt,
  headHash,
  refusalChecks,
  receiptOf,
  sessionFor,
  signInVoter,
  nth,
  honestBallot,
  suiteServer,
  forEachEngine,
  createTestElection,
} from '@scrutineer/testkit';
import { openAuditedBallot } from '@scrutineer/protocol';
import { receiptMessage, verifyStatement } from '@scrutineer/record';
import { trackerSchema, turnoutSchema } from '@scrutineer/api-contract';

forEachEngine('casting', (engine) => {
  const server = suiteServer(engine);

  const { expectRefusal, me } = refusalChecks(server);

  it('returns a signed receipt after the commit, and the same receipt for the same ballot', async () => {
    const election = await createTestElection(server().service, { voters: 2 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const { ballot, tracker } = honestBallot(election.setup, voter);
    const first = await castBallotRequest(server(), election.electionId, token, ballot);
    assert.equal(first.status, 201);
    const receipt = receiptOf(first);
    assert.equal(receipt.tracker, tracker);
    const { signature, ...unsigned } = receipt;
    const boardKey = server().service.group.decodePoint(
      hexToBytes(election.manifest.board.publicKey)
    );
    assert.ok(
      verifyStatement(
        server().service.group,
        election.manifestHash,
        boardKey,
        receiptMessage(unsigned),
        signature
      )
    );
    const event = await eventAt(server(), election.electionId, receipt.position);
    assert.equal(event.hash, receipt.eventHash);
    assert.deepEqual(event.event.body, { ballot, tracker });

    const again = await castBallotRequest(server(), election.electionId, token, ballot);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, receipt);
    const lookup = bodyAs(
      trackerSchema,
      await api(server(), 'GET', `/api/elections/${election.electionId}/trackers/${tracker}`)
    );
    assert.deepEqual(lookup, {
      tracker,
      kind: 'cast',
      position: receipt.position,
      time: receipt.time,
      eventHash: receipt.eventHash,
      superseded: false,
    });
    const report = await me(election.electionId, token);
    assert.equal(report.channel, 'online');
    assert.deepEqual(report.ballots, [{ tracker, position: receipt.position, time: receipt.time }]);
    const turnout = bodyAs(
      turnoutSchema,
      await api(server(), 'GET', `/api/elections/${election.electionId}/turnout`)
    );
    assert.deepEqual(turnout, { online: 1, postal: 0, total: 1, eligible: 2, stage: 'open' });
  });

  it('accepts exactly one of 100 concurrent ballots for one credential: one row, one event', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const ballots = Array.from(
      { length: 100 },
      (_, i) => honestBallot(election.setup, voter, i % 2).ballot
    );
    const before = await headHash(server(), election.electionId);
    const responses = await Promise.all(
      ballots.map((ballot) => castBallotRequest(server(), election.electionId, token, ballot))
    );
    const accepted = responses.filter((r) => r.status === 201);
    assert.equal(accepted.length, 1);
    const codes = new Set(responses.filter((r) => r.status !== 201).map(errorCode));
    assert.deepEqual([...codes], ['ballot/credential-already-used']);
    const after = await headHash(server(), election.electionId);
    assert.equal(after.size, before.size + 1);
    const rows = await server().database.query<{ count: unknown }>(
      'SELECT count(*) AS count FROM ballots WHERE election_id = $1',
      [election.electionId]
    );
    assert.equal(Number(nth(rows, 0).count), 1);
    const events = await server().database.query<{ count: unknown }>(
      "SELECT count(*) AS count FROM events WHERE election_id = $1 AND type = 'ballot-cast'",
      [election.electionId]
    );
    assert.equal(Number(nth(events, 0).count), 1);

    // The same ballot 100 times at once: one event, 100 identical receipts.
    const second = await createTestElection(server().service, { voters: 1 });
    const secondToken = await sessionFor(server(), second, nth(second.voters, 0));
    const same = honestBallot(second.setup, nth(second.voters, 0)).ballot;
    const replies = await Promise.all(
      Array.from({ length: 100 }, () =>
        castBallotRequest(server(), second.electionId, secondToken, same)
      )
    );
    assert.equal(replies.filter((r) => r.status === 201).length, 1);
    assert.ok(replies.every((r) => r.status === 201 || r.status === 200));
    assert.equal(new Set(replies.map((r) => JSON.stringify(r.body))).size, 1);
  });

  it('publishes a Benaloh audit without using the credential, and never accepts its ciphertexts again', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const challenged = honestBallot(election.setup, voter, 1);
    const audit = await api(server(), 'POST', `/api/elections/${election.electionId}/audits`, {
      body: { audited: openAuditedBallot(challenged) },
    });
    assert.equal(audit.status, 201, JSON.stringify(audit.body));
    const { event } = await eventAt(server(), election.electionId, receiptOf(audit).position);
    assert.equal(event.type, 'ballot-audited');
    assert.equal((await me(election.electionId, token)).channel, null);
    const lied = openAuditedBallot(honestBallot(election.setup, voter, 1));
    const wrongVote = {
      ...lied,
      contests: [
        { selections: nth(lied.contests, 0).selections.map((s) => ({ ...s, vote: 1 - s.vote })) },
      ],
    };
    await expectRefusal(
      election,
      () =>
        api(server(), 'POST', `/api/elections/${election.electionId}/audits`, {
          body: { audited: wrongVote },
        }),
      'ballot/invalid-audit',
      400
    );
    await expectRefusal(
      election,
      () => castBallotRequest(server(), election.electionId, token, challenged.ballot),
      'ballot/ciphertext-reused',
      409
    );
    assert.equal((await castHonestBallot(server(), election, token, voter, 1)).status, 201);
  });

  it('under last-ballot-counts appends a new ballot that supersedes the earlier one', async () => {
    const election = await createTestElection(server().service, {
      voters: 1,
      policy: 'last-ballot-counts',
    });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const first = await castHonestBallot(server(), election, token, voter);
    const second = await castHonestBallot(server(), election, token, voter, 1);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    const [one, two] = [receiptOf(first), receiptOf(second)];
    assert.equal(two.position, one.position + 1);
    const lookup = async (tracker: string) =>
      bodyAs(
        trackerSchema,
        await api(server(), 'GET', `/api/elections/${election.electionId}/trackers/${tracker}`)
      );
    assert.equal((await lookup(one.tracker)).superseded, true);
    assert.equal((await lookup(two.tracker)).superseded, false);
    assert.equal(
      bodyAs(
        turnoutSchema,
        await api(server(), 'GET', `/api/elections/${election.electionId}/turnout`)
      ).online,
      1
    );
  });

  it('answers a sign-in with wrong answers exactly as one with an unknown code', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const wrong = await signInVoter(server(), election, {
      ...voter,
      answers: { ...voter.answers, postcode: 'XX1 1XX' },
    });
    const stranger = {
      ...voter,
      secretKey: 12345n,
      credential: Buffer.from(
        server().service.group.encodePoint(server().service.group.multiplyBase(12345n))
      ).toString('hex'),
    };
    const unknown = await signInVoter(server(), election, stranger);
    assert.equal(wrong.status, 401);
    assert.deepEqual(unknown.body, wrong.body);
    assert.equal(unknown.status, wrong.status);
    assert.equal(errorCode(wrong), 'auth/sign-in-failed');
    const forged = await signInVoter(server(), election, { ...voter, secretKey: 999n });
    assert.equal(errorCode(forged), 'auth/invalid-signature');
    const answersInAnotherSpelling = {
      dob: voter.answers.dob.split('-').reverse().join('/'),
      postcode: voter.answers.postcode.toLowerCase().replace(' ', ''),
    };
    assert.equal(
      (await signInVoter(server(), election, { ...voter, answers: answersInAnotherSpelling }))
        .status,
      200
    );
  });
});
