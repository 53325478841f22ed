import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  api,
  castHonestBallot,
  errorCode,
  sessionFor,
  suiteServer,
  forEachEngine,
  createTestElection,
} from '@scrutineer/testkit';
import { listMigrations } from '../database/migrate.ts';

forEachEngine('overview routes', (engine) => {
  const server = suiteServer(engine);

  it('lists elections, counts voters by hour without a count per candidate, and has no declaration before the result', async () => {
    const election = await createTestElection(server().service, { voters: 3 });
    for (const voter of election.voters) {
      const token = await sessionFor(server(), election, voter);
      assert.equal((await castHonestBallot(server(), election, token, voter)).status, 201);
    }
    const list = await api(server(), 'GET', '/api/elections');
    assert.equal(list.status, 200);
    const listed = (list.body as { elections: { electionId: string; stage: string }[] }).elections;
    assert.equal(listed.find((e) => e.electionId === election.electionId)?.stage, 'open');

    const base = `/api/elections/${election.electionId}`;
    const hourly = await api(server(), 'GET', `${base}/turnout/hourly`);
    assert.equal(hourly.status, 200);
    const hours = (hourly.body as { hours: { hour: string; online: number; postal: number }[] })
      .hours;
    assert.equal(
      hours.reduce((sum, entry) => sum + entry.online, 0),
      3
    );
    assert.ok(hours.every((entry) => /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(entry.hour)));
    assert.deepEqual(Object.keys(hours[0] ?? {}).sort(), ['hour', 'online', 'postal']);

    const declaration = await api(server(), 'GET', `${base}/declaration`);
    assert.equal(errorCode(declaration), 'election/no-result');
    assert.equal(
      errorCode(await api(server(), 'GET', '/api/elections/no-such-one/turnout/hourly')),
      'election/not-found'
    );
  });

  it('is ready once every migration is applied', async () => {
    const ready = await api(server(), 'GET', '/api/ready');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { ready: true, migrations: listMigrations().length });
  });
});
