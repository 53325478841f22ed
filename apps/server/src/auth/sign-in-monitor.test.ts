import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Database } from '../database/database.ts';
import { forEachEngine } from '@scrutineer/testkit';
import { type Reservation, SignInMonitor } from './sign-in-monitor.ts';

function monitorAt(database: Database, clock: { now: number }) {
  const alarms: Record<string, unknown>[] = [];
  const logger = {
    info() {},
    warn() {},
    error: (object: Record<string, unknown>) => alarms.push(object),
  };
  const monitor = new SignInMonitor(
    database,
    {
      maxFailuresPerIpPerHour: 3,
      maxAttemptsPerIpPerMinute: 6,
      baselineFailuresPerHour: 1,
      alarmMultiple: 2,
    },
    logger,
    () => clock.now
  );
  return { monitor, alarms };
}

const reserved = (outcome: Reservation | string): Reservation => {
  assert.equal(typeof outcome, 'object', JSON.stringify(outcome));
  return outcome as Reservation;
};

forEachEngine('the sign-in monitor', (engine) => {
  it('attempts in flight count towards the per-address limit, and are told apart from failures', async () => {
    const clock = { now: Date.UTC(2026, 0, 1) };
    const { monitor } = monitorAt(await engine.freshDatabase(), clock);
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await monitor.begin('10.0.0.1'));
    assert.deepEqual(
      first.map((outcome) => (typeof outcome === 'string' ? outcome : 'reserved')),
      ['reserved', 'reserved', 'reserved', 'too-many-in-flight']
    );
    assert.equal(
      typeof (await monitor.begin('10.0.0.2')),
      'object',
      'another address has its own budget'
    );
    for (const outcome of first.slice(0, 3)) await monitor.settle(reserved(outcome), false);
    clock.now += 61_000;
    for (let i = 0; i < 3; i++)
      await monitor.settle(reserved(await monitor.begin('10.0.0.1')), true);
    assert.equal(await monitor.begin('10.0.0.1'), 'too-many-failures');
    assert.equal(monitor.refusedTotal, 2);
    clock.now += 3_600_001;
    assert.equal(
      typeof (await monitor.begin('10.0.0.1')),
      'object',
      'failures older than an hour are forgotten'
    );
  });

  it('limits the attempts an address starts in a minute, whatever their outcome', async () => {
    const clock = { now: Date.UTC(2026, 0, 1) };
    const { monitor } = monitorAt(await engine.freshDatabase(), clock);
    for (let i = 0; i < 6; i++)
      await monitor.settle(reserved(await monitor.begin('10.0.0.9')), false);
    assert.equal(await monitor.begin('10.0.0.9'), 'too-many-attempts');
    clock.now += 60_001;
    assert.equal(typeof (await monitor.begin('10.0.0.9')), 'object');
  });

  it('the alarm fires once failures exceed the multiple of the baseline, and names no address', async () => {
    const clock = { now: Date.UTC(2026, 0, 1) };
    const database = await engine.freshDatabase();
    const { monitor, alarms } = monitorAt(database, clock);
    const fail = async (ip: string) => monitor.settle(reserved(await monitor.begin(ip)), true);
    await fail('10.0.0.1');
    await fail('10.0.0.2');
    assert.equal(alarms.length, 0);
    assert.equal((await monitor.state()).alarmActive, false);
    await fail('10.0.0.3');
    assert.equal(alarms.length, 1);
    assert.equal((await monitor.state()).alarmActive, true);
    assert.ok(!JSON.stringify(alarms).includes('10.0.0.'));
    await fail('10.0.0.4');
    assert.equal(alarms.length, 1, 'repeated at most every ten minutes');
    const stored = JSON.stringify(await database.query('SELECT * FROM sign_in_attempts'));
    assert.ok(!stored.includes('10.0.0.'), 'the database holds no address');
  });

  it('F18: attempts older than an hour are swept from the shared store', async () => {
    const clock = { now: Date.UTC(2026, 0, 1) };
    const database = await engine.freshDatabase();
    const { monitor } = monitorAt(database, clock);
    for (let i = 0; i < 5; i++)
      await monitor.settle(reserved(await monitor.begin(`10.1.0.${i}`)), i % 2 === 0);
    clock.now += 3_600_001;
    // The next attempt sweeps (at most once a minute per instance): only its own row remains.
    await monitor.begin('10.2.0.1');
    const rows = await database.query<{ n: unknown }>('SELECT count(*) AS n FROM sign_in_attempts');
    assert.equal(Number(rows[0]?.n), 1);
  });
});
