import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignInMonitor } from './sign-in-monitor.ts';

function monitorAt(clock: { now: number }) {
  const alarms: Record<string, unknown>[] = [];
  const logger = {
    info() {},
    warn() {},
    error: (object: Record<string, unknown>) => alarms.push(object),
  };
  const monitor = new SignInMonitor(
    { maxFailuresPerIpPerHour: 3, baselineFailuresPerHour: 1, alarmMultiple: 2 },
    logger,
    () => clock.now
  );
  return { monitor, alarms };
}

test('attempts in flight count towards the per-IP limit, and are told apart from failures', () => {
  const clock = { now: 0 };
  const { monitor } = monitorAt(clock);
  assert.deepEqual(
    [1, 2, 3, 4].map(() => monitor.begin('10.0.0.1')),
    ['reserved', 'reserved', 'reserved', 'too-many-in-flight']
  );
  assert.equal(monitor.begin('10.0.0.2'), 'reserved', 'another address has its own budget');
  for (let i = 0; i < 3; i++) monitor.settle('10.0.0.1', false);
  assert.equal(monitor.begin('10.0.0.1'), 'reserved', 'successes free the slots');
  monitor.settle('10.0.0.1', true);
  monitor.begin('10.0.0.1');
  monitor.settle('10.0.0.1', true);
  monitor.begin('10.0.0.1');
  monitor.settle('10.0.0.1', true);
  assert.equal(monitor.begin('10.0.0.1'), 'too-many-failures');
  assert.equal(monitor.refusedTotal, 2);
  clock.now += 3_600_001;
  assert.equal(monitor.begin('10.0.0.1'), 'reserved', 'failures older than an hour are forgotten');
});

test('the alarm fires once failures exceed the multiple of the baseline, and names no address', () => {
  const clock = { now: 0 };
  const { monitor, alarms } = monitorAt(clock);
  monitor.recordFailure('10.0.0.1');
  monitor.recordFailure('10.0.0.2');
  assert.equal(alarms.length, 0);
  assert.equal(monitor.state().alarmActive, false);
  monitor.recordFailure('10.0.0.3');
  assert.equal(alarms.length, 1);
  assert.equal(monitor.state().alarmActive, true);
  assert.ok(!JSON.stringify(alarms).includes('10.0.0.'));
  monitor.recordFailure('10.0.0.4');
  assert.equal(alarms.length, 1, 'repeated at most every ten minutes');
});
