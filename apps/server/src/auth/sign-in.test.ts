import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { writeRecordBundle } from '../board/board-reader.ts';
import {
  api,
  bodyAs,
  castHonestBallot,
  errorCode,
  eventAt,
  headHash,
  sessionFor,
  signInVoter,
  nth,
  suiteServer,
  forEachEngine,
  replacementRequest,
  createTestElection,
} from '@scrutineer/testkit';
import { appendedResponse, auditLogResponse, challengeResponse } from '@scrutineer/api-contract';

forEachEngine('sign-in, lockout and replacement packs', (engine) => {
  const server = suiteServer(engine);

  it('locks a credential after 5 wrong answers, even against the right ones, and a replacement pack revokes it on the board', async () => {
    const election = await createTestElection(server().service, { voters: 2, replacements: {} });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const wrong = { ...voter, answers: { ...voter.answers, dob: '1900-01-01' } };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await signInVoter(server(), election, wrong);
      assert.equal(errorCode(response), 'auth/sign-in-failed', `attempt ${attempt}`);
    }
    const locked = await signInVoter(server(), election, voter);
    assert.equal(locked.status, 403);
    assert.equal(errorCode(locked), 'auth/credential-locked');
    const before = await headHash(server(), election.electionId);
    const cast = await castHonestBallot(server(), election, token, voter);
    assert.equal(errorCode(cast), 'auth/credential-locked');
    assert.deepEqual(await headHash(server(), election.electionId), before);

    const request = await replacementRequest(election, voter, 7, { reason: 'locked-out' });
    const replacement = request.voter;
    const unauthorised = await api(
      server(),
      'POST',
      `/api/elections/${election.electionId}/credentials/replace`,
      { token: 'not-the-key', body: { ...request.body, revoke: { credential: voter.credential } } }
    );
    assert.equal(errorCode(unauthorised), 'auth/admin-required');
    const replaced = await api(
      server(),
      'POST',
      `/api/elections/${election.electionId}/credentials/replace`,
      {
        token: election.adminKey,
        body: { ...request.body, revoke: { credential: voter.credential } },
      }
    );
    assert.equal(replaced.status, 201, JSON.stringify(replaced.body));
    const { event } = await eventAt(
      server(),
      election.electionId,
      bodyAs(appendedResponse, replaced).position
    );
    assert.equal(event.type, 'credential-replaced');
    assert.deepEqual(event.body, {
      revoked: voter.credential,
      replacement: replacement.credential,
      return: replacement.postalReturn.commitment,
      reason: 'locked-out',
      approval: request.body.approval,
    });
    assert.equal(
      errorCode(await signInVoter(server(), election, voter)),
      'auth/credential-revoked'
    );
    const newToken = await sessionFor(server(), election, replacement);
    const accepted = await castHonestBallot(server(), election, newToken, replacement);
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const again = await api(
      server(),
      'POST',
      `/api/elections/${election.electionId}/credentials/replace`,
      {
        token: election.adminKey,
        body: (await replacementRequest(election, replacement, 8)).body,
      }
    );
    assert.equal(errorCode(again), 'credential/already-used');

    const directory = await mkdtemp(join(tmpdir(), 'scrutineer-replaced-'));
    await writeRecordBundle(server().database, election.electionId, directory);
    const report = await verifyRecord(recordDirectory(directory));
    assert.deepEqual(
      report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
      []
    );
    const audit = bodyAs(
      auditLogResponse,
      await api(server(), 'GET', `/api/elections/${election.electionId}/audit-log`, {
        token: election.adminKey,
      })
    );
    assert.ok(audit.entries.some((e) => e.action === 'credential-locked'));
    assert.ok(audit.entries.some((e) => e.action === 'credential-replaced'));
  });

  it('never checks more than 5 answers for a credential, even in a concurrent burst', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const wrong = { ...voter, answers: { ...voter.answers, postcode: 'N1 9GU' } };
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => signInVoter(server(), election, wrong))
    );
    const codes = responses.map(errorCode);
    assert.equal(codes.filter((c) => c === 'auth/sign-in-failed').length, 5);
    assert.equal(codes.filter((c) => c === 'auth/credential-locked').length, 25);
    const rows = await server().database.query<{ failed_attempts: number }>(
      'SELECT failed_attempts FROM credentials WHERE election_id = $1',
      [election.electionId]
    );
    assert.equal(nth(rows, 0).failed_attempts, 5);
  });

  it('gives the attempts back after a right answer', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const wrong = { ...voter, answers: { ...voter.answers, postcode: 'N1 9GU' } };
    for (let i = 0; i < 4; i++) await signInVoter(server(), election, wrong);
    assert.equal((await signInVoter(server(), election, voter)).status, 200);
    for (let i = 0; i < 4; i++)
      assert.equal(errorCode(await signInVoter(server(), election, wrong)), 'auth/sign-in-failed');
    assert.equal((await signInVoter(server(), election, voter)).status, 200);
  });

  it('refuses stale or foreign challenges', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const forged = await api(server(), 'POST', `/api/elections/${election.electionId}/sign-in`, {
      body: {
        credential: voter.credential,
        answers: voter.answers,
        challenge: 'ab'.repeat(56),
        signature: '00'.repeat(64),
      },
    });
    assert.equal(errorCode(forged), 'auth/invalid-challenge');
    const other = await createTestElection(server().service, { voters: 1 });
    const foreign = bodyAs(
      challengeResponse,
      await api(server(), 'GET', `/api/elections/${other.electionId}/sign-in/challenge`)
    );
    const replayed = await api(server(), 'POST', `/api/elections/${election.electionId}/sign-in`, {
      body: {
        credential: voter.credential,
        answers: voter.answers,
        challenge: foreign.challenge,
        signature: '00'.repeat(64),
      },
    });
    assert.equal(errorCode(replayed), 'auth/invalid-challenge');
  });
});
