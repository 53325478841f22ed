/**
 * The newcomer's path, from a fresh clone: `npm run demo -- --serve` in a `git clone` of this
 * repository's HEAD (no apps/web/dist, nothing built) gives a working booth at the one address it
 * prints, whose home page lists the election; Enter closes voting, tallies, publishes and keeps
 * serving the result until Ctrl-C, and the declaration's files stay in the out dir.
 * node_modules comes from this checkout (no network): every entry linked, except the workspace
 * links (@scrutineer/*), which point into the clone so the clone's own sources are what runs.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'scrutineer-fresh-clone-'));
let demo: ChildProcess | undefined;

after(() => {
  if (demo?.pid !== undefined && demo.exitCode === null) process.kill(-demo.pid, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

function linkNodeModules(clone: string): void {
  const modules = join(clone, 'node_modules');
  mkdirSync(join(modules, '@scrutineer'), { recursive: true });
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name === '@scrutineer') continue;
    symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
  }
  const workspaces: Record<string, string> = {
    cli: 'apps/cli',
    server: 'apps/server',
    web: 'apps/web',
    crypto: 'packages/crypto',
    protocol: 'packages/protocol',
    record: 'packages/record',
    verifier: 'packages/verifier',
  };
  for (const [name, path] of Object.entries(workspaces))
    symlinkSync(join('..', '..', path), join(modules, '@scrutineer', name));
}

/** Resolves with the first match of `pattern` in the output so far or to come. */
function waitFor(output: { text: string }, child: ChildProcess, pattern: RegExp, ms: number) {
  return new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; output:\n${output.text}`)),
      ms
    );
    const check = (): void => {
      const match = pattern.exec(output.text);
      if (match === null) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(match);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) =>
      reject(new Error(`the demo exited (${code}) before ${pattern}:\n${output.text}`))
    );
    check();
  });
}

test('a fresh clone: npm run demo -- --serve gives a working booth at the printed address', async () => {
  const clone = join(work, 'scrutineer');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', REPO, clone]);
  assert.equal(existsSync(join(clone, 'apps', 'web', 'dist')), false);
  linkNodeModules(clone);
  const out = join(work, 'demo-out');
  const output = { text: '' };
  demo = spawn(
    'npm',
    [
      'run',
      'demo',
      '--',
      '--serve',
      '--port',
      '0',
      '--voters',
      '30',
      '--pdf-limit',
      '0',
      '--out',
      out,
    ],
    { cwd: clone, detached: true, stdio: ['pipe', 'pipe', 'pipe'] }
  );
  const child = demo;
  const pid = child.pid ?? assert.fail('the demo did not start');
  demo.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  demo.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));

  const [, address] = await waitFor(output, demo, /Open (http:\/\/127\.0\.0\.1:\d+)\/ /, 600_000);
  assert.ok(address !== undefined);
  assert.match(output.text, /Building the web app/);
  const home = await fetch(`${address}/`);
  assert.equal(home.status, 200);
  const html = await home.text();
  const script = /<script type="module" crossorigin src="(\/assets\/[^"]+)"/.exec(html)?.[1];
  assert.ok(script !== undefined, html);
  assert.equal((await fetch(`${address}${script}`)).status, 200);
  const list = (await (await fetch(`${address}/api/elections`)).json()) as {
    elections: { electionId: string; stage: string }[];
  };
  assert.equal(list.elections.length, 1);
  const election = list.elections[0] ?? assert.fail('no election listed');
  assert.equal(election.stage, 'open');
  const booth = await fetch(`${address}/elections/${election.electionId}`);
  assert.equal(booth.status, 200);
  assert.equal(await booth.text(), html);

  // Enter closes voting; the server then keeps serving the result until Ctrl-C.
  child.stdin?.write('\n');
  await waitFor(output, demo, /Press Ctrl-C to stop the server/, 600_000);
  // The result and verifier pages stay up after the close.
  const declaration = await fetch(`${address}/api/elections/${election.electionId}/declaration`);
  assert.equal(declaration.status, 200, output.text);
  assert.equal((await fetch(`${address}/elections/${election.electionId}/verify`)).status, 200);
  const exited = new Promise<[number | null, string | null]>((resolve) =>
    child.once('exit', (code, signal) => resolve([code, signal]))
  );
  process.kill(-pid, 'SIGINT');
  // The demo exits 0; npm, signalled too, then ends itself by the same signal.
  const [code, signal] = await exited;
  assert.ok(code === 0 || signal === 'SIGINT', `${code} ${signal}\n${output.text}`);
  assert.doesNotMatch(output.text, /^demo: /m);
  for (const file of ['result.json', 'result.csv', 'result.svg', 'declaration.html'])
    assert.ok(existsSync(join(out, file)), `${file} kept in the out dir`);
});
