/**
 * A mix server posts without the officer's token (spec §11.8 "Posted by its mix server", ADR
 * 0032). Through the real server (PGlite and PostgreSQL) and the CLI's own client and command: a
 * mix server holding only its key file stages and commits its mix, or posts it in one request,
 * with no officer's key; a request with no signature, another mix server's signature or garbage is
 * refused with `mix/invalid-signature` before the board looks at the mix (a garbage mix signed by
 * the right key gets as far as `mix/wrong-input`; signed by any other, it never does), nothing is
 * staged or appended and the head is unchanged; and the officer's route still relays a mix.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { bytesToHex, encodeScalar } from '@scrutineer/crypto';
import { mixBodies, stagedPartDigest } from '@scrutineer/protocol';
import { type MixBody, manifestHash, signMix, signMixRequest } from '@scrutineer/record';
import { api, errorCode, forEachEngine, headHash, suiteServer } from '@scrutineer/testkit';
import { cliRunner } from '../../../test-fixtures/cli-process.ts';
import { talliedRankedElection } from '../../../test-fixtures/tallied-ranked-election.ts';
import { ServerClient } from '../../client/server-client.ts';
import { MIXER_KEY_FORMAT, writeMixerKeyFile } from './mixer-key-file.ts';
import { type RankedContext, postNextMix, readRankedBoard } from './ranked-actions.ts';

forEachEngine('mix server posts without the officer’s token', (engine) => {
  const server = suiteServer(engine);
  const spoolDir = mkdtempSync(join(tmpdir(), 'scrutineer-mixer-own-'));
  after(() => rmSync(spoolDir, { recursive: true, force: true }));

  it('mix server posts without the officer’s token: staged and committed, or in one request; forged requests are refused before any proof work', async () => {
    const { election, client, context, asOfficer } = await talliedRankedElection(server(), {
      spoolDir,
    });
    const { electionId } = election;
    const { group } = context;
    const [key1, key2, key3] = election.mixerSecretKeys;
    assert.ok(key1 !== undefined && key2 !== undefined && key3 !== undefined);
    const hash = manifestHash(await client.manifest(electionId));
    const before = await headHash(server(), electionId);
    const base = `/api/elections/${electionId}/ranked/mixer`;

    // A garbage mix claiming mixer 1: no rows, no proof, the wrong input.
    const garbage = {
      contest: 0,
      mixer: 1,
      part: 0,
      parts: 1,
      inputHash: '00'.repeat(32),
      outputs: [] as string[][],
      proof: '',
    };
    const signedBy = (key: bigint): MixBody => ({
      ...garbage,
      signature: signMix(group, hash, key, garbage),
    });
    const refused = async (path: string, body: unknown) => {
      const response = await api(server(), 'POST', `${base}/${path}`, { body });
      assert.equal(errorCode(response), 'mix/invalid-signature', JSON.stringify(response.body));
      assert.equal(response.status, 400);
    };
    // One request: garbage hex, another mix server's key, the officer's token with a wrong key.
    await refused('mixes', { parts: [{ ...garbage, signature: '11'.repeat(64) }] });
    await refused('mixes', { parts: [signedBy(key2)] });
    const withToken = await api(server(), 'POST', `${base}/mixes`, {
      token: election.adminKey,
      body: { parts: [signedBy(key3)] },
    });
    assert.equal(errorCode(withToken), 'mix/invalid-signature');
    // Signed by mixer 1's own key, the same garbage passes the signature and only then fails the
    // mix's own check: the signature is what is checked first.
    const own = await api(server(), 'POST', `${base}/mixes`, { body: { parts: [signedBy(key1)] } });
    assert.equal(errorCode(own), 'mix/wrong-input');

    // Staging: no request signature, another mix server's, garbage; then commit and discard.
    const part = signedBy(key1);
    const partDigest = stagedPartDigest({ type: 'mix', body: part });
    await refused('staging/parts', { body: part });
    await refused('staging/parts', {
      body: part,
      signature: signMixRequest(group, hash, key2, 'stage', 'mix/0/1', partDigest),
    });
    await refused('staging/parts', { body: part, signature: 'ab'.repeat(64) });
    // A request signature does not move to another part.
    await refused('staging/parts', {
      body: { ...part, part: 0, parts: 2 },
      signature: signMixRequest(group, hash, key1, 'stage', 'mix/0/1', partDigest),
    });
    await refused('staging/commit', {
      step: 'mix/0/1',
      digest: '00'.repeat(32),
      signature: signMixRequest(group, hash, key2, 'commit', 'mix/0/1', '00'.repeat(32)),
    });
    await refused('staging/commit', { step: 'mix/0/1', digest: '00'.repeat(32) });
    await refused('staging/discard', { step: 'mix/0/1', signature: '11'.repeat(64) });
    const staging = await client.call('ownMixStaging', {
      params: { electionId },
      query: { step: 'mix/0/1' },
    });
    assert.deepEqual([staging.staged, staging.bytes], [[], 0]);
    // Read before its signature is checked, a mix server's request is held to at most 16 MiB.
    assert.ok(staging.limits.request <= 16 * 1024 * 1024, String(staging.limits.request));
    assert.deepEqual(await headHash(server(), electionId), before);
    assert.equal((await client.events(electionId)).filter((e) => e.type === 'mix').length, 0);

    // Mixer 1 with only its key (no officer's key in its context): staged and committed.
    const mixerOnly: RankedContext = {
      client: new ServerClient(server().url),
      group,
      electionId,
      spoolDir,
    };
    assert.equal(await postNextMix(mixerOnly, 'leader', 1, key1), 3);

    // Mixer 2 with only its key, in one request.
    const board = await readRankedBoard(mixerOnly, 'leader');
    const parts = mixBodies(
      group,
      {
        baseHash: board.baseHash,
        publicKey: board.publicKey,
        contest: board.contest,
        mixer: 2,
        inputs: board.rows,
      },
      { secretKey: key2, manifestHash: hash },
      2
    );
    const posted = await api(server(), 'POST', `${base}/mixes`, { body: { parts } });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));

    // Mixer 3 through the officer's route, which still relays a mix.
    assert.equal(await postNextMix(context, 'leader', 3, key3), 3);
    const mixes = (await client.events(electionId)).filter((e) => e.type === 'mix');
    assert.deepEqual([...new Set(mixes.map((e) => e.body.mixer))], [1, 2, 3]);
    // The audit log says who posted each mix: the mix servers themselves, then the officer.
    const { entries } = await client.call('auditLog', asOfficer);
    assert.deepEqual(
      entries.filter((e) => e.action === 'mix').map((e) => e.actor),
      ['mixer-1', 'mixer-2', 'officer']
    );
  });

  it('mix server posts without the officer’s token: `scrutineer mixer mix` with only its key file and the server', async () => {
    const { election, client } = await talliedRankedElection(server());
    const key1 = election.mixerSecretKeys[0];
    assert.ok(key1 !== undefined);
    const manifest = await client.manifest(election.electionId);
    const member = manifest.mixers?.members[0];
    assert.ok(member !== undefined);
    const keyFile = join(spoolDir, `mixer-1-${election.electionId}.json`);
    writeMixerKeyFile(keyFile, {
      format: MIXER_KEY_FORMAT,
      name: member.name,
      secretKey: bytesToHex(encodeScalar(key1)),
      publicKey: member.publicKey,
    });
    // No officer's key anywhere: not in the environment, not on the command line.
    const cli = cliRunner({ operatorKey: '', adminKey: '' });
    const args = ['mixer', 'mix', '--server', server().url, '--election', election.electionId];
    const out = await cli.ok([
      ...args,
      ...['--contest', 'leader', '--mixer', '1', '--key', keyFile, '--spool-dir', spoolDir],
    ]);
    assert.match(out, /Mixer 1 mixed 3 row\(s\) of contest leader/);
    const mixes = (await client.events(election.electionId)).filter((e) => e.type === 'mix');
    assert.deepEqual(
      mixes.map((e) => e.body.mixer),
      mixes.map(() => 1)
    );
    assert.ok(mixes.length >= 1);
    // The help says the officer's key is not needed, and an old script's option is still taken.
    const help = await cli.ok(['mixer', 'mix', '--help']);
    assert.match(help, /--admin-key-file <file>\s+ignored/);
  });
});
