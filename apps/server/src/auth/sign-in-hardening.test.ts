import assert from 'node:assert/strict';
import { it } from 'node:test';
import { signSignIn } from '@scrutineer/record';
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
  bodyAs,
} from '@scrutineer/testkit';
import { challengeResponse } from '@scrutineer/api-contract';
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

forEachEngine('security-answer checks off the event loop', (engine) => {
  it('F7: a sign-in with a self-made key not on the list is refused without running Argon2id', async () => {
    const server = await startTestServer(await engine.freshDatabase());
    try {
      const election = await createTestElection(server.service, { voters: 1 });
      const group = await testGroup();
      const base = `/api/elections/${election.electionId}`;
      for (let i = 0; i < 20; i++) {
        // The attacker's own key pair: the signature verifies, but the key is not on the list.
        const stranger = makeVoter(group, election.electionId, 100 + i);
        const { challenge } = bodyAs(
          challengeResponse,
          await api(server, 'GET', `${base}/sign-in/challenge`)
        );
        const signature = signSignIn(
          group,
          election.manifestHash,
          election.electionId,
          challenge,
          stranger.answers,
          stranger.secretKey
        );
        const response = await api(server, 'POST', `${base}/sign-in`, {
          body: {
            credential: stranger.credential,
            answers: stranger.answers,
            challenge,
            signature,
          },
        });
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
      const attempts = await server.database.query<{ failed_attempts: number }>(
        'SELECT failed_attempts FROM credentials WHERE election_id = $1',
        [election.electionId]
      );
      const spent = attempts.reduce((sum, row) => sum + Number(row.failed_attempts), 0);
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
      const group = await testGroup();
      const base = `/api/elections/${election.electionId}`;
      const { challenge } = bodyAs(
        challengeResponse,
        await api(server, 'GET', `${base}/sign-in/challenge`)
      );
      const signature = signSignIn(
        group,
        election.manifestHash,
        election.electionId,
        challenge,
        wrongAnswers,
        member.secretKey
      );
      const captured = {
        credential: member.credential,
        answers: wrongAnswers,
        challenge,
        signature,
      };
      const first = await api(server, 'POST', `${base}/sign-in`, { body: captured });
      assert.equal(errorCode(first), 'auth/sign-in-failed');
      // Before: each replay spent another of the five attempts, and the fifth locked the member.
      for (let i = 0; i < 5; i++) {
        const replay = await api(server, 'POST', `${base}/sign-in`, { body: captured });
        assert.equal(errorCode(replay), 'auth/challenge-used');
      }
      const [row] = await server.database.query<{ failed_attempts: number }>(
        'SELECT failed_attempts FROM credentials WHERE election_id = $1',
        [election.electionId]
      );
      assert.equal(Number(row?.failed_attempts), 1);
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
      const group = await testGroup();
      const base = `/api/elections/${election.electionId}`;
      const { challenge } = bodyAs(
        challengeResponse,
        await api(server, 'GET', `${base}/sign-in/challenge`)
      );
      // The member's own request, captured (and held back) on the way to the board.
      const captured = {
        credential: member.credential,
        answers: member.answers,
        challenge,
        signature: signSignIn(
          group,
          election.manifestHash,
          election.electionId,
          challenge,
          member.answers,
          member.secretKey
        ),
      };
      // Before: the signature covered only the challenge, so the captured one carried guesses.
      for (let i = 0; i < 5; i++) {
        const guess = { dob: `1950-01-0${i + 1}`, postcode: 'AB1 2CD' };
        const replay = await api(server, 'POST', `${base}/sign-in`, {
          body: { ...captured, answers: guess },
        });
        assert.equal(errorCode(replay), 'auth/invalid-signature');
      }
      const [row] = await server.database.query<{ failed_attempts: number }>(
        'SELECT failed_attempts FROM credentials WHERE election_id = $1',
        [election.electionId]
      );
      assert.equal(Number(row?.failed_attempts), 0);
      // The held-back request itself still signs the member in: its challenge was never spent.
      const original = await api(server, 'POST', `${base}/sign-in`, { body: captured });
      assert.equal(original.status, 200);
    } finally {
      await server.close();
    }
  });
});
