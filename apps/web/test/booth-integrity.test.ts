/**
 * Booth integrity (spec §10.7, F12) in Chromium: the booth built for a mirror and served from a
 * second loopback origin (a static host) signs in, encrypts and casts through the board's API on
 * the first origin (CORS for that origin only); and the browser refuses a booth whose crypto
 * worker or entry script differs by one byte from the build (integrity, through the entry
 * script's table for the worker, the HTML's attribute for the entry script).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@scrutineer/server';
import { buildWeb } from '../src/build/build-web.ts';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { castChoice, heading, signIn } from './support/booth-steps.ts';
import { en } from '../src/i18n/messages-en.ts';
import { type TestBrowser, capture, launchBrowser, unexpectedProblems } from './support/browser.ts';
import {
  type FixtureElection,
  createFixtureElection,
  startFixtureServer,
} from './support/election-fixture.ts';
import { type StaticHost, startStaticHost } from './support/static-host.ts';

const work = mkdtempSync(join(tmpdir(), 'scrutineer-booth-mirror-'));
const mirrorDist = join(work, 'dist');
let server: RunningServer;
let host: StaticHost;
let browser: TestBrowser;
let election: FixtureElection;
let mirrorDigest = '';
let boardDigest = '';
/** A third origin, hosting the booth-check page as anyone may. */
let checker: StaticHost;
const CHECK_PAGE = fileURLToPath(new URL('../booth-check-page/', import.meta.url));

