import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bytesToHex,
  deriveCredentialKey,
  loadFastestGroup,
  parseVotingCode,
} from '@scrutineer/crypto';
import { verifySecurityAnswers } from '@scrutineer/protocol';
import { MemberWorkers } from './member-workers.ts';

describe('MemberWorkers: members keyed and hashed on threads', () => {
  it('derives each member’s real credential and answers hash, in range order', async () => {
    const workers = new MemberWorkers(2);
    try {
      const electionId = 'e-members-test';
      const [first, second] = await Promise.all([
        workers.run({ kind: 'key', electionId, from: 0, count: 3 }),
        workers.run({ kind: 'key', electionId, from: 3, count: 2 }),
      ]);
      const voters = [...(first?.voters ?? []), ...(second?.voters ?? [])];
      const hashes = [...(first?.answersHashes ?? []), ...(second?.answersHashes ?? [])];
      assert.equal(voters.length, 5);
      assert.equal(hashes.length, 5);
      const group = await loadFastestGroup();
      for (const [i, voter] of voters.entries()) {
        assert.equal(voter.packId, `pack-${i}`);
        const parsed = parseVotingCode(voter.code);
        assert.ok(parsed.ok);
        const pair = deriveCredentialKey(group, electionId, parsed.value);
        assert.equal(voter.secretKey, pair.secretKey);
        assert.equal(voter.credential, bytesToHex(group.encodePoint(pair.publicKey)));
        assert.equal(
          await verifySecurityAnswers(['dob', 'postcode'], voter.answers, hashes[i] ?? ''),
          true
        );
      }
      assert.equal(new Set(voters.map((v) => v.credential)).size, 5);
    } finally {
      await workers.close();
    }
  });

  it('reports a thread’s failure to the job, and refuses jobs once closed', async () => {
    const workers = new MemberWorkers(1);
    await assert.rejects(
      workers.run({ kind: 'encrypt', voters: [], choices: [] }),
      /encrypt before the election was opened/
    );
    await workers.close();
    await assert.rejects(
      workers.run({ kind: 'key', electionId: 'e-x', from: 0, count: 1 }),
      /closed/
    );
  });
});
