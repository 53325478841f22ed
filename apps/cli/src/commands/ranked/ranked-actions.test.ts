/**
 * The ranked phase as the commands run it (spec §11.8), against a real server (PostgreSQL and PGlite): three
 * mixes, the trustees' rounds (a trustee who runs again before the round decrypts posts nothing),
 * the rankings and the count; a mixer out of turn is refused before anything is posted, a second
 * result by the board (`ranked/out-of-order`); the record verifies with V10 and V11 passed.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  failedChecksOf,
  forEachEngine,
  suiteServer,
  verifyPublishedRecord,
} from '@scrutineer/testkit';
import { talliedRankedElection } from '../../../test-fixtures/tallied-ranked-election.ts';
import { ApiError } from '../../client/server-client.ts';
import { postNextMix, postRankedCount, postRankedShares } from './ranked-actions.ts';

forEachEngine('the ranked commands', (engine) => {
  const server = suiteServer(engine);

  it('mixes, decrypts round by round and counts a ranked contest through the server', async () => {
    const { election, client, context, asOfficer } = await talliedRankedElection(server());
    const share = (trustee: number) => {
      const secretShare = election.trusteeShares.get(trustee);
      assert.ok(secretShare !== undefined);
      return { trustee, secretShare };
    };

    const mixerKey = (mixer: number) => election.mixerSecretKeys[mixer - 1] ?? 0n;
    await assert.rejects(postNextMix(context, 'leader', 2, mixerKey(2)), /mixer 2 is not next/);
    await assert.rejects(postRankedShares(context, 'leader', share(1)), /0 of 3 mixes/);
    for (const mixer of [1, 2, 3])
      assert.equal(await postNextMix(context, 'leader', mixer, mixerKey(mixer)), 3);
    await client.call('signCheckpoint', asOfficer);
    let rounds = 0;
    for (;;) {
      const first = await postRankedShares(context, 'leader', share(1));
      if (first === null) break;
      // Trustee 1 again before the round decrypts: nothing to post.
      assert.equal(await postRankedShares(context, 'leader', share(1)), null);
      assert.equal(await postRankedShares(context, 'leader', share(2)), first);
      rounds++;
    }
    assert.ok(rounds >= 2, `${rounds} rounds`);
    const result = await postRankedCount(context, 'leader');
    assert.equal(result.contestId, 'leader');
    await assert.rejects(
      client.call('postRankedResult', { ...asOfficer, body: result }),
      (error) => error instanceof ApiError && error.code === 'ranked/out-of-order'
    );

    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    for (const id of ['V10.2', 'V10.3', 'V10.4', 'V10.5', 'V10.6', 'V11.1', 'V11.2'])
      assert.ok(
        report.checks.some((check) => check.id === id && check.status === 'passed'),
        `${id} passed`
      );
  });
});
