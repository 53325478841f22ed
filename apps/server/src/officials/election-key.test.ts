/**
 * The board accepts as `election-key` only the conclusion of the trustees' ceremony on it (spec
 * §7.6, §9.5): the officer posts over the real HTTP API, the trustees post their signed messages
 * the same way.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bytesToHex, randomScalar } from '@scrutineer/crypto';
import {
  createUnkeyedElection,
  allEvents,
  api,
  errorCode,
  suiteServer,
  forEachEngine,
} from '@scrutineer/testkit';
import { completeCeremony, dealCeremonyShares, electionKeyBody } from '@scrutineer/protocol';

forEachEngine("the board's election-key rule", (engine) => {
  const server = suiteServer(engine);

  it('F2: the officer cannot publish a key of their own, nor alter Q or a Vₗ; only the ceremony’s key is accepted', async () => {
    const { service } = server();
    const group = service.group;
    const { electionId, manifest, adminKey, trusteeKeys } = await createUnkeyedElection(service, {
      trustees: 3,
      threshold: 2,
    });
    const base = `/api/elections/${electionId}`;
    const postKey = (body: unknown) =>
      api(server(), 'POST', `${base}/election-key`, { token: adminKey, body });
    const dealings = trusteeKeys.map((key) => dealCeremonyShares(group, manifest, key));
    const { ceremony } = completeCeremony(group, manifest, trusteeKeys, dealings);
    const honest = electionKeyBody(group, ceremony);
    const hex = (scalar: bigint) => bytesToHex(group.encodePoint(group.multiplyBase(scalar)));

    for (const d of dealings) {
      const posted = await api(server(), 'POST', `${base}/trustee-messages`, {
        body: { type: 'trustee-commitments', body: d.commitments },
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
    }
    // Before the shares are on the board the ceremony concludes to nothing: no key at all.
    const early = await postKey(honest);
    assert.equal(errorCode(early), 'election/ceremony-not-concluded', JSON.stringify(early.body));
    for (const d of dealings) {
      const posted = await api(server(), 'POST', `${base}/trustee-messages`, {
        body: { type: 'trustee-shares', body: d.shares },
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
    }

    // The attack: a key whose secret the officer drew, with verification keys to match it.
    const secret = randomScalar();
    const selfMade = {
      qualified: [1, 2, 3],
      publicKey: hex(secret),
      verificationKeys: [1n, 2n, 3n].map((l) => hex(secret + l)),
    };
    const refused = await postKey(selfMade);
    assert.equal(refused.status, 409);
    assert.equal(errorCode(refused), 'election/key-not-from-ceremony');
    const message = (refused.body as { error: { message: string } }).error.message;
    assert.match(message, /does not follow from the trustees' ceremony/);
    assert.match(message, /publicKey, verificationKeys\[1\], verificationKeys\[2\]/);

    // The right K but one Vₗ of the officer's (a share it could then fake), or a smaller Q.
    const oneV = {
      ...honest,
      verificationKeys: honest.verificationKeys.map((v, i) => (i === 1 ? hex(secret) : v)),
    };
    const refusedV = await postKey(oneV);
    assert.equal(errorCode(refusedV), 'election/key-not-from-ceremony');
    assert.match(JSON.stringify(refusedV.body), /\(verificationKeys\[2\] differ/);
    const refusedQ = await postKey({ ...honest, qualified: [1, 2] });
    assert.equal(errorCode(refusedQ), 'election/key-not-from-ceremony');
    assert.match(JSON.stringify(refusedQ.body), /\(qualified differ/);

    const events = await allEvents(server(), electionId);
    assert.equal(events.filter((e) => e.type === 'election-key').length, 0, 'nothing appended');
    const accepted = await postKey(honest);
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const keyEvent = (await allEvents(server(), electionId)).find((e) => e.type === 'election-key');
    assert.deepEqual(keyEvent?.body, honest);
  });
});
