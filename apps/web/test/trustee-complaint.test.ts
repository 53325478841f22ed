/**
 * Browser tests of the trustee's page (spec §7.9.2) beyond the happy path: F9, a bad share is
 * complained about with one click; the page's whole ceremony by keyboard alone, with focus
 * visible; and axe on the Welsh states and on the page that asks for the `.ceremony` file. The
 * other trustees deal in-process with @scrutineer/protocol (one of them a bad share, as the CLI's
 * ceremony-faults test does) and post through the contract's client, as any client would.
 */
import { nth } from '@scrutineer/testkit';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type TrusteeEventType, apiClient } from '@scrutineer/api-contract';
import { addScalars, encryptShare, evaluatePolynomial } from '@scrutineer/crypto';
import {
  type TrusteeKeyFile,
  createTrusteeKeyFile,
  dealCeremonyShares,
  manifestEntry,
  signTrusteeBody,
  trusteeKeyPair,
} from '@scrutineer/protocol';
import {
  type Manifest,
  ceremonyParameters,
  encodeSharesBody,
  trusteeKeysOf,
} from '@scrutineer/record';
import type { RunningServer } from '@scrutineer/server';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { trusteeCy } from '../src/trustee/i18n/trustee-messages-cy.ts';
import { trusteeEn } from '../src/trustee/i18n/trustee-messages-en.ts';
import { type TestBrowser, capture, launchBrowser, unexpectedProblems } from './support/browser.ts';
import { startFixtureServer } from './support/election-fixture.ts';
import {
  checkShares,
  complain,
  concludeCeremony,
  deal,
  openKey,
  trusteeLink,
} from './support/trustee-driver.ts';
import {
  boardEvents,
  createTrusteeElection,
  publishElectionKey,
} from './support/trustee-election.ts';

const WAIT_MS = 120_000;

let server: RunningServer;
let browser: TestBrowser;
const directory = mkdtempSync(join(tmpdir(), 'scrutineer-trustee-complaint-'));

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** An election of `count` trustees whose keys are made here; trustee 1's file is on disk. */
async function election(
  electionId: string,
  count: number,
  threshold: number
): Promise<{ manifest: Manifest; adminKey: string; files: TrusteeKeyFile[]; keyFile: string }> {
  const group = server.service.group;
  const files = Array.from({ length: count }, (_, i) =>
    createTrusteeKeyFile(group, electionId, i + 1, `Trustee ${i + 1}`)
  );
  const keyFile = join(directory, `${electionId}-t1.json`);
  writeFileSync(keyFile, `${JSON.stringify(nth(files, 0), null, 2)}\n`);
  const created = await createTrusteeElection(
    server,
    electionId,
    files.map(manifestEntry),
    threshold
  );
  return { ...created, files, keyFile };
}

async function post(electionId: string, type: TrusteeEventType, body: object): Promise<void> {
  await apiClient({ baseUrl: server.url }).call('trusteeMessage', {
    params: { electionId },
    body: { type, body: body as Record<string, unknown> },
  });
}

/**
 * Trustee `file` deals in-process; with `badFor`, the share for that trustee is wrong but well
 * formed (the board cannot tell, spec §7.4), signed as the real trustee code signs.
 */
async function dealInProcess(manifest: Manifest, file: TrusteeKeyFile, badFor?: number) {
  const group = server.service.group;
  const key = trusteeKeyPair(group, file);
  const dealt = dealCeremonyShares(group, manifest, key);
  await post(manifest.electionId, 'trustee-commitments', dealt.commitments);
  if (badFor === undefined) return post(manifest.electionId, 'trustee-shares', dealt.shares);
  const recipientKey = nth(trusteeKeysOf(group, manifest), badFor - 1);
  const bad = addScalars(evaluatePolynomial(dealt.dealing.polynomial, badFor), 1n);
  const shares = dealt.dealing.encryptedShares.map((s) =>
    s.recipient === badFor
      ? encryptShare(group, ceremonyParameters(manifest), s, recipientKey.publicKey, bad)
      : s
  );
  const body = signTrusteeBody(
    group,
    manifest,
    key,
    'trustee-shares',
    encodeSharesBody(group, file.trustee, shares)
  );
  return post(manifest.electionId, 'trustee-shares', body);
}

