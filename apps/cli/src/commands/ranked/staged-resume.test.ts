/**
 * The ranked commands against a board whose ranked request limit is smaller than one mix (spec
 * §11.8 "Staging"), PostgreSQL and PGlite: every mix goes through staging part by part; a mixer
 * killed after its first part resumes from its spool, stages only the parts the board lacks and
 * commits the same mix, three parts at a time; a stale staging of another run is discarded first;
 * a mixer and a trustee whose commit was appended but whose answer was lost run again and are
 * done, nothing appended twice; the trustees' rounds and the count follow, and the record
 * verifies with V10 and V11 passed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * A client as a process killed after `parts` part uploads would act (or, with `loseCommit`, one
 * whose commit reaches the board but whose answer is lost); counts its uploads and commits.
 */
function killedAfter(url: string, parts: number, loseCommit = false) {
  const client = new ServerClient(url);
  const original = client.call;
  const calls = { stage: 0, discard: 0, commit: 0 };
  const call = (async (name: string, args: never) => {
    if (name === 'discardRankedStep') calls.discard++;
    if (name === 'stageRankedPart' && ++calls.stage > parts) throw new Error('killed');
    if (name === 'commitRankedStep') {
      calls.commit++;
      if (loseCommit) {
        await original(name as never, args);
        throw new Error('answer lost');
      }
    }
    return original(name as never, args);
  }) as unknown as ServerClient['call'];
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

    // Mixer 1 killed after its first part, three parts in flight: the board holds that part
    // alone, nothing is appended.
    const killed = killedAfter(server().url, 1);
    await assert.rejects(
      postNextMix({ ...context, client: killed.client, concurrency: 3 }, 'leader', 1, mixerKey(1)),
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
    assert.ok(staging.parts !== null && staging.parts >= 3, `${staging.parts} parts`);
    const before = (await client.events(election.electionId)).length;

    // Run again: the same mix from the spool, only the missing parts sent (three at a time),
    // then committed.
    const resumed = killedAfter(server().url, Number.POSITIVE_INFINITY);
    assert.equal(
      await postNextMix(
        { ...context, client: resumed.client, concurrency: 3 },
        'leader',
        1,
        mixerKey(1)
      ),
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

    // Mixer 3's commit appended, its answer lost: the run fails, its spool is left.
    const lost3 = killedAfter(server().url, Number.POSITIVE_INFINITY, true);
    await assert.rejects(
      postNextMix({ ...context, client: lost3.client }, 'leader', 3, mixerKey(3)),
      /answer lost/
    );
    const mixer3 = async () =>
      (await client.events(election.electionId)).filter(
        (e) => e.type === 'mix' && (e.body as { mixer: number }).mixer === 3
      );
    const appended3 = await mixer3();
    assert.ok(appended3.length > 0);
    const head = (await client.events(election.electionId)).length;
    // Run again: the board answers the commit of this very upload as before; done, nothing sent
    // but the commit, nothing appended, the spool removed.
    const logs: string[] = [];
    const again = killedAfter(server().url, Number.POSITIVE_INFINITY);
    assert.equal(
      await postNextMix(
        { ...context, client: again.client, log: (m) => logs.push(m) },
        'leader',
        3,
        mixerKey(3)
      ),
      3
    );
    assert.deepEqual(again.calls, { stage: 0, discard: 0, commit: 1 });
    assert.ok(logs.includes('Mixer 3 mixed 3 row(s) of contest leader.'), logs.join('\n'));
    assert.equal((await client.events(election.electionId)).length, head);
    assert.deepEqual(await mixer3(), appended3);
    assert.equal(existsSync(join(spoolDir, `${election.electionId}-mix-0-3.json`)), false);
    // Once more, with no spool left: mixer 3 is not next.
    await assert.rejects(postNextMix(context, 'leader', 3, mixerKey(3)), /mixer 3 is not next/);

    await client.call('signCheckpoint', asOfficer);
    // Trustee 1's shares of round 0 appended, the answer lost; the run again counts them posted.
    const lostShares = killedAfter(server().url, Number.POSITIVE_INFINITY, true);
    await assert.rejects(
      postRankedShares({ ...context, client: lostShares.client }, 'leader', share(1)),
      /answer lost/
    );
    const shares = (await client.events(election.electionId)).length;
    const confirm = killedAfter(server().url, Number.POSITIVE_INFINITY);
    assert.equal(
      await postRankedShares({ ...context, client: confirm.client }, 'leader', share(1)),
      0
    );
    assert.deepEqual(confirm.calls, { stage: 0, discard: 0, commit: 1 });
    assert.equal((await client.events(election.electionId)).length, shares);
    assert.equal(await postRankedShares(context, 'leader', share(1)), null);
    assert.equal(await postRankedShares(context, 'leader', share(2)), 0);
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
