/**
 * A trustee killed with SIGKILL after it dealt resumes from its sealed state when run again, and
 * the 3-of-5 ceremony completes with every trustee holding the share its verification key names
 * (real `scrutineer` processes, a real server with its default limits, PostgreSQL).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_KEY,
  assertSharesMatchTheKey,
  ceremony,
  cli,
  createElection,
  ok,
  withServer,
} from '../../../test-fixtures/ceremony-election.ts';
import { ServerClient, pollUntil } from '../../client/server-client.ts';
import { ceremonyStatePath } from './ceremony-state.ts';
import { readTrusteeKeyFile } from './trustee-key-file.ts';

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