test('F9: a bad share is complained about with one click on the page; the board holds the complaint; the `.ceremony` file page (English and Welsh) passes axe', async () => {
  const electionId = 'trustee-complaint';
  const { manifest, adminKey, files, keyFile } = await election(electionId, 3, 2);
  const link = trusteeLink(server.url, electionId, 1);
  const stateFile = join(directory, `${electionId}-t1.json.ceremony`);
  const page = await browser.newPage();
  await deal(page, link, keyFile, stateFile);
  await dealInProcess(manifest, nth(files, 1));
  await dealInProcess(manifest, nth(files, 2), 1);

  const checked = await checkShares(page);
  assert.deepEqual(checked, { good: [2], bad: [3] });
  assert.equal(
    await page.locator('#complain-3').innerText(),
    trusteeEn['trustee.complain'].replace('{dealer}', '3')
  );
  await capture(page, 'trustee-bad-share');
  await complain(page, 3);
  const complaints = (await boardEvents(server, electionId)).filter(
    (e) => e.type === 'trustee-complaint'
  );
  assert.deepEqual(
    complaints.map((e) => {
      const body = e.body as { trustee: number; dealer: number };
      return [body.trustee, body.dealer];
    }),
    [[1, 3]]
  );
  assert.equal(
    await page.locator('#shares .notice.ok').innerText(),
    trusteeEn['trustee.complained'].replace('{dealer}', '3')
  );
  assert.equal(await page.locator('#complain-3').count(), 0, 'no second complaint offered');
  await capture(page, 'trustee-complained');

  // Another browser (no storage): the page asks for the `.ceremony` file, in both languages.
  await page.evaluate(() => localStorage.clear());
  for (const lang of ['en', 'cy'] as const) {
    await openKey(page, `${link}?lang=${lang}`, keyFile);
    await page.locator('#state-file').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await capture(page, `trustee-${lang}-state-file`);
  }
  await page.setInputFiles('#state-file', stateFile);
  await page.locator('#shares .notice.ok').waitFor({ timeout: WAIT_MS });
  assert.equal(
    await page.locator('#shares .notice.ok').innerText(),
    trusteeCy['trustee.complained'].replace('{dealer}', '3')
  );
  await capture(page, 'trustee-cy-complained');

  // The officer concludes without dealer 3; trustee 1 takes its share all the same.
  await publishElectionKey(server, manifest, adminKey);
  await concludeCeremony(page, keyFile);
  assert.match(readFileSync(keyFile, 'utf8'), /"secretShare": "[0-9a-f]{64}"/);
  const key = (await boardEvents(server, electionId)).find((e) => e.type === 'election-key');
  assert.deepEqual((key?.body as { qualified: number[] }).qualified, [1, 2]);
  assert.deepEqual(unexpectedProblems(browser), []);
  await page.close();
});

/** Presses Tab until `id` has focus (asserting it is reached) and checks the focus ring shows. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await page.evaluate(() => document.activeElement?.id ?? '').then((a) => a === id)) break;
    await page.keyboard.press('Tab');
  }
  const focus = await page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement)) return null;
    const style = getComputedStyle(active);
    return {
      id: active.id,
      focusVisible: active.matches(':focus-visible'),
      ring:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none',
    };
  });
  assert.deepEqual(focus, { id, focusVisible: true, ring: true }, `Tab reaches #${id}, visibly`);
}

/** Activates the download link `id` from the keyboard and saves the file to `path`. */
async function keyboardDownload(page: Page, id: string, path: string): Promise<void> {
  await tabTo(page, id);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.keyboard.press('Enter'),
  ]);
  await download.saveAs(path);
}

test('the trustee page by keyboard alone, in Welsh: open the key file, deal, check, conclude, save; focus visible; axe on every state', async () => {
  const electionId = 'trustee-keyboard';
  const { manifest, adminKey, files, keyFile } = await election(electionId, 2, 2);
  const page = await browser.newPage();
  await page.goto(`${trusteeLink(server.url, electionId, 1)}?lang=cy`);
  await page.locator('#key-file').waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getAttribute('html', 'lang'), 'cy');
  await capture(page, 'trustee-cy-open-key');

  // The file input is reached by Tab with its focus visible; the file itself is picked in the
  // operating system's dialog, which is not the page's (and which headless Chromium opens only
  // sometimes on a synthetic Space under load), so the test hands the file to the focused input.
  await tabTo(page, 'key-file');
  await page.locator('#key-file:focus').setInputFiles(keyFile);
  await page.locator('#deal').waitFor({ timeout: WAIT_MS });
  await capture(page, 'trustee-cy-deal');

  await tabTo(page, 'deal');
  await page.keyboard.press('Enter');
  await page.locator('#download-state').waitFor({ timeout: WAIT_MS });
  await keyboardDownload(page, 'download-state', join(directory, `${electionId}.ceremony`));
  await capture(page, 'trustee-cy-dealt');

  await dealInProcess(manifest, nth(files, 1));
  await page.locator('#shares > li.share-good').waitFor({ timeout: WAIT_MS });
  await capture(page, 'trustee-cy-shares-checked');

  await publishElectionKey(server, manifest, adminKey);
  await page.locator('#conclude').waitFor({ timeout: WAIT_MS });
  await capture(page, 'trustee-cy-conclude');
  await tabTo(page, 'conclude');
  await page.keyboard.press('Enter');
  await page.locator('#download-key').waitFor({ timeout: WAIT_MS });
  await capture(page, 'trustee-cy-save-share');
  await keyboardDownload(page, 'download-key', keyFile);
  await tabTo(page, 'saved');
  await page.keyboard.press('Space');
  await page.locator('#rehearse').waitFor({ timeout: WAIT_MS });
  await capture(page, 'trustee-cy-rehearse');
  assert.match(readFileSync(keyFile, 'utf8'), /"secretShare": "[0-9a-f]{64}"/);
  assert.deepEqual(unexpectedProblems(browser), []);
  await page.close();
});
