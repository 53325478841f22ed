import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RunningServer } from '../server.ts';
import {
  api,
  errorCode,
  signInVoter,
  nth,
  forEachEngine,
  type TestElection,
  createTestElection,
  makeVoter,
  startTestServer,
  testGroup,
  signedSignInRequest,
} from '@scrutineer/testkit';
import { hashSecurityAnswers } from '@scrutineer/protocol';

/** Argon2id slow enough (~0.2–0.5 s here) that a check on the event loop would be seen. */
const HEAVY = { memorySize: 32_768, iterations: 3, parallelism: 1, hashLength: 32 };

async function makeHeavy(server: RunningServer, election: TestElection, index: number) {
  const voter = nth(election.voters, index);
  const heavy = await hashSecurityAnswers(['dob', 'postcode'], voter.answers, HEAVY);
  await server.database.query(
    'UPDATE credentials SET answers_hash = $1 WHERE election_id = $2 AND credential = $3',
    [heavy, election.electionId, voter.credential]
  );
  return voter;
}

const wrongAnswers = { dob: '1900-01-01', postcode: 'XX1 1XX' };

/** The failed sign-in attempts each credential of the election has spent. */
async function failedAttempts(server: RunningServer, electionId: string): Promise<number[]> {
  const rows = await server.database.query<{ failed_attempts: number }>(
    'SELECT failed_attempts FROM credentials WHERE election_id = $1',
    [electionId]
  );
  return rows.map((row) => Number(row.failed_attempts));
}

forEachEngine('security-answer checks off the event loop', (engine) => {
  it('F7: a sign-in with a self-made key not on the list is refused without running Argon2id', async () => {
    const server = await startTestServer(await engine.freshDatabase());
    try {
      const election = await createTestElection(server.service, { voters: 1 });
      const group = await testGroup();
      for (let i = 0; i < 20; i++) {
        // The attacker's own key pair: the signature verifies, but the key is not on the list.
        const stranger = makeVoter(group, election.electionId, 100 + i);
        const response = await signInVoter(server, election, stranger);
        assert.equal(errorCode(response), 'auth/sign-in-failed');
      }
      assert.equal(server.service.answersPool?.checksTotal, 0, 'no Argon2id ran');
      // A member's wrong answers are still checked (and answered with the same code).
      const member = nth(election.voters, 0);
      const wrong = await signInVoter(server, election, { ...member, answers: wrongAnswers });
      assert.equal(errorCode(wrong), 'auth/sign-in-failed');
      assert.equal(server.service.answersPool?.checksTotal, 1);
    } finally {
      await server.close();
    }
  });

  it('F7: a slow answer check does not stall other requests (Argon2id runs on a worker thread)', async () => {
    const server = await startTestServer(await engine.freshDatabase());
    try {
      const election = await createTestElection(server.service, { voters: 1 });
      const member = await makeHeavy(server, election, 0);
      // Warm the worker up, so the measurement below is of a check, not of a thread starting.
      await signInVoter(server, election, { ...member, answers: wrongAnswers });
      // Order, not timing: had the check run on the event loop, the health request could be
      // answered only after it, so the sign-in's answer would come first.
      const answered: string[] = [];
      const signingIn = signInVoter(server, election, { ...member, answers: wrongAnswers }).then(
        (response) => {
          answered.push('sign-in');
          return response;
        }
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal((await api(server, 'GET', '/api/health')).status, 200);
      answered.push('health');
      assert.equal(errorCode(await signingIn), 'auth/sign-in-failed');
      assert.deepEqual(answered, ['health', 'sign-in']);
    } finally {
      await server.close();
    }
  });

  it('F7: checks beyond the queue bound are shed with 503 + Retry-After and spend no attempt', async () => {
    const server = await startTestServer(await engine.freshDatabase(), {
      answers: { threads: 1, maxWaiting: 0 },
    });
    try {
      const election = await createTestElection(server.service, { voters: 3 });
      const members = [0, 1, 2].map((k) => nth(election.voters, k));
      for (let k = 0; k < 3; k++) await makeHeavy(server, election, k);
      const responses = await Promise.all(
        members.map((member) => signInVoter(server, election, { ...member, answers: wrongAnswers }))
      );
      const shed = responses.filter((r) => errorCode(r) === 'server/unavailable');
      assert.ok(shed.length >= 1, JSON.stringify(responses.map((r) => r.body)));
      for (const response of shed) {
        assert.equal(response.status, 503);
        assert.ok(Number(response.headers.get('retry-after')) > 0);
      }
      const spent = (await failedAttempts(server, election.electionId)).reduce((a, b) => a + b, 0);
      assert.equal(spent, 3 - shed.length, 'a shed check spent no attempt');
    } finally {
      await server.close();
    }
  });
});

forEachEngine('sign-in challenges', (engine) => {
  it('F14: a captured sign-in request replayed is refused before it spends an attempt', async () => {
    const server = await startTestServer(await engine.freshDatabase());
    try {
      const election = await createTestElection(server.service, { voters: 1 });
      const member = nth(election.voters, 0);
      const base = `/api/elections/${election.electionId}`;
      const captured = await signedSignInRequest(server, election, {
        ...member,
        answers: wrongAnswers,
      });
      const first = await api(server, 'POST', `${base}/sign-in`, { body: captured });
      assert.equal(errorCode(first), 'auth/sign-in-failed');
      // Before: each replay spent another of the five attempts, and the fifth locked the member.
      for (let i = 0; i < 5; i++) {
        const replay = await api(server, 'POST', `${base}/sign-in`, { body: captured });
        assert.equal(errorCode(replay), 'auth/challenge-used');
      }
      assert.deepEqual(await failedAttempts(server, election.electionId), [1]);
      assert.equal((await signInVoter(server, election, member)).status, 200);
    } finally {
      await server.close();
    }
  });

  it('F14: a captured sign-in request sent with other answers is refused without spending an attempt', async () => {
    const server = await startTestServer(await engine.freshDatabase());
    try {
      const election = await createTestElection(server.service, { voters: 1 });
      const member = nth(election.voters, 0);
      const base = `/api/elections/${election.electionId}`;
      // The member's own request, captured (and held back) on the way to the board.
      const captured = await signedSignInRequest(server, election, member);
      // Before: the signature covered only the challenge, so the captured one carried guesses.
      for (let i = 0; i < 5; i++) {
        const guess = { dob: `1950-01-0${i + 1}`, postcode: 'AB1 2CD' };
        const replay = await api(server, 'POST', `${base}/sign-in`, {
          body: { ...captured, answers: guess },
        });
        assert.equal(errorCode(replay), 'auth/invalid-signature');
      }
      assert.deepEqual(await failedAttempts(server, election.electionId), [0]);
      // The held-back request itself still signs the member in: its challenge was never spent.
      const original = await api(server, 'POST', `${base}/sign-in`, { body: captured });
      assert.equal(original.status, 200);
    } finally {
      await server.close();
    }
  });
});
