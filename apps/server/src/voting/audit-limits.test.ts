import assert from 'node:assert/strict';
import { it } from 'node:test';
import { openAuditedBallot } from '@scrutineer/protocol';
import {
  api,
  castHonestBallot,
  refusalChecks,
  sessionFor,
  honestBallot,
  nth,
  suiteServer,
  forEachEngine,
  createTestElection,
} from '@scrutineer/testkit';
import { MAX_AUDITS_PER_CREDENTIAL } from './audit-ballot.ts';

forEachEngine('Benaloh audits per credential', (engine) => {
  const server = suiteServer(engine);
  const { expectRefusal } = refusalChecks(server);

  it('F11: one session publishes at most the cap of audited ballots, even in a burst', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const audit = (k: number) =>
      api(server(), 'POST', `/api/elections/${election.electionId}/audits`, {
        token,
        body: { audited: openAuditedBallot(honestBallot(election.setup, voter, k % 2)) },
      });
    // Before: 300 audits from one session in 2.5 s, every one a permanent board event.
    const burst = await Promise.all(
      Array.from({ length: MAX_AUDITS_PER_CREDENTIAL + 5 }, (_, k) => audit(k))
    );
    assert.equal(burst.filter((r) => r.status === 201).length, MAX_AUDITS_PER_CREDENTIAL);
    assert.ok(
      burst.every((r) => r.status === 201 || r.status === 429),
      JSON.stringify(burst.map((r) => r.body))
    );
    await expectRefusal(election, () => audit(99), 'ballot/audit-limit-reached', 429);
    // The cap spends nothing of the vote: the member can still cast.
    assert.equal((await castHonestBallot(server(), election, token, voter, 1)).status, 201);
  });

  it('F11: a credential that has cast publishes no more audits', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    assert.equal((await castHonestBallot(server(), election, token, voter)).status, 201);
    await expectRefusal(
      election,
      () =>
        api(server(), 'POST', `/api/elections/${election.electionId}/audits`, {
          token,
          body: { audited: openAuditedBallot(honestBallot(election.setup, voter, 1)) },
        }),
      'ballot/audit-after-vote',
      409
    );
  });
});
