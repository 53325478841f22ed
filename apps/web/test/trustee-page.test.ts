/**
 * Browser tests of the trustee's page (spec §7.9.2): Debian Chromium via playwright-core against
 * a real server on loopback serving the built app, and the real CLI for the trustees who prefer
 * it. Every page state is screenshot into test-artifacts/web/ and checked with axe-core.
 */
import { nth } from '@scrutineer/testkit';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningServer } from '@scrutineer/server';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { trusteeEn } from '../src/trustee/i18n/trustee-messages-en.ts';
import { type TestBrowser, capture, launchBrowser, unexpectedProblems } from './support/browser.ts';
import { startFixtureServer } from './support/election-fixture.ts';
import {
  checkShares,
  concludeCeremony,
  deal,
  generateKey,
  openKey,
  pageError,
  postDecryptionShare,
  rehearse,
  trusteeLink,
} from './support/trustee-driver.ts';
import {
  type TrusteeEntry,
  boardEvents,
  createTrusteeElection,
  openCloseAndTally,
  publishElectionKey,
  runCli,
} from './support/trustee-election.ts';

let server: RunningServer;
let browser: TestBrowser;
const directory = mkdtempSync(join(tmpdir(), 'scrutineer-trustee-page-'));

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const readEntry = (path: string): TrusteeEntry =>
  JSON.parse(readFileSync(path, 'utf8')) as TrusteeEntry;

test("an officer's key file is refused by the trustee page with a clear message", async () => {
  const page = await browser.newPage();
  // What `scrutineer election keygen` writes: 256 random bits, base64url, on one line.
  const officerKey = join(directory, 'officer.key');
  writeFileSync(officerKey, `${randomBytes(32).toString('base64url')}\n`);
  await openKey(page, trusteeLink(server.url, 'no-such-election', 1), officerKey);
  assert.equal(
    await pageError(page),
    `${trusteeEn['trustee.errorTitle']}\n${trusteeEn['trustee.error.officer-key-file']}`
  );
  await capture(page, 'trustee-officer-key-refused');
  await page.close();
});

test('3-of-5 ceremony: three trustees in the browser and two on the CLI; a reload resumes from the key file; rehearsal and decryption shares from the page', async () => {
  const electionId = 'trustee-browser-cli';
  const pages = await Promise.all([1, 2, 3].map(() => browser.newPage()));
  const links = [1, 2, 3].map((i) => trusteeLink(server.url, electionId, i));
  const keys = [1, 2, 3, 4, 5].map((i) => join(directory, `t${i}.json`));
  const entries: TrusteeEntry[] = [];
  for (const i of [0, 1, 2]) {
    const made = await generateKey(
      nth(pages, i),
      nth(links, i),
      `Trustee ${i + 1}`,
      nth(keys, i),
      join(directory, `t${i + 1}.public.json`)
    );
    if (i === 0) await capture(nth(pages, 0), 'trustee-waiting-for-manifest');
    entries.push(readEntry(made.publicFile));
  }
  for (const i of [4, 5]) {
    await runCli([
      'trustee',
      'keygen',
      '--election',
      electionId,
      '--index',
      String(i),
      '--out',
      nth(keys, i - 1),
    ]);
    entries.push(readEntry(join(directory, `t${i}.public.json`)));
  }
  const { manifest, adminKey } = await createTrusteeElection(server, electionId, entries, 3);
  // The CLI trustees run their ceremony beside the pages, to the end (they wait for the key).
  const cli = [4, 5].map((i) =>
    runCli([
      'trustee',
      'ceremony',
      '--server',
      server.url,
      '--key',
      nth(keys, i - 1),
      '--wait',
      '5',
    ])
  );
  await deal(nth(pages, 0), nth(links, 0), nth(keys, 0), join(directory, 't1.json.ceremony'));
  await capture(nth(pages, 0), 'trustee-dealt-waiting');
  // A reload mid-ceremony: the page knows nothing until the key file is opened again; it resumes
  // from the board and the state it sealed before dealing.
  await nth(pages, 0).reload();
  await deal(nth(pages, 1), nth(links, 1), nth(keys, 1));
  await deal(nth(pages, 2), nth(links, 2), nth(keys, 2));
  await openKey(nth(pages, 0), nth(links, 0), nth(keys, 0));
  const checked = await Promise.all(pages.map((p) => checkShares(p)));
  for (const [i, result] of checked.entries()) {
    assert.deepEqual(result.bad, [], `trustee ${i + 1} found no bad share`);
    assert.deepEqual(
      result.good.sort(),
      [1, 2, 3, 4, 5].filter((d) => d !== i + 1)
    );
  }
  await capture(nth(pages, 0), 'trustee-shares-checked');
  await publishElectionKey(server, manifest, adminKey);
  await Promise.all(pages.map((p, i) => concludeCeremony(p, nth(keys, i))));
  await capture(nth(pages, 0), 'trustee-ceremony-done');
  await Promise.all(cli);
  for (const key of keys)
    assert.match(
      readFileSync(key, 'utf8'),
      /"secretShare": "[0-9a-f]{64}"/,
      `${key} holds its share`
    );
  await rehearse(nth(pages, 0), nth(links, 0), nth(keys, 0));
  await capture(nth(pages, 0), 'trustee-rehearsed');
  await runCli(['trustee', 'rehearse', '--server', server.url, '--key', nth(keys, 3)]);
  const checkpoint = await openCloseAndTally(server, electionId, adminKey);
  await openKey(nth(pages, 1), nth(links, 1), nth(keys, 1));
  await capture(nth(pages, 1), 'trustee-decrypt-form');
  await postDecryptionShare(nth(pages, 0), nth(links, 0), nth(keys, 0), checkpoint);
  await postDecryptionShare(nth(pages, 1), nth(links, 1), nth(keys, 1), checkpoint);
  await runCli([
    'trustee',
    'decrypt',
    '--server',
    server.url,
    '--key',
    nth(keys, 4),
    '--checkpoint',
    checkpoint,
  ]);
  await capture(nth(pages, 0), 'trustee-decrypted');
  const events = await boardEvents(server, electionId);
  const of = (type: string) =>
    events
      .filter((e) => e.type === type)
      .map((e) => (e.body as { trustee: number }).trustee)
      .sort();
  assert.deepEqual(of('trustee-shares'), [1, 2, 3, 4, 5]);
  assert.deepEqual(of('rehearsal-share'), [1, 4]);
  assert.deepEqual(of('decryption-share'), [1, 2, 5]);
  assert.deepEqual(unexpectedProblems(browser), []);
  await Promise.all(pages.map((p) => p.close()));
});
