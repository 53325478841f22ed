/**
 * The ranked commands against a board whose ranked request limit is smaller than one mix (spec
 * §11.8 "Staging"), PostgreSQL and PGlite: every mix goes through staging part by part; a mixer
 * killed after its first part resumes from its spool, stages only the parts the board lacks and
 * commits the same mix; a stale staging of another run is discarded first; the trustees' rounds
 * and the count follow, and the record verifies with V10 and V11 passed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import {
  failedChecksOf,
  forEachEngine,
  suiteServer,
  verifyPublishedRecord,
} from '@scrutineer/testkit';
import { talliedRankedElection } from '../../../test-fixtures/tallied-ranked-election.ts';
import { ServerClient } from '../../client/server-client.ts';
import { postNextMix, postRankedCount, postRankedShares } from './ranked-actions.ts';

/** Smaller than a mix of the test election's rows, larger than one row of it. */
const REQUEST_LIMIT = 2_500;

/** A client as a process killed after `parts` part uploads would act; counts its uploads. */
function killedAfter(url: string, parts: number) {
  const client = new ServerClient(url);
  const original = client.call;
  const calls = { stage: 0, discard: 0 };
  const call = ((name: string, args: never) => {
    if (name === 'discardRankedStep') calls.discard++;
    if (name === 'stageRankedPart' && ++calls.stage > parts)
      return Promise.reject(new Error('killed'));
    return original(name as never, args);
  }) as ServerClient['call'];
  Object.defineProperty(client, 'call', { value: call });
  return { client, calls };
}

forEachEngine('the ranked commands through staging', (engine) => {
  const server = suiteServer(engine, { rankedStaging: { request: REQUEST_LIMIT } });
  const spoolDir = mkdtempSync(join(tmpdir(), 'scrutineer-spool-test-'));
  after(() => rmSync(spoolDir, { recursive: true, force: true }));

  it('stages every mix, resumes a killed mixer, decrypts and counts; the record verifies', async () => {
    const { election, client, context, asOfficer } = await talliedRankedElection(server(), {
      spoolDir,
    });
    const mixerKey = (mixer: number) => election.mixerSecretKeys[mixer - 1] ?? 0n;
    const share = (trustee: number) => {
      const secretShare = election.trusteeShares.get(trustee);
      assert.ok(secretShare !== undefined);
      return { trustee, secretShare };
    };

    // Mixer 1 killed after its first part: the board holds one part, nothing is appended.
    const killed = killedAfter(server().url, 1);
    await assert.rejects(
      postNextMix({ ...context, client: killed.client }, 'leader', 1, mixerKey(1)),
      /killed/
    );
    const staging = await client.call('rankedStaging', {
      ...asOfficer,
      query: { step: 'mix/0/1' },
    });
    assert.deepEqual(
      staging.staged.map((s) => s.part),
      [0]
    );
    assert.ok(staging.parts !== null && staging.parts >= 2, `${staging.parts} parts`);
    const before = (await client.events(election.electionId)).length;

    // Run again: the same mix from the spool, only the missing parts sent, then committed.
    const resumed = killedAfter(server().url, Number.POSITIVE_INFINITY);
    assert.equal(
      await postNextMix({ ...context, client: resumed.client }, 'leader', 1, mixerKey(1)),
      3
    );
    assert.equal(resumed.calls.stage, staging.parts - 1);
    assert.equal(resumed.calls.discard, 0);
    const mixes = (await client.events(election.electionId)).filter((e) => e.type === 'mix');
    assert.equal(mixes.length, staging.parts);
    assert.equal(mixes[0]?.position, before);
    assert.deepEqual(
      (await client.call('rankedStaging', { ...asOfficer, query: { step: 'mix/0/1' } })).staged,
      []
    );

    // Mixer 2's staging left by a run whose spool is lost: another shuffle, so it is discarded.
    const lost = killedAfter(server().url, 1);
    await assert.rejects(
      postNextMix(
        { ...context, client: lost.client, spoolDir: join(spoolDir, 'lost') },
        'leader',
        2,
        mixerKey(2)
      ),
      /killed/
    );
    const fresh = killedAfter(server().url, Number.POSITIVE_INFINITY);
    assert.equal(
      await postNextMix({ ...context, client: fresh.client }, 'leader', 2, mixerKey(2)),
      3
    );
    assert.equal(fresh.calls.discard, 1);
    assert.equal(await postNextMix(context, 'leader', 3, mixerKey(3)), 3);

    await client.call('signCheckpoint', asOfficer);
    for (;;) {
      const first = await postRankedShares(context, 'leader', share(1));
      if (first === null) break;
      assert.equal(await postRankedShares(context, 'leader', share(2)), first);
    }
    await postRankedCount(context, 'leader');

    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    for (const id of ['V10.2', 'V10.3', 'V10.4', 'V10.5', 'V11.1', 'V11.2'])
      assert.ok(
        report.checks.some((check) => check.id === id && check.status === 'passed'),
        `${id} passed`
      );
  });
});
