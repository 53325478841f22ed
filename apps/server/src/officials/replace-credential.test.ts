import assert from 'node:assert/strict';
import { it } from 'node:test';
import { randomScalar } from '@scrutineer/crypto';
import { summarySchema } from '@scrutineer/api-contract';
import {
  api,
  bodyAs,
  castHonestBallot,
  errorCode,
  headHash,
  sessionFor,
  signInVoter,
  nth,
  replacementRequest,
  suiteServer,
  forEachEngine,
  type TestElection,
  createTestElection,
} from '@scrutineer/testkit';

forEachEngine('replacement packs need the registrar (spec §9.2.7, §9.5)', (engine) => {
  const server = suiteServer(engine);
  const replace = (election: TestElection, body: unknown, token = election.adminKey) =>
    api(server(), 'POST', `/api/elections/${election.electionId}/credentials/replace`, {
      token,
      body,
    });

  it('F4: the officer alone cannot replace a credential: no approval, or one signed by a key not in the manifest', async () => {
    const election = await createTestElection(server().service, { voters: 3, replacements: {} });
    const victim = nth(election.voters, 2);
    const before = await headHash(server(), election.electionId);

    // The attack of the review: the officer revokes an unused credential and lists a key whose
    // code the officer made, approving it with a key of the officer's own.
    const forged = await replacementRequest(election, victim, 10, { signer: randomScalar() });
    assert.equal(errorCode(await replace(election, forged.body)), 'replacement/invalid-approval');
    const { approval: _approval, ...unapproved } = forged.body;
    assert.equal(errorCode(await replace(election, unapproved)), 'request/invalid-body');
    // A genuine approval for one member does not replace another's credential, nor another key.
    const genuine = await replacementRequest(election, nth(election.voters, 1), 11);
    assert.equal(
      errorCode(
        await replace(election, { ...genuine.body, revoke: { credential: victim.credential } })
      ),
      'replacement/invalid-approval'
    );
    assert.equal(
      errorCode(
        await replace(election, {
          ...genuine.body,
          replacement: { ...genuine.body.replacement, key: forged.voter.credential },
        })
      ),
      'replacement/invalid-approval'
    );
    assert.equal(
      errorCode(await replace(election, { ...genuine.body, reason: 'compromised' })),
      'replacement/invalid-approval'
    );
    // Nothing changed: the board is as it was and the member still votes with the real pack.
    assert.deepEqual(await headHash(server(), election.electionId), before);
    assert.equal(
      errorCode(await signInVoter(server(), election, forged.voter)),
      'auth/sign-in-failed'
    );
    const token = await sessionFor(server(), election, victim);
    const cast = await castHonestBallot(server(), election, token, victim);
    assert.equal(cast.status, 201, JSON.stringify(cast.body));

    // Without `replacements` in the manifest even the registrar's signature replaces nothing.
    const closed = await createTestElection(server().service, { voters: 2 });
    const attempt = await replacementRequest(closed, nth(closed.voters, 1), 12, {
      signer: randomScalar(),
    });
    assert.equal(errorCode(await replace(closed, attempt.body)), 'replacement/not-allowed');
  });

  it('F4: replacements over the manifest limit are refused, and the count by reason is public', async () => {
    const election = await createTestElection(server().service, {
      voters: 3,
      replacements: { limit: 1 },
    });
    const first = await replacementRequest(election, nth(election.voters, 0), 20, {
      reason: 'damaged',
    });
    const accepted = await replace(election, first.body);
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const before = await headHash(server(), election.electionId);
    const second = await replacementRequest(election, nth(election.voters, 1), 21);
    assert.equal(errorCode(await replace(election, second.body)), 'replacement/limit-reached');
    assert.deepEqual(await headHash(server(), election.electionId), before);
    const summary = bodyAs(
      summarySchema,
      await api(server(), 'GET', `/api/elections/${election.electionId}`)
    );
    assert.deepEqual(summary.replacements, {
      total: 1,
      byReason: { lost: 0, damaged: 1, 'not-received': 0, 'locked-out': 0, compromised: 0 },
    });
  });

  it('F4: no replacement inside the cutoff before the close', async () => {
    // The window closes a week after it opened, an hour ago: a cutoff of eight days covers now.
    const election = await createTestElection(server().service, {
      voters: 2,
      replacements: { stopsBeforeClose: 8 * 24 * 3600 },
    });
    const before = await headHash(server(), election.electionId);
    const request = await replacementRequest(election, nth(election.voters, 0), 30);
    assert.equal(
      errorCode(await replace(election, request.body)),
      'replacement/too-close-to-close'
    );
    assert.deepEqual(await headHash(server(), election.electionId), before);
    assert.equal((await signInVoter(server(), election, nth(election.voters, 0))).status, 200);
  });
});
