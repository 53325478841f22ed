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
import { AUDITS_PER_ADDRESS_PER_HOUR } from './audit-posts.ts';

forEachEngine('Benaloh audits', (engine) => {
  const server = suiteServer(engine);
  const { expectRefusal } = refusalChecks(server);

  it('F10: a device check is published without the session, and nothing the board keeps names the member', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const token = await sessionFor(server(), election, voter);
    const audited = openAuditedBallot(honestBallot(election.setup, voter, 0));
    // The booth's request: no bearer token, no credential anywhere in it.
    const published = await api(server(), 'POST', `/api/elections/${election.electionId}/audits`, {
      body: { audited },
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    assert.ok(!JSON.stringify({ audited }).includes(voter.credential));
    // Before: the audit needed the member's session, so the board saw credential → choices.
    const database = server().database;
    const columns = await database.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name IN ('audit_posts', 'credentials')`
    );
    const posts = columns.filter((c) => c.table_name === 'audit_posts').map((c) => c.column_name);
    assert.deepEqual(posts.sort(), ['address_key', 'election_id', 'id', 'posted_at']);
    assert.ok(
      !columns.some((c) => c.column_name.startsWith('audit')),
      'no audit count per credential'
    );
    const stored = await database.query<{ credential: string | null; body: string }>(
      "SELECT credential, body FROM ballots WHERE election_id = $1 AND kind = 'audited'",
      [election.electionId]
    );
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.credential, null);
    assert.ok(!JSON.stringify(stored).includes(voter.credential));
    // The member then casts with the session, as the booth does after a check.
    assert.equal((await castHonestBallot(server(), election, token, voter, 1)).status, 201);
  });

  it('F11: one address publishes at most the hourly cap of audited ballots, even in a burst', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const audit = (k: number) =>
      api(server(), 'POST', `/api/elections/${election.electionId}/audits`, {
        body: { audited: openAuditedBallot(honestBallot(election.setup, voter, k % 2)) },
      });
    // Before: 300 audits from one session in 2.5 s, every one a permanent board event.
    const burst = await Promise.all(
      Array.from({ length: AUDITS_PER_ADDRESS_PER_HOUR + 5 }, (_, k) => audit(k))
    );
    assert.equal(burst.filter((r) => r.status === 201).length, AUDITS_PER_ADDRESS_PER_HOUR);
    assert.ok(
      burst.every((r) => r.status === 201 || r.status === 429),
      JSON.stringify(burst.map((r) => r.body))
    );
    await expectRefusal(election, () => audit(99), 'ballot/audit-limit-reached', 429);
    // The cap spends nothing of the vote: the member can still cast.
    const token = await sessionFor(server(), election, voter);
    assert.equal((await castHonestBallot(server(), election, token, voter, 1)).status, 201);
  });
});
