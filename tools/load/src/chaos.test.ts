/**
 * The short fault soak (the long one is `npm run chaos`): while members cast at a
 * steady rate, the server process is SIGKILLed twice and restarted. PostgreSQL is never restarted
 * here — other suites share it. Every acknowledged ballot must be on the board under its receipt,
 * none twice, none committed without a receipt, resent ballots get their receipts again, and the
 * closed, tallied record passes the independent verifier with counts equal to the receipts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runChaos } from './chaos-soak.ts';

describe('chaos: the server SIGKILLed while ballots are cast', () => {
  it('loses no acknowledged ballot, duplicates none, and the tally equals the receipts', async () => {
    const voters = 240;
    const summary = await runChaos({
      voters,
      durationSeconds: 30,
      killEverySeconds: [5, 8],
      postgresRestarts: 0,
      concurrency: 8,
      verifyThreads: 1,
      rate: voters / 28,
      database: 'scrutineer_chaos_test',
      log: () => undefined,
    });
    assert.ok(summary.kills >= 2, `${summary.kills} kills`);
    // Members not started before the deadline never vote; every one started got a receipt.
    assert.ok(summary.acknowledged > voters / 4, `${summary.acknowledged} acknowledged`);
    assert.equal(summary.acknowledged, summary.ballotsSent);
    assert.equal(summary.missing, 0);
    assert.equal(summary.duplicates, 0);
    assert.equal(summary.committedWithoutReceipt, 0);
    assert.equal(summary.resentDifferentReceipt, 0);
    assert.ok(summary.retriedBallots > 0, 'a kill cut some casts');
    assert.deepEqual(summary.tally.published, summary.tally.fromReceipts);
    assert.deepEqual(summary.verifier.failed, []);
    assert.equal(summary.verifier.stage, 'final');
    assert.equal(summary.ok, true);
  });
});
