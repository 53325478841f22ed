/**
 * @module The guessing attack (docs/threat-model.md A18 B2–B4) at a reduced size: 800 code
 * guesses over real HTTP from 20 loopback addresses against the production per-IP limits,
 * with the alarm baseline lowered so that a few hundred failures raise it. `npm run guessing`
 * runs 10^6. Registered by hostile.test.ts, so both suites share one PGlite instance.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestEngine } from '@scrutineer/testkit';
import { type GuessingReport, runGuessingAttack } from './guessing-attack.ts';
import {
  type GuessingSetup,
  honestSignInStatus,
  readMetrics,
  startGuessingTarget,
} from './guessing-target.ts';

const ADDRESSES = 20;
const GUESSES = 800;
const PER_IP = 10;
export function describeGuessing(engine: TestEngine): void {
  void describe(`online code guessing [${engine.engine}]`, () => {
    let setup: GuessingSetup;
    let report: GuessingReport;
    before(async () => {
      setup = await startGuessingTarget(await engine.freshDatabase(), {
        voters: 3,
        monitor: { maxFailuresPerIpPerHour: PER_IP, baselineFailuresPerHour: 20, alarmMultiple: 5 },
      });
      report = await runGuessingAttack(setup.target, {
        guesses: GUESSES,
        addresses: ADDRESSES,
        concurrency: 16,
      });
    });
    after(() => setup.server.close());

    void it('lets no guess in, and answers every one with a refusal it names', () => {
      assert.equal(report.guesses, GUESSES);
      assert.equal(report.successes, 0);
      assert.deepEqual(report.other, {});
      assert.equal(
        report.verified + report.refusedByFailureLimit + report.refusedByRateLimit,
        report.guesses
      );
    });

    void it('verifies at most the per-IP failure limit from each address, and refuses the rest early', () => {
      assert.ok(report.verified <= ADDRESSES * PER_IP, `${report.verified} verified`);
      // Every address reached its limit: 40 guesses each, 30 a minute pass the route limiter.
      assert.equal(report.verified, ADDRESSES * PER_IP);
      assert.ok(report.refusedByFailureLimit > 0 && report.refusedByRateLimit > 0);
    });

    void it('raises the alarm as a log line and in the metrics', async () => {
      const alarms = setup.logLines.filter((line) => line.includes('"alarm":"sign-in-failures"'));
      assert.equal(alarms.length, 1, 'one alarm line (repeated at most every ten minutes)');
      const metrics = await readMetrics(setup.server);
      assert.equal(metrics.get('scrutineer_sign_in_failures_total'), report.verified);
      assert.equal(metrics.get('scrutineer_sign_in_refused_total'), report.refusedByFailureLimit);
      assert.equal(metrics.get('scrutineer_sign_in_alarms_total'), 1);
      assert.equal(metrics.get('scrutineer_sign_in_alarm_active'), 1);
      assert.ok(!setup.logLines.join('').includes('127.1.'), 'no attacking address is logged');
    });

    void it('leaves members on other addresses able to sign in', async () => {
      assert.equal(await honestSignInStatus(setup), 200);
    });

    void it('holds the per-IP limit against a burst of concurrent guesses from one address', async () => {
      // Regression: the limit once counted only finished failures, so 30 guesses in flight at once
      // were all verified.
      const burst = await runGuessingAttack(setup.target, {
        guesses: 30,
        addresses: 1,
        firstAddress: 1000,
        concurrency: 30,
        socketsPerAddress: 30,
      });
      assert.equal(burst.successes, 0);
      assert.equal(burst.verified, PER_IP);
      assert.equal(burst.refusedByFailureLimit, 30 - PER_IP);
    });
  });
}