before(async () => {
  host = await startStaticHost();
  checker = await startStaticHost();
  checker.serve(CHECK_PAGE, '*');
  ({ server } = await startFixtureServer({ boothOrigins: [host.origin] }));
  boardDigest = await sharedWebBuild();
  mirrorDigest = await buildWeb({ quiet: true, apiOrigin: server.url, outDir: mirrorDist });
  election = await createFixtureElection(server, {
    voters: 3,
    booth: { digest: boardDigest, mirrors: [{ origin: host.origin, digest: mirrorDigest }] },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
  await checker?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A copy of the mirror's build with one byte changed in the asset whose name starts `prefix`. */
function tamperedCopy(prefix: string): string {
  const copy = mkdtempSync(join(work, 'tampered-'));
  cpSync(mirrorDist, copy, { recursive: true });
  const name = readdirSync(join(copy, 'assets')).find(
    (n) => n.startsWith(prefix) && n.endsWith('.js')
  );
  assert.ok(name !== undefined, prefix);
  const path = join(copy, 'assets', name);
  const bytes = readFileSync(path);
  bytes[bytes.indexOf(0x3b)] = 0x2c; // one ';' becomes ','
  writeFileSync(path, bytes);
  return copy;
}

/** Signs voter `voter` in on the booth the mirror serves; returns the page. */
async function signInOnMirror(voter: number) {
  const page = await browser.newPage();
  const v = election.voters[voter];
  assert.ok(v);
  await page.goto(`${host.origin}/elections/${election.electionId}`);
  await page.click(`text=${en['landing.start']}`);
  await heading(page, en['signIn.title']);
  await signIn(page, v);
  return page;
}

test('F12: the booth served from a second origin votes through the board on the first', async () => {
  host.serve(mirrorDist, server.url);
  const before = browser.problems.length;
  const page = await signInOnMirror(0);
  await heading(page, en['ballot.title']);
  await castChoice(page, 'Sam Patel');
  await capture(page, 'booth-mirror-receipt');
  assert.equal(new URL(page.url()).origin, host.origin, 'the booth stayed on the mirror');
  const turnout = (await (
    await fetch(`${server.url}/api/elections/${election.electionId}/turnout`)
  ).json()) as { online: number };
  assert.equal(turnout.online, 1, 'the ballot reached the board');
  assert.deepEqual(unexpectedProblems(browser).slice(before), []);
  await page.close();
});

test('the board answers a mirror it does not know with no CORS header, but the manifest to all', async () => {
  const summary = `${server.url}/api/elections/${election.electionId}`;
  const allowed = await fetch(summary, { headers: { origin: host.origin } });
  assert.equal(allowed.headers.get('access-control-allow-origin'), host.origin);
  const other = await fetch(summary, { headers: { origin: 'http://127.0.0.1:1' } });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  const manifest = await fetch(`${summary}/manifest`, {
    headers: { origin: 'http://127.0.0.1:1' },
  });
  assert.equal(manifest.headers.get('access-control-allow-origin'), '*');
});

test('F12: the browser refuses a crypto worker changed by one byte; the voter cannot sign in', async () => {
  host.serve(tamperedCopy('crypto-worker-'), server.url);
  const before = browser.problems.length;
  const page = await signInOnMirror(1);
  const reached = await page
    .locator('h1', { hasText: en['ballot.title'] })
    .waitFor({ timeout: 6_000 })
    .then(
      () => true,
      () => false
    );
  assert.equal(reached, false, 'signed in with a tampered worker');
  const problems = browser.problems.slice(before).join('\n');
  assert.match(problems, /integrity/i, problems);
  assert.match(problems, /crypto-worker-/, problems);
  await page.close();
});

test('F12: the browser refuses an entry script changed by one byte; no booth runs', async () => {
  host.serve(tamperedCopy('index-'), server.url);
  const before = browser.problems.length;
  const page = await browser.newPage();
  await page.goto(`${host.origin}/elections/${election.electionId}`);
  await page.waitForTimeout(1_500);
  assert.equal(await page.locator('h1').count(), 0, 'the booth rendered');
  const problems = browser.problems.slice(before).join('\n');
  assert.match(problems, /integrity/i, problems);
  await page.close();
});

test('the mirror build has its own booth digest, as its booth-digest.json says', () => {
  const listed = JSON.parse(readFileSync(join(mirrorDist, 'booth-digest.json'), 'utf8')) as {
    digest: string;
  };
  assert.equal(listed.digest, mirrorDigest);
  assert.match(mirrorDigest, /^[0-9a-f]{64}$/);
});

/**
 * The booth-check page's verdict on the booth at `url`; the expected digest is read from the
 * manifest on the board (`board`, else the booth's own origin) as a third party's page reads it.
 */
async function checkOnPage(url: string, board?: string): Promise<{ state: string; text: string }> {
  const page = await browser.newPage();
  await page.goto(`${checker.origin}/`);
  await page.fill('#url', url);
  if (board !== undefined) await page.fill('#board', board);
  await page.click('button[type=submit]');
  await page.waitForFunction(
    () =>
      !['', 'checking'].includes(
        document.querySelector('#verdict')?.getAttribute('data-state') ?? ''
      ),
    undefined,
    { timeout: 20_000 }
  );
  const state = (await page.locator('#verdict').getAttribute('data-state')) ?? '';
  const text = `${await page.locator('main').innerText()}\n${browser.problems.join('\n')}`;
  await capture(page, `booth-check-page-${state}`);
  await page.close();
  return { state, text };
}

test('the booth-check page on a third origin reads the manifest on the board and finds both booths as published', async () => {
  host.serve(mirrorDist, server.url);
  const board = await checkOnPage(`${server.url}/elections/${election.electionId}`);
  assert.equal(board.state, 'same', board.text);
  assert.match(board.text, new RegExp(boardDigest));
  const mirror = await checkOnPage(`${host.origin}/elections/${election.electionId}`, server.url);
  assert.equal(mirror.state, 'same', mirror.text);
  assert.match(mirror.text, new RegExp(mirrorDigest));
});

test('the booth-check page asked about a mirror without its board says to give the board address', async () => {
  host.serve(mirrorDist, server.url);
  const { state, text } = await checkOnPage(`${host.origin}/elections/${election.electionId}`);
  assert.equal(state, 'error', text);
  assert.match(text, /give the board address/);
});

test('F12: the booth-check page finds a mirror whose crypto worker differs by one byte, and names it', async () => {
  host.serve(tamperedCopy('crypto-worker-'), server.url);
  const { state, text } = await checkOnPage(
    `${host.origin}/elections/${election.electionId}`,
    server.url
  );
  assert.equal(state, 'different', text);
  assert.match(text, /assets\/crypto-worker-[^:]+: differs/);
});
