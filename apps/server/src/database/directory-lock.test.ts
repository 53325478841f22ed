import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { LOCK_FILE, lockDirectory } from './directory-lock.ts';

it('allows one process per data directory and takes over a dead owner’s lock', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'scrutineer-lock-'));
  const release = lockDirectory(directory);
  // Another live process holds it: refused.
  await writeFile(join(directory, LOCK_FILE), String(process.ppid));
  assert.throws(() => lockDirectory(directory), /in use by process/);
  // A process that has exited (SIGKILL, crash): taken over.
  const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  await writeFile(join(directory, LOCK_FILE), exited.stdout);
  const again = lockDirectory(directory);
  again();
  release();
});
