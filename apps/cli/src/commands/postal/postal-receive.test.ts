/**
 * Regression tests of `scrutineer postal receive`'s client (spec §9.5.3) against a real server on
 * loopback: the officer, holding the admin key and the public record but no return slip, tries to
 * mark members' packs received. The election is set up in process; the returns go over HTTP
 * through the CLI's own code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bytesToHex, deriveCredentialKey, generateVotingCode } from '@scrutineer/crypto';
import { simulatedManifest, runTestCeremony } from '@scrutineer/testkit';
import { createCeremonyKey, generatePostalReturn } from '@scrutineer/protocol';
import {
  type RunningServer,
  closeElection,
  createElection,
  hashBearerKey,
  loadCredentials,
  openElection,
  startServer,
} from '@scrutineer/server';
import { hashSecurityAnswers } from '@scrutineer/protocol';
import { ServerClient } from '../../client/server-client.ts';
import { receivePostalPack, slipFromOptions } from './postal.ts';

const ADMIN_KEY = 'admin-key-for-the-postal-receive-test';
const CHEAP_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

interface Member {
  readonly credential: string;
  readonly returnSecret: string;
}

let server: RunningServer;
let electionId: string;
let members: Member[];

before(async () => {
  server = await startServer({
    database: join(mkdtempSync(join(tmpdir(), 'scrutineer-postal-receive-')), 'database'),
    port: 0,
    logger: false,
    checkpoints: { intervalMs: 0 },
  });
  const service = server.service;
  const group = service.group;
  electionId = 'postal-receive-test';
  const trusteeKeys = [createCeremonyKey(group, electionId, 1)];
  const { board: _board, ...draft } = simulatedManifest(group, {
    electionId,
    contests: [
      { id: 'leader', title: 'Leader', minSelections: 1, maxSelections: 1, candidates: ['A', 'B'] },
    ],
    trusteeKeys,
    threshold: 1,
    boardPublicKey: group.generator,
    voters: 3,
    policy: 'first-ballot-final',
    start: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  const { manifest } = await createElection(service, {
    draft,
    adminKeyHash: hashBearerKey(ADMIN_KEY),
  });
  await runTestCeremony(service, manifest, trusteeKeys);
  // The registrar's packs: each credential with its return secret; the board gets the commitment.
  const packs = [0, 1, 2].map(() => {
    const credential = bytesToHex(
      group.encodePoint(deriveCredentialKey(group, electionId, generateVotingCode()).publicKey)
    );
    return { credential, postalReturn: generatePostalReturn(credential) };
  });
  members = packs.map((p) => ({
    credential: p.credential,
    returnSecret: p.postalReturn.secret,
  }));
  await loadCredentials(
    service,
    electionId,
    await Promise.all(
      packs.map(async (p, i) => ({
        key: p.credential,
        answersHash: await hashSecurityAnswers(['dob'], { dob: `2000-01-0${i + 1}` }, CHEAP_ARGON2),
        returnCommitment: p.postalReturn.commitment,
      }))
    )
  );
  await openElection(service, electionId);
});

after(() => server.close());

const member = (i: number): Member => {
  const m = members[i];
  assert.ok(m !== undefined);
  return m;
};

test('F3: postal receive without the return slip’s secret is refused while voting is open', async () => {
  const client = new ServerClient(server.url);
  const target = member(0);
  const start = (await client.summary(electionId)).size;
  // The officer knows the credential (it is public) but not the secret on the slip.
  for (const guess of ['00'.repeat(16), member(1).returnSecret])
    assert.equal(
      await receivePostalPack(
        client,
        electionId,
        ADMIN_KEY,
        slipFromOptions({ credential: target.credential, returnSecret: guess })
      ),
      'postal/wrong-return-secret'
    );
  assert.throws(() => slipFromOptions({ credential: target.credential }), /--return-secret/);
  assert.equal((await client.summary(electionId)).size, start, 'nothing was appended');
  // The member's own slip, as scanned, is accepted.
  assert.equal(
    await receivePostalPack(
      client,
      electionId,
      ADMIN_KEY,
      slipFromOptions({
        slip: `RETURN2:${target.credential.toUpperCase()}:${target.returnSecret.toUpperCase()}`,
      })
    ),
    null
  );
  assert.equal((await client.summary(electionId)).size, start + 1);
});

test('F3: after the close, postal receive of an abstainer’s pack is refused, even with its slip', async () => {
  const client = new ServerClient(server.url);
  await closeElection(server.service, electionId);
  const abstainer = member(2);
  const before = (await client.summary(electionId)).size;
  assert.equal(
    await receivePostalPack(
      client,
      electionId,
      ADMIN_KEY,
      slipFromOptions({ credential: abstainer.credential, returnSecret: abstainer.returnSecret })
    ),
    'postal/after-close'
  );
  assert.equal((await client.summary(electionId)).size, before);
});
