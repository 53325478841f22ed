/**
 * Nothing honest breaks a key ceremony, replayed through the real `scrutineer` command against a
 * real server on PostgreSQL with its DEFAULT rate limits (600 requests a minute per address):
 * five trustees and the officer behind one loopback address complete a 3-of-5 ceremony; and a
 * trustee killed with SIGKILL after it dealt resumes from its sealed state when run again, and the
 * ceremony completes with every trustee holding the share its verification key names. After the
 * ceremony, the decryption rehearsal and a cancellation run through the same commands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bytesToHex, decodeScalar, hexToBytes, loadGroup } from '@scrutineer/crypto';
import { buildRoll } from '@scrutineer/protocol';
import { hashBearerKey, startServer } from '@scrutineer/server';
import { makeSyntheticRoll } from '../../../test-fixtures/synthetic-roll.ts';
import { testDraft } from '../../../test-fixtures/test-manifest.ts';
import { cliRunner } from '../../../test-fixtures/cli-process.ts';
import { ServerClient, pollUntil } from '../../client/server-client.ts';
import { commitRollMembers } from '../roll/commit.ts';
import { parseCsvText } from '../roll/csv-file.ts';
import { writeJsonFile } from '../roll/roll-files.ts';
import { writeRecordFromServer } from '../election/publish-record.ts';
import { ceremonyStatePath } from './ceremony-state.ts';
import { rehearsalSummary, rehearsedTrustees } from './rehearsal.ts';
import { readTrusteeKeyFile } from './trustee-key-file.ts';

const OPERATOR_KEY = 'operator-key-for-the-ceremony-resilience-test';
const ADMIN_KEY = 'admin-key-for-the-ceremony-resilience-test-made-long';
const { ok, run } = cliRunner({ operatorKey: OPERATOR_KEY, adminKey: ADMIN_KEY });
const cli = join(import.meta.dirname, '..', '..', '..', 'bin', 'scrutineer.mjs');
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TRUSTEES = [1, 2, 3, 4, 5];

/** A PostgreSQL database of this test's own, dropped afterwards. */
async function withDatabase(run: (url: string) => Promise<void>): Promise<void> {
  const name = `ops_ceremony_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    await run(`postgres://postgres@127.0.0.1:5432/${name}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** `trustee keygen` for each trustee, the roll's commitment and `election create` (3-of-5). */
async function createElection(dir: string, url: string, id: string): Promise<void> {
  for (const i of TRUSTEES)
    await ok([
      'trustee',
      'keygen',
      '--election',
      id,
      '--index',
      String(i),
      '--out',
      join(dir, `trustee-${i}.json`),
    ]);
  const synthetic = makeSyntheticRoll({ members: 12, seed: id });
  const built = buildRoll(parseCsvText(synthetic.csv), synthetic.rules);
  assert.ok(built.ok);
  writeJsonFile(join(dir, 'roll-commitment.json'), commitRollMembers(built.value).commitment);
  const now = Date.now();
  const instant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  writeJsonFile(join(dir, 'draft.json'), {
    ...testDraft({
      electionId: id,
      title: 'Ceremony resilience',
      candidates: ['Alex Morgan', 'Sam Patel'],
      window: { opens: instant(now + 86_400_000), closes: instant(now + 2 * 86_400_000) },
    }),
    trustees: { threshold: 3 },
    securityQuestions: [{ id: 'dob', label: 'Date of birth' }],
  });
  await ok([
    'election',
    'create',
    '--server',
    url,
    '--draft',
    join(dir, 'draft.json'),
    '--trustee',
    ...TRUSTEES.map((i) => join(dir, `trustee-${i}.public.json`)),
    '--roll',
    join(dir, 'roll-commitment.json'),
    '--out',
    join(dir, 'manifest.json'),
  ]);
}

function ceremony(url: string, dir: string, i: number): string[] {
  return ['trustee', 'ceremony', '--server', url, '--key', join(dir, `trustee-${i}.json`)];
}

/** Each trustee's secret share xₗ against its verification key Vₗ on the board: g^xₗ = Vₗ. */
async function assertSharesMatchTheKey(url: string, dir: string, id: string): Promise<void> {
  const group = await loadGroup('sodium');
  const events = await new ServerClient(url).events(id);
  const key = events.find((e) => e.type === 'election-key');
  assert.ok(key?.type === 'election-key');
  assert.deepEqual(key.body.qualified, TRUSTEES);
  for (const i of TRUSTEES) {
    const file = readTrusteeKeyFile(join(dir, `trustee-${i}.json`));
    assert.ok(file.secretShare !== undefined, `trustee ${i} keeps its secret share`);
    const share = decodeScalar(hexToBytes(file.secretShare));
    assert.equal(
      bytesToHex(group.encodePoint(group.multiplyBase(share))),
      key.body.verificationKeys[i - 1],
      `trustee ${i}'s share is the one its verification key names`
    );
    assert.ok(!existsSync(ceremonyStatePath(join(dir, `trustee-${i}.json`))), 'state removed');
  }
}

async function withServer(run: (url: string) => Promise<void>): Promise<void> {
  await withDatabase(async (database) => {
    // No requestsPerMinute or signInPerMinute: the defaults a fresh deployment has.
    const server = await startServer({
      database,
      port: 0,
      host: '127.0.0.1',
      logger: false,
      operatorKeyHash: hashBearerKey(OPERATOR_KEY),
      checkpoints: { intervalMs: 0 },
    });
    try {
      await run(server.url);
    } finally {
      await server.close();
    }
  });
}

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

/** Starts `scrutineer …args` without waiting for it (so that it can be killed). */
function start(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, SCRUTINEER_ADMIN_KEY: ADMIN_KEY },
    stdio: 'ignore',
  });
}

test('a trustee killed (SIGKILL) after it dealt resumes when run again, and the ceremony completes', async () => {
  await withServer(async (url) => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-ceremony-resume-'));
    const id = 'ceremony-resume';
    await createElection(dir, url, id);
    const client = new ServerClient(url);
    const victim = start(ceremony(url, dir, 3));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      victim.on('exit', (_code, signal) => resolve(signal))
    );
    await pollUntil(
      "trustee 3's commitments on the board",
      async () =>
        (await client.events(id)).some(
          (e) => e.type === 'trustee-commitments' && e.body.trustee === 3
        ) || undefined,
      { timeoutMs: 60_000 }
    );
    victim.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    assert.ok(existsSync(ceremonyStatePath(join(dir, 'trustee-3.json'))), 'the state was kept');
    assert.equal(readTrusteeKeyFile(join(dir, 'trustee-3.json')).secretShare, undefined);
    const resumed = ok(ceremony(url, dir, 3));
    await Promise.all([
      resumed,
      ...[1, 2, 4, 5].map((i) => ok(ceremony(url, dir, i))),
      ok(['election', 'key', '--server', url, '--election', id, '--complaint-wait', '1']),
    ]);
    assert.match(await resumed, /Ceremony concluded/);
    const commitments = (await client.events(id)).filter(
      (e) => e.type === 'trustee-commitments' && e.body.trustee === 3
    );
    assert.equal(commitments.length, 1, 'trustee 3 dealt once');
    await assertSharesMatchTheKey(url, dir, id);
    assert.match(await ok(ceremony(url, dir, 3)), /already holds its secret share/);
  });
});
