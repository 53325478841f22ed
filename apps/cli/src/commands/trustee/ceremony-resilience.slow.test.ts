/**
 * Nothing honest breaks a key ceremony, replayed through the real `scrutineer` command against a
 * real server on PostgreSQL with its DEFAULT rate limits (600 requests a minute per address):
 * five trustees and the officer behind one loopback address complete a 3-of-5 ceremony; then the
 * decryption rehearsal and a cancellation run through the same commands. (The killed trustee is
 * ceremony-resume.slow.test.ts: each file has the runner's ten minutes to itself.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TRUSTEES,
  assertSharesMatchTheKey,
  ceremony,
  createElection,
  ok,
  run,
  withServer,
} from '../../../test-fixtures/ceremony-election.ts';
import { ServerClient } from '../../client/server-client.ts';
import { writeRecordFromServer } from '../election/publish-record.ts';
import { writeJsonFile } from '../roll/roll-files.ts';
import { rehearsalSummary, rehearsedTrustees } from './rehearsal.ts';
import { readTrusteeKeyFile } from './trustee-key-file.ts';

test('five trustees and the officer on one address complete a 3-of-5 ceremony under the default rate limits', async () => {
  await withServer(async (url) => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-ceremony-limits-'));
    const id = 'ceremony-limits';
    await createElection(dir, url, id);
    await Promise.all([
      ...TRUSTEES.map((i) => ok(ceremony(url, dir, i))),
      ok(['election', 'key', '--server', url, '--election', id, '--complaint-wait', '1']),
    ]);
    await assertSharesMatchTheKey(url, dir, id);
    await rehearseThenCancel(url, dir, id);
  });
});

/**
 * The safeguards after the ceremony, through the CLI: three trustees rehearse the decryption (the
 * board checks each proof); a key file holding another trustee's share is refused at rehearsal;
 * the officer's summary says 3 of 5 and warns (k + 1 = 4); then the officer cancels, the board
 * refuses everything after, and the record verifies as cancelled.
 */
async function rehearseThenCancel(url: string, dir: string, id: string): Promise<void> {
  const rehearse = (i: number, file = join(dir, `trustee-${i}.json`)) =>
    run(['trustee', 'rehearse', '--server', url, '--key', file]);
  for (const i of [1, 2, 3])
    assert.match(
      await ok(['trustee', 'rehearse', '--server', url, '--key', join(dir, `trustee-${i}.json`)]),
      /rehearsed/
    );
  assert.match((await rehearse(1)).stdout, /already rehearsed/);
  const mixedUp = {
    ...readTrusteeKeyFile(join(dir, 'trustee-4.json')),
    secretShare: readTrusteeKeyFile(join(dir, 'trustee-5.json')).secretShare,
  };
  writeJsonFile(join(dir, 'mixed-up.json'), mixedUp);
  const refused = await rehearse(4, join(dir, 'mixed-up.json'));
  assert.notEqual(refused.code, 0, refused.stderr);
  assert.match(refused.stderr, /rehearsal\/invalid-share/);
  const client = new ServerClient(url);
  const events = await client.events(id);
  assert.deepEqual(rehearsedTrustees(events), [1, 2, 3]);
  assert.match(
    rehearsalSummary(await client.manifest(id), events),
    /3 of 5 .*\nWARNING: fewer than 4/
  );
  const common = ['--server', url, '--election', id];
  assert.match(
    await ok([
      'election',
      'cancel',
      ...common,
      '--reason',
      'Trustee 4 and 5 lost their key files.',
    ]),
    /cancelled at board position/
  );
  const after = await rehearse(4);
  assert.notEqual(after.code, 0);
  assert.match(after.stderr, /election\/wrong-stage/);
  const again = await run(['election', 'cancel', ...common, '--reason', 'twice']);
  assert.match(again.stderr, /election\/wrong-stage/);
  assert.equal((await client.summary(id)).stage, 'cancelled');
  await writeRecordFromServer(client, id, join(dir, 'record'));
  const verified = await ok(['verify', join(dir, 'record')]);
  assert.match(verified, /VALID: every check reached passed \(stage cancelled\)/);
  assert.match(verified, /CANCELLED at stage keyed .*lost their key files/);
  assert.match(verified, /^ok {3}V3\.7 .*\(3\)$/m);
}
