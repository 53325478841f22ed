/**
 * The board's rules for the decryption rehearsal (spec §8.10) and cancellation (spec §9.6.2),
 * over the real HTTP API: a rehearsal share is accepted only between the key and the open, once
 * per trustee, with a proof against that trustee's verification key; a cancellation needs a
 * reason, ends the election, and nothing is accepted after it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  completeCeremony,
  createRehearsalShare,
  dealCeremonyShares,
  electionKeyBody,
} from '@scrutineer/protocol';
import {
  allEvents,
  api,
  errorCode,
  suiteServer,
  forEachEngine,
  createUnkeyedElection,
} from '@scrutineer/testkit';

forEachEngine('the decryption rehearsal and cancellation on the board', (engine) => {
  const server = suiteServer(engine);

  it('accepts proven rehearsal shares once each, refuses a wrong one, and after a cancellation refuses everything', async () => {
    const { service } = server();
    const group = service.group;
    const { electionId, manifest, adminKey, trusteeKeys } = await createUnkeyedElection(service, {
      trustees: 3,
      threshold: 2,
    });
    const base = `/api/elections/${electionId}`;
    const trusteePost = (type: string, body: unknown) =>
      api(server(), 'POST', `${base}/trustee-messages`, { body: { type, body } });
    const cancel = (body: unknown) =>
      api(server(), 'POST', `${base}/cancel`, { token: adminKey, body });
    const dealings = trusteeKeys.map((key) => dealCeremonyShares(group, manifest, key));
    const { ceremony, trusteeShares } = completeCeremony(group, manifest, trusteeKeys, dealings);
    const rehearsal = (signer: number, shareOf: number) =>
      createRehearsalShare(
        group,
        manifest,
        electionKeyBody(group, ceremony).publicKey,
        trusteeKeys[signer - 1] as (typeof trusteeKeys)[number],
        trusteeShares.get(shareOf) ?? 0n
      );

    for (const d of dealings) {
      assert.equal((await trusteePost('trustee-commitments', d.commitments)).status, 201);
      assert.equal((await trusteePost('trustee-shares', d.shares)).status, 201);
    }
    // Before the key: nothing to rehearse against.
    assert.equal(
      errorCode(await trusteePost('rehearsal-share', rehearsal(1, 1))),
      'election/wrong-stage'
    );
    const keyed = await api(server(), 'POST', `${base}/election-key`, {
      token: adminKey,
      body: electionKeyBody(group, ceremony),
    });
    assert.equal(keyed.status, 201, JSON.stringify(keyed.body));

    assert.equal((await trusteePost('rehearsal-share', rehearsal(1, 1))).status, 201);
    assert.equal(
      errorCode(await trusteePost('rehearsal-share', rehearsal(1, 1))),
      'trustee/duplicate-message'
    );
    // Trustee 2 signs a decryption made with trustee 3's share: a mixed-up key file.
    const wrong = await trusteePost('rehearsal-share', rehearsal(2, 3));
    assert.equal(errorCode(wrong), 'rehearsal/invalid-share', JSON.stringify(wrong.body));
    assert.equal((await trusteePost('rehearsal-share', rehearsal(2, 2))).status, 201);

    assert.equal(errorCode(await cancel({ reason: '   ' })), 'request/invalid-body');
    const before = (await allEvents(server(), electionId)).length;
    const cancelled = await cancel({ reason: 'Two trustees cannot attend the count.' });
    assert.equal(cancelled.status, 201, JSON.stringify(cancelled.body));
    const after = await allEvents(server(), electionId);
    assert.equal(after.length, before + 1);
    assert.equal(after.at(-1)?.type, 'election-cancelled');
    // Nothing after it: no rehearsal, no second cancellation, no opening.
    assert.equal(
      errorCode(await trusteePost('rehearsal-share', rehearsal(3, 3))),
      'election/wrong-stage'
    );
    assert.equal(errorCode(await cancel({ reason: 'again' })), 'election/wrong-stage');
    const open = await api(server(), 'POST', `${base}/open`, { token: adminKey });
    assert.notEqual(open.status, 201);
    assert.equal((await allEvents(server(), electionId)).length, before + 1);
  });
});
