/**
 * Browser tests of the voter web app: Debian Chromium via playwright-core against a real
 * server on loopback (PGlite in memory) serving the built app. Every page and state is screenshot
 * into test-artifacts/web/ and checked with axe-core (0 violations).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { bytesToHex, randomScalar } from '@scrutineer/crypto';
import {
  type Receipt,
  computeBaseHash,
  electionFingerprint,
  manifestHash,
  receiptMessage,
  signStatement,
} from '@scrutineer/record';
import { type VerificationReport, verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import type { RunningServer } from '@scrutineer/server';
import { WEB_DIST } from '../src/build/build-web.ts';
import { sharedWebBuild } from './support/shared-web-build.ts';
import {
  castByKeyboard,
  heading,
  signIn,
  signInByKeyboard,
  toBallot,
} from './support/booth-steps.ts';
import { en } from '../src/i18n/messages-en.ts';
import { cy } from '../src/i18n/messages-cy.ts';
import {
  type TestBrowser,
  capture,
  focusedText,
  launchBrowser,
  unexpectedProblems,
} from './support/browser.ts';
import { writeQrPng, writeQrY4m } from './support/qr-images.ts';
import {
  type FixtureElection,
  clockOffset,
  closeFixtureElection,
  createFixtureElection,
  startFixtureServer,
  tallyAndPublish,
} from './support/election-fixture.ts';

let server: RunningServer;
let browser: TestBrowser;
let election: FixtureElection;
/** Where the QR code test images are written. */
const qrDirectory = mkdtempSync(join(tmpdir(), 'scrutineer-web-qr-'));
/** The Node verifier's report on the published record, for the in-browser verifier to match. */
let nodeReport: VerificationReport | undefined;

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(scroll <= client, `${label}: ${scroll} > ${client}`);
}

async function api<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function encryptChoice(page: Page, candidate: string): Promise<string> {
  await page.check(`label:has-text("${candidate}")`);
  await page.click(`text=${en['ballot.continue']}`);
  await heading(page, en['review.title']);
  await page.click(`text=${en['review.encrypt']}`);
  await heading(page, en['decide.title']);
  return page.locator('#tracker').innerText();
}

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  election = await createFixtureElection(server, { voters: 6 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(qrDirectory, { recursive: true, force: true });
});

describe('voter web app in Chromium', () => {
  test('the build leaves out libsodium, which the browser never loads', () => {
    const assets = readdirSync(join(WEB_DIST, 'assets'));
    assert.ok(assets.some((name) => name.startsWith('verifier-worker-')));
    assert.deepEqual(
      assets.filter((name) => /libsodium-(wrappers|sumo)/.test(name)),
      []
    );
  });

  test('serves the booth under the strict CSP with SRI and no inline script', async () => {
    const response = await fetch(`${server.url}/elections/${election.electionId}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    // The camera for the pack's QR code, this origin only; the API keeps it off.
    assert.match(response.headers.get('permissions-policy') ?? '', /camera=\(self\)/);
    const apiResponse = await fetch(`${server.url}/api/elections/${election.electionId}`);
    assert.match(apiResponse.headers.get('permissions-policy') ?? '', /camera=\(\)/);
    const html = await response.text();
    assert.match(
      html,
      /<script type="module" crossorigin src="\/assets\/[^"]+" integrity="sha384-/
    );
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.equal((await fetch(`${server.url}/assets/..%2Fpackage.json`)).status, 404);
    assert.equal((await fetch(`${server.url}/elections/${election.electionId}/nope`)).status, 404);
  });

  test('a full vote by keyboard only, with a verified receipt', async () => {
    const page = await browser.newPage();
    const voter = election.voters[0];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await heading(page, election.manifest.title);
    const summary = await api<{ baseHash: string }>(`/api/elections/${election.electionId}`);
    assert.equal(
      await page.locator('.fingerprint').innerText(),
      electionFingerprint(summary.body.baseHash)
    );
    assert.equal(await focusedText(page), election.manifest.title, 'focus on the heading');
    await capture(page, '01-landing');
    await signInByKeyboard(page, voter, {
      typed: voter.code.toLowerCase().replaceAll('-', ' '),
      captureAs: '02-sign-in',
    });
    assert.equal(await page.inputValue('#code').catch(() => 'gone'), 'gone', 'the code is gone');
    await capture(page, '03-ballot');
    await page.keyboard.press('Tab'); // the radio group
    await page.keyboard.press('ArrowDown'); // second candidate
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await heading(page, en['review.title']);
    assert.match(await page.locator('.review').innerText(), /Sam Patel/);
    await capture(page, '04-review');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await heading(page, en['decide.title']);
    const tracker = await castByKeyboard(page, { decide: '05-decide', receipt: '06-receipt' });
    const found = await api<{ kind: string; position: number }>(
      `/api/elections/${election.electionId}/trackers/${tracker}`
    );
    assert.equal(found.body.kind, 'cast');
    assert.equal(String(found.body.position), await page.locator('#receipt-position').innerText());
    // Nothing secret in the URL or storage.
    assert.equal(new URL(page.url()).search, '');
    // This tab keeps only the receipt, for a reload (never the code, answers or session token).
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    const kept = await page.evaluate(() => JSON.stringify(sessionStorage));
    assert.doesNotMatch(kept, /token|Sam Patel/i);
    assert.doesNotMatch(kept, new RegExp(voter.code.replaceAll('-', ''), 'i'));
    await page.close();
  });

  test('device check (Benaloh) publishes an audited ballot, then a fresh encryption is cast', async () => {
    const page = await browser.newPage();
    const voter = election.voters[1];
    assert.ok(voter);
    await toBallot(page, server, election, voter);
    const first = await encryptChoice(page, 'Jo Evans');
    await page.click(`text=${en['decide.check']}`);
    await heading(page, en['audit.title']);
    assert.equal(await page.locator('#audit-tracker').innerText(), first);
    assert.match(await page.locator('.audit-choices').innerText(), /Jo Evans/);
    await page.click(`text=${en['audit.details']}`);
    await capture(page, '07-device-check');
    const audited = await api<{ kind: string }>(
      `/api/elections/${election.electionId}/trackers/${first}`
    );
    assert.equal(audited.body.kind, 'audited');
    await page.click(`button:has-text("${en['audit.again']}")`);
    await heading(page, en['decide.title']);
    const second = await page.locator('#tracker').innerText();
    assert.notEqual(second, first);
    await page.click(`text=${en['decide.cast']}`);
    await heading(page, en['receipt.title']);
    assert.equal(await page.locator('#receipt-tracker').innerText(), second);
    await page.close();
  });

  test('F10: the booth says what a device check reveals, and to whom, before it is chosen', async () => {
    const page = await browser.newPage();
    const voter = election.voters[2];
    assert.ok(voter);
    await toBallot(page, server, election, voter);
    await encryptChoice(page, 'Jo Evans');
    assert.equal(await page.locator('#check-privacy').innerText(), en['decide.checkPrivacy']);
    const describedBy = await page
      .locator(`button:has-text("${en['decide.check']}")`)
      .getAttribute('aria-describedby');
    assert.match(describedBy ?? '', /check-privacy/);
    // Before: the audit went with the member's session. Now nothing in it names the member.
    const sent = page.waitForRequest((request) => request.url().endsWith('/audits'));
    await page.click(`text=${en['decide.check']}`);
    const request = await sent;
    assert.equal(request.headers()['authorization'], undefined);
    assert.equal(request.headers()['cookie'], undefined);
    assert.doesNotMatch(request.postData() ?? '', /credential|signature|token/);
    await heading(page, en['audit.title']);
    await page.close();
  });

  test('a mistyped code gets check-character feedback before anything is sent', async () => {
    const page = await browser.newPage();
    const voter = election.voters[2];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await page.click(`text=${en['landing.start']}`);
    await heading(page, en['signIn.title']);
    const symbols = voter.code.replaceAll('-', '');
    const wrong = symbols.slice(0, 5) + (symbols[5] === 'X' ? 'Y' : 'X') + symbols.slice(6);
    await signIn(page, { code: wrong, answers: voter.answers });
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /does not add up/);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
    await capture(page, '08-wrong-code');
    await page.fill('#code', symbols.slice(0, 10));
    await page.click('button[type=submit]');
    await page.locator('.error-summary', { hasText: 'you entered 10' }).waitFor();
    await page.close();
  });

  test('the code is read from a photo of the pack’s QR code when there is no camera', async () => {
    const page = await browser.newPage();
    const voter = election.voters[3];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await page.click(`text=${en['landing.start']}`);
    await heading(page, en['signIn.title']);
    await page.click('#scan-toggle');
    assert.equal(await page.getAttribute('#scan-toggle', 'aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scan-toggle');
    // This browser has no camera: the reader says so and offers the photo.
    await page.locator('#scan-status', { hasText: en['scan.noCamera'] }).waitFor();
    await capture(page, '08b-scan-no-camera');
    await page.setInputFiles('#scan-photo', await writeQrPng(qrDirectory, voter.code));
    await page.locator('#code-scanned').waitFor();
    assert.equal(await page.inputValue('#code'), voter.code);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'code');
    assert.equal(await page.locator('#scan-panel').count(), 0, 'the panel closes');
    await capture(page, '08c-scan-read');
    await page.close();
  });

  test('the code is read from the camera (Chromium’s fake camera showing the pack’s QR code)', async () => {
    const voter = election.voters[4];
    assert.ok(voter);
    const video = writeQrY4m(qrDirectory, voter.code);
    const camera = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const page = await camera.newPage();
      await page.goto(`${server.url}/elections/${election.electionId}?lang=cy`);
      await page.click(`text=${cy['landing.start']}`);
      await heading(page, cy['signIn.title']);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await focusedText(page), cy['scan.start']);
      await page.keyboard.press('Enter');
      await page
        .locator('#code-scanned', { hasText: cy['scan.read'] })
        .waitFor({ timeout: 20_000 });
      assert.equal(await page.inputValue('#code'), voter.code);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'code');
      await capture(page, '08d-scan-camera-cy');
      assert.deepEqual(unexpectedProblems(camera), []);
    } finally {
      await camera.close();
    }
  });

  test('wrong answers until the pack is locked', async () => {
    const page = await browser.newPage();
    const voter = election.voters[3];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await page.click(`text=${en['landing.start']}`);
    const wrong = { code: voter.code, answers: { dob: '1900-01-01', postcode: 'X' } };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, wrong);
      await page.locator('.error-summary', { hasText: en['signIn.failed'] }).waitFor();
      if (attempt === 1) await capture(page, '09-wrong-answers');
      await page.locator('button[type=submit]:not([disabled])').waitFor();
      await page.evaluate(() => document.querySelector('.error-summary')?.remove());
    }
    await signIn(page, voter);
    await page.locator('.error-summary', { hasText: en['signIn.locked'] }).waitFor();
    await capture(page, '10-locked');
    await page.close();
  });

  test('a second attempt after voting is told it has voted; "was my pack used?" agrees', async () => {
    const page = await browser.newPage();
    const voter = election.voters[0];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await page.click(`text=${en['landing.start']}`);
    await signIn(page, voter);
    await heading(page, en['voted.title']);
    assert.match(await page.locator('main').innerText(), new RegExp(en['voted.online']));
    await capture(page, '11-already-voted');
    await page.goto(`${server.url}/elections/${election.electionId}/pack`);
    await heading(page, en['pack.title']);
    await capture(page, '12-pack-landing');
    await page.click(`text=${en['pack.start']}`);
    await page.locator('#code').waitFor();
    await signIn(page, voter);
    await page.locator('.notice', { hasText: en['voted.online'] }).waitFor();
    await capture(page, '13-pack-used');
    await page.close();
  });

  test('an expired session is explained, and signing in again keeps the choices', async () => {
    const page = await browser.newPage();
    const voter = election.voters[2];
    assert.ok(voter);
    await toBallot(page, server, election, voter);
    await encryptChoice(page, 'Alex Morgan');
    clockOffset.milliseconds += 31 * 60_000; // sessions last 30 minutes
    await page.click(`text=${en['decide.cast']}`);
    await page.locator('[role=alert]', { hasText: en['decide.sessionExpired'] }).waitFor();
    assert.equal(await page.locator(`text=${en['decide.cast']}`).count(), 0);
    await capture(page, '11b-session-expired');
    await page.click(`button:has-text("${en['signIn.submit']}")`);
    await heading(page, en['signIn.title']);
    await signIn(page, voter);
    await heading(page, en['ballot.title']);
    assert.equal(await page.isChecked('#contest-0-0'), true, 'choices kept');
    await page.click(`text=${en['ballot.continue']}`);
    await page.click(`text=${en['review.encrypt']}`);
    await heading(page, en['decide.title']);
    await page.click(`text=${en['decide.cast']}`);
    await heading(page, en['receipt.title']);
    await page.close();
  });

  test('tracker lookup and turnout pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/elections/${election.electionId}/tracker`);
    await heading(page, en['tracker.title']);
    await page.fill('#tracker-input', 'not a tracker');
    await page.click('button[type=submit]');
    await page.locator('.error-summary').waitFor();
    await capture(page, '14-tracker-invalid');
    const events = await api<{ events: { type: string; body: { tracker?: string } }[] }>(
      `/api/elections/${election.electionId}/events?from=0&limit=1000`
    );
    const cast = events.body.events.find((e) => e.type === 'ballot-cast');
    assert.ok(cast?.body.tracker);
    await page.fill('#tracker-input', cast.body.tracker.toUpperCase());
    await page.click('button[type=submit]');
    await page.locator('#tracker-result', { hasText: 'A cast ballot' }).waitFor();
    await capture(page, '15-tracker-found');
    await page.fill('#tracker-input', 'ab'.repeat(32));
    await page.click('button[type=submit]');
    await page.locator('#tracker-result', { hasText: en['tracker.notFound'] }).waitFor();
    await page.goto(`${server.url}/elections/${election.electionId}/board`);
    await heading(page, en['board.title']);
    const size = Number(await page.locator('#board-size').innerText());
    assert.ok(size > 10);
    // The public count of replacement packs (spec §9.5): none in this election.
    assert.equal(
      await page.locator('#board-replacements').innerText(),
      en['board.replacementsNone']
    );
    assert.equal(await page.locator('table.board tbody tr').count(), 10);
    assert.match(await page.locator('table.board').innerText(), /election-setup/);
    await capture(page, '15b-board');
    await page.click(`text=${en['board.next']}`);
    await page.locator('caption', { hasText: 'Entries 10 to' }).waitFor();
    const tenth = events.body.events[10];
    assert.ok(tenth);
    assert.match(
      await page.locator('table.board tbody tr').first().innerText(),
      new RegExp(`^10\\s.*${tenth.type}`)
    );
    assert.equal(await focusedText(page), en['board.title']);
    await page.click(`text=${en['board.previous']}`);
    await page.locator('caption', { hasText: 'Entries 0 to 9' }).waitFor();
    await page.setViewportSize({ width: 320, height: 640 });
    await capture(page, '15c-board-mobile');
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${server.url}/elections/${election.electionId}/turnout`);
    await heading(page, en['turnout.title']);
    assert.match(await page.locator('table').first().innerText(), /Total\s+3/);
    // Turnout over time: voters by hour in a table beside the chart, never counts per candidate.
    const hourly = await page.locator('#turnout-hourly tbody tr').allInnerTexts();
    assert.ok(hourly.length >= 1);
    assert.equal(
      hourly.map((row) => Number(row.split('\t')[1])).reduce((a, b) => a + b, 0),
      3
    );
    assert.ok(
      (await page.locator('section[aria-labelledby=turnout-by-hour] svg rect').count()) >= 2
    );
    await capture(page, '16-turnout');
    await page.close();
  });

  test('Welsh throughout, and switching language keeps the voter’s place', async () => {
    const page = await browser.newPage();
    const voter = election.voters[4];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${election.electionId}?lang=cy`);
    await page.locator('button', { hasText: cy['landing.start'] }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    await capture(page, '17-cy-landing');
    await page.click(`text=${cy['landing.start']}`);
    await heading(page, cy['signIn.title']);
    assert.equal(await page.locator('label[for=answer-dob]').innerText(), 'Dyddiad geni');
    assert.equal(await page.locator('label[for=answer-postcode]').innerText(), 'Cod post');
    await capture(page, '17b-cy-sign-in');
    await signIn(page, voter, cy['signIn.submit']);
    await heading(page, cy['ballot.title']);
    await page.check('label:has-text("Alex Morgan")');
    await page.click('#language-switch');
    await heading(page, en['ballot.title']);
    assert.equal(await page.isChecked('#contest-0-0'), true, 'choice kept across the switch');
    await page.click('#language-switch');
    await heading(page, cy['ballot.title']);
    await capture(page, '18-cy-ballot');
    await page.click(`text=${cy['ballot.continue']}`);
    await heading(page, cy['review.title']);
    await page.click(`text=${cy['review.encrypt']}`);
    await heading(page, cy['decide.title']);
    await capture(page, '19-cy-decide');
    await page.click(`text=${cy['decide.cast']}`);
    await heading(page, cy['receipt.title']);
    assert.equal(await page.locator('#receipt-check').innerText(), cy['receipt.signatureValid']);
    await capture(page, '20-cy-receipt');
    await page.close();
  });

  test('over-selection is explained before going on', async () => {
    const wide = await createFixtureElection(server, {
      voters: 1,
      contests: [
        {
          id: 'committee',
          title: 'Committee',
          minSelections: 1,
          maxSelections: 2,
          candidates: ['Ann', 'Bryn', 'Cai', 'Dee'],
        },
      ],
    });
    const page = await browser.newPage();
    const voter = wide.voters[0];
    assert.ok(voter);
    await toBallot(page, server, wide, voter);
    await page.click(`text=${en['ballot.continue']}`);
    await page.locator('.error-summary', { hasText: 'Select a candidate for Committee' }).waitFor();
    for (const name of ['Ann', 'Bryn', 'Cai']) await page.check(`label:has-text("${name}")`);
    await page.click(`text=${en['ballot.continue']}`);
    await page
      .locator('.error-summary', { hasText: 'Select no more than 2 candidates for Committee' })
      .waitFor();
    await capture(page, '21-over-selection');
    await page.uncheck('label:has-text("Cai")');
    await page.click(`text=${en['ballot.continue']}`);
    await heading(page, en['review.title']);
    await page.close();
  });

  test('not yet open, and after close', async () => {
    const page = await browser.newPage();
    const keyed = await createFixtureElection(server, { voters: 1, open: false });
    await page.goto(`${server.url}/elections/${keyed.electionId}`);
    await page.locator('.notice', { hasText: 'has not opened yet' }).waitFor();
    assert.equal(await page.locator(`text=${en['landing.start']}`).count(), 0);
    await capture(page, '22-not-open');
    await page.goto(`${server.url}/elections/${keyed.electionId}/result`);
    await page.locator('.notice', { hasText: en['result.none'] }).waitFor();
    await capture(page, '22b-no-result-yet');
    const closing = await createFixtureElection(server, { voters: 1 });
    const voter = closing.voters[0];
    assert.ok(voter);
    await toBallot(page, server, closing, voter);
    await encryptChoice(page, 'Alex Morgan');
    await closeFixtureElection(server, closing.electionId);
    await page.click(`text=${en['decide.cast']}`);
    await page.locator('[role=alert]', { hasText: en['decide.closed'] }).waitFor();
    assert.equal(
      await page.locator(`text=${en['decide.cast']}`).count(),
      0,
      'nothing left to cast'
    );
    await capture(page, '23-closed-while-voting');
    await page.goto(`${server.url}/elections/${closing.electionId}`);
    await page.locator('.notice', { hasText: en['landing.closed'] }).waitFor();
    await capture(page, '24-closed');
    await page.close();
  });

  test("F2: the booth refuses to encrypt under a key that does not follow from the trustees' ceremony", async () => {
    const page = await browser.newPage();
    const lied = await createFixtureElection(server, { voters: 1 });
    const voter = lied.voters[0];
    assert.ok(voter);
    await toBallot(page, server, lied, voter);
    await page.check('label:has-text("Alex Morgan")');
    await page.click(`text=${en['ballot.continue']}`);
    await heading(page, en['review.title']);
    // From now on the server serves a key of its own, K* = x*·G, with the base hash, summary and
    // fingerprint to match it: every cross-check of key, summary and base hash agrees.
    const group = server.service.group;
    const forged = bytesToHex(group.encodePoint(group.multiplyBase(randomScalar())));
    const events = await api<{ events: { type: string; body: Record<string, unknown> }[] }>(
      `/api/elections/${lied.electionId}/events?from=0&limit=1000`
    );
    const open = events.body.events.find((e) => e.type === 'election-open')?.body;
    assert.ok(open !== undefined);
    const baseHash = computeBaseHash({
      manifestHash: manifestHash(lied.manifest),
      electionKey: forged,
      credentialListHash: open['credentialListHash'] as string,
      credentialCount: open['credentialCount'] as number,
    });
    const path = `/api/elections/${lied.electionId}`;
    await page.route(
      (url) => url.pathname === path || url.pathname === `${path}/events`,
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as Record<string, unknown>;
        const lie = (event: { type: string; body: Record<string, unknown> }) =>
          event.type === 'election-key'
            ? { ...event, body: { ...event.body, publicKey: forged } }
            : event.type === 'election-open'
              ? { ...event, body: { ...event.body, baseHash } }
              : event;
        const json = Array.isArray(body['events'])
          ? { ...body, events: (body['events'] as Parameters<typeof lie>[0][]).map(lie) }
          : { ...body, electionKey: forged, baseHash, fingerprint: electionFingerprint(baseHash) };
        await route.fulfill({ response, json });
      }
    );
    await page.click(`text=${en['review.encrypt']}`);
    await page.locator('[role=alert]', { hasText: en['app.keyNotFromCeremony'] }).waitFor();
    assert.equal(await page.locator('#tracker').count(), 0, 'nothing was encrypted');
    await capture(page, '24b-key-not-from-ceremony');
    await page.close();
  });

  test("F16: the booth checks the receipt against the manifest's board key, not the summary's", async () => {
    const page = await browser.newPage();
    const target = await createFixtureElection(server, { voters: 1 });
    const voter = target.voters[0];
    assert.ok(voter);
    // The server states a board key of its own and signs receipts with it.
    const group = server.service.group;
    const secret = randomScalar();
    const ownKey = bytesToHex(group.encodePoint(group.multiplyBase(secret)));
    const path = `/api/elections/${target.electionId}`;
    await page.route(
      (url) => url.pathname === path || url.pathname === `${path}/ballots`,
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as Record<string, unknown>;
        if (route.request().method() === 'GET')
          return route.fulfill({ response, json: { ...body, boardPublicKey: ownKey } });
        const { signature: _signature, ...unsigned } = body as unknown as Receipt;
        const message = receiptMessage(unsigned);
        const hash = manifestHash(target.manifest);
        const json = { ...unsigned, signature: signStatement(group, hash, secret, message) };
        return route.fulfill({ response, json });
      }
    );
    await toBallot(page, server, target, voter);
    await encryptChoice(page, 'Sam Patel');
    await page.click(`text=${en['decide.cast']}`);
    await heading(page, en['receipt.title']);
    assert.equal(await page.locator('#receipt-check').innerText(), en['receipt.signatureInvalid']);
    await page.close();
  });

  test('mobile width (320 px, as 1280 px at 400 % zoom) reflows without sideways scrolling', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    const voter = election.voters[5];
    assert.ok(voter);
    await toBallot(page, server, election, voter);
    await noSidewaysScroll(page, 'ballot');
    await capture(page, '26-mobile-ballot');
    await encryptChoice(page, 'Sam Patel');
    await noSidewaysScroll(page, 'decide');
    await capture(page, '27-mobile-decide');
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await heading(page, election.manifest.title);
    await noSidewaysScroll(page, 'landing');
    await capture(page, '28-mobile-landing');
    await page.close();
  });

  test('encrypting a 1-of-10 ballot in the worker (timing reported)', async () => {
    const ten = await createFixtureElection(server, {
      voters: 1,
      contests: [
        {
          id: 'leader',
          title: 'Leader',
          minSelections: 1,
          maxSelections: 1,
          candidates: Array.from({ length: 10 }, (_, i) => `Candidate ${i + 1}`),
        },
      ],
    });
    const page = await browser.newPage();
    const voter = ten.voters[0];
    assert.ok(voter);
    await toBallot(page, server, ten, voter);
    await encryptChoice(page, 'Candidate 7');
    const times = [Number(await page.getAttribute('#tracker', 'data-encryption-ms'))];
    const preparation = Number(await page.getAttribute('#tracker', 'data-preparation-ms'));
    for (let i = 0; i < 3; i++) {
      await page.click(`text=${en['decide.check']}`);
      await heading(page, en['audit.title']);
      await page.click(`button:has-text("${en['audit.again']}")`);
      await heading(page, en['decide.title']);
      await page.locator('#tracker').waitFor();
      times.push(Number(await page.getAttribute('#tracker', 'data-encryption-ms')));
    }
    console.log(
      `encryption of a 1-of-10 ballot in Chromium (ms, first then warm): ${times.join(', ')}; ` +
        `election key table, once: ${preparation} ms`
    );
    assert.ok(times.every((ms) => ms > 0 && ms < 2000));
    await page.close();
  });

  test('ballots cast in the browser are on the board, counted, and the record verifies', async () => {
    const { result, recordDirectory: directory } = await tallyAndPublish(server, election);
    const options = result.contests[0]?.options.map((o) => o.online);
    // Voter 0 chose Sam Patel, voter 1 Jo Evans (after a device check), voters 2 (after an
    // expired session) and 4 Alex Morgan.
    assert.deepEqual(options, [2, 1, 1]);
    const report = await verifyRecord(recordDirectory(directory));
    assert.deepEqual(
      report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
      []
    );
    assert.equal(report.ok, true);
    // The fixture published nominations.json, and writeRecordBundle put it in the bundle.
    assert.equal(report.checks.find((c) => c.id === 'V1.3')?.status, 'passed');
    nodeReport = report;
    const page = await browser.newPage();
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await page.locator('.notice', { hasText: en['landing.counted'] }).waitFor();
    await page.goto(`${server.url}/elections/${election.electionId}/result`);
    await heading(page, en['result.title']);
    // The declaration (spec §9.8): shares of the papers counted, who is elected, the turnout;
    // and a plain statement that this page has not checked the record.
    const rows = await page
      .locator('section[aria-labelledby=declaration-0] tbody tr')
      .allInnerTexts();
    assert.deepEqual(
      rows.map((row) => row.split('\t').map((cell) => cell.trim())),
      [
        ['Alex Morgan', '2', '0', '2', '50.0', en['result.isElected']],
        ['Sam Patel', '1', '0', '1', '25.0', ''],
        ['Jo Evans', '1', '0', '1', '25.0', ''],
      ]
    );
    assert.match(
      await page.locator('section[aria-labelledby=result-elected]').innerText(),
      /Alex Morgan/
    );
    assert.match(
      await page.locator('section[aria-labelledby=result-turnout]').innerText(),
      new RegExp(`${en['result.electorate']}\\s+6`)
    );
    assert.match(await page.locator('#result-unverified').innerText(), /has not checked it/);
    assert.equal(await page.locator('svg.chart rect').count(), 3);
    await capture(page, '25-result');
    await page.click('#language-switch');
    await page.locator('#result-unverified', { hasText: cy['result.checkIt'] }).waitFor();
    await capture(page, '25b-result-cy');
    await page.close();
  });

  test('the in-browser verifier checks the published record, by keyboard, in both languages', async () => {
    assert.ok(nodeReport, 'runs after the tally');
    const page = await browser.newPage();
    await page.goto(`${server.url}/elections/${election.electionId}/verify`);
    await heading(page, en['verify.title']);
    assert.equal(await focusedText(page), en['verify.title']);
    await capture(page, '29-verify-start');
    await page.keyboard.press('Tab');
    assert.equal(await focusedText(page), en['verify.start']);
    const started = Date.now();
    await page.keyboard.press('Enter');
    const outcome = page.locator('#verify-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    console.log(
      `in-browser verification of the ${nodeReport.events}-event record: ${Date.now() - started} ms`
    );
    assert.equal(await outcome.getAttribute('data-ok'), 'true');
    // The WebAssembly backend ran: the page CSP lets it compile and the server serves it (§2.9).
    assert.equal(await outcome.getAttribute('data-backend'), 'wasm');
    assert.equal(await outcome.innerText(), en['verify.passed']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'verify-outcome');
    // Every numbered check, with the Node verifier's status; none failed.
    const statuses = await page
      .locator('table.checks tbody tr')
      .evaluateAll((rows) => rows.map((row) => [row.id, row.getAttribute('data-status')]));
    assert.deepEqual(
      statuses,
      nodeReport.checks.map((check) => [`check-${check.id}`, check.status])
    );
    assert.ok(statuses.every(([, status]) => status !== 'failed'));
    assert.equal(statuses.filter(([, status]) => status === 'passed').length > 30, true);
    // V1.3 ran on the board's nominations.json, fetched by the page (not merely not reached).
    assert.equal(await page.getAttribute('#check-V1\\.3', 'data-status'), 'passed');
    // The recomputed tally is the published result.
    const tally = await page
      .locator('section[aria-labelledby=verify-tally] tbody tr')
      .allInnerTexts();
    assert.deepEqual(
      tally.map((row) => row.split('\t').map((cell) => cell.trim())),
      [
        ['Alex Morgan', '2', '0', '2'],
        ['Sam Patel', '1', '0', '1'],
        ['Jo Evans', '1', '0', '1'],
      ]
    );
    await capture(page, '30-verify-passed');
    await page.setViewportSize({ width: 320, height: 640 });
    await noSidewaysScroll(page, 'verifier');
    await capture(page, '30b-verify-mobile');
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.click('#language-switch');
    await page.locator('#verify-outcome', { hasText: cy['verify.passed'] }).waitFor();
    assert.match(await page.locator('#check-V5\\.5').innerText(), new RegExp(cy['check.V5.5']));
    await capture(page, '31-verify-passed-cy');
    await page.close();
  });

  test('the in-browser verifier names the check a tampered record fails', async () => {
    const page = await browser.newPage();
    // A result line whose online count for the first candidate is one higher than decrypted.
    await page.route('**/record/board.jsonl', async (route) => {
      const response = await route.fetch();
      const lines = (await response.text()).split('\n');
      const index = lines.findIndex((line) => line.includes('"type":"election-result"'));
      assert.ok(index > 0);
      lines[index] = (lines[index] ?? '').replace('"online":2', '"online":3');
      await route.fulfill({ response, body: lines.join('\n') });
    });
    await page.goto(`${server.url}/elections/${election.electionId}/verify`);
    await heading(page, en['verify.title']);
    await page.click(`text=${en['verify.start']}`);
    const outcome = page.locator('#verify-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    assert.equal(await outcome.getAttribute('data-ok'), 'false');
    assert.equal(await page.getAttribute('#check-V9\\.1', 'data-status'), 'failed');
    assert.equal(await page.getAttribute('#check-V5\\.5', 'data-status'), 'passed');
    assert.match(await page.locator('#check-V9\\.1 .failures').innerText(), /\S/);
    // Nothing is shown as verified under a record that does not verify.
    assert.equal(
      await page.locator('section[aria-labelledby=verify-tally] .notice').innerText(),
      en['verify.tallyNotShown']
    );
    assert.equal(
      await page.locator('#verify-tally').innerText(),
      en['verify.tallyUnverifiedTitle']
    );
    assert.equal(await page.locator('section[aria-labelledby=verify-tally] table').count(), 0);
    await capture(page, '32-verify-tampered');
    await page.close();
  });

  test('F9: the in-browser verifier lists a trustee’s set-aside batch as a fault and says VALID', async () => {
    // The record of the valid-share-set-aside fixture, served in place of this election's.
    const fixture = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'packages',
      'verifier',
      'fixtures',
      'valid-share-set-aside',
      'record'
    );
    const page = await browser.newPage();
    for (const file of ['format.json', 'board.jsonl', 'checkpoints.jsonl'])
      await page.route(`**/record/${file}`, (route) =>
        route.fulfill({ status: 200, body: readFileSync(join(fixture, file), 'utf8') })
      );
    await page.goto(`${server.url}/elections/${election.electionId}/verify`);
    await heading(page, en['verify.title']);
    await page.click(`text=${en['verify.start']}`);
    const outcome = page.locator('#verify-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    assert.equal(await outcome.getAttribute('data-ok'), 'true');
    assert.equal(await page.locator('#verify-faults').innerText(), en['verify.faultsTitle']);
    const faults = page.locator('#verify-faults-section li');
    assert.equal(await faults.count(), 1);
    assert.equal(await faults.first().getAttribute('data-check'), 'V8.2');
    assert.equal(await faults.first().getAttribute('data-trustee'), '1');
    assert.match(await faults.first().innerText(), /decryption\/invalid-proof/);
    assert.equal(await page.getAttribute('#check-V8\\.2', 'data-status'), 'passed');
    await capture(page, '32b-verify-fault');
    await page.close();
  });

  test('the board page checks checkpoint signatures and inclusion and consistency proofs here', async () => {
    const page = await browser.newPage();
    const events = await api<{ events: { type: string; body: { tracker?: string } }[] }>(
      `/api/elections/${election.electionId}/events?from=0&limit=1000`
    );
    const tracker = events.body.events.find((e) => e.type === 'ballot-cast')?.body.tracker;
    assert.ok(tracker);
    await page.goto(`${server.url}/elections/${election.electionId}/board`);
    await heading(page, en['board.title']);
    const signatures = page.locator('table.checkpoints tbody td:last-child');
    await signatures.first().waitFor();
    const statuses = await signatures.allInnerTexts();
    assert.ok(statuses.length >= 2);
    assert.equal(await focusedText(page), en['board.title'], 'focus kept across the late redraw');
    assert.ok(statuses.every((text) => text === en['board.signatureValid']));
    await page.fill('#inclusion-tracker', 'nope');
    await page.click(`text=${en['board.inclusionCheck']}`);
    await page.locator('#inclusion-error').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inclusion-tracker');
    await page.fill('#inclusion-tracker', tracker);
    await page.click(`text=${en['board.inclusionCheck']}`);
    const inclusion = page.locator('#inclusion-outcome.ok');
    await inclusion.waitFor();
    assert.match(await inclusion.innerText(), /is in the signed checkpoint of \d+ entries/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inclusion-outcome');
    // The latest is preselected as "to"; choose the earliest as "from".
    const options = await page.locator('#consistency-from option').allInnerTexts();
    await page.selectOption('#consistency-from', { index: options.length - 1 });
    await page.click(`text=${en['board.consistencyCheck']}`);
    await page.locator('#consistency-outcome.ok').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'consistency-outcome');
    await capture(page, '33-board-proofs');
    await page.setViewportSize({ width: 320, height: 640 });
    await noSidewaysScroll(page, 'board proofs');
    await page.setViewportSize({ width: 1000, height: 800 });
    // A proof hash flipped in transit is caught here, not taken on trust.
    await page.route('**/proofs/inclusion?*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { proof: string[] };
      body.proof[0] = `${body.proof[0]?.startsWith('0') ? '1' : '0'}${body.proof[0]?.slice(1) ?? ''}`;
      await route.fulfill({ response, json: body });
    });
    await page.click(`text=${en['board.inclusionCheck']}`);
    await page.locator('#inclusion-outcome.error', { hasText: en['board.proofBad'] }).waitFor();
    await capture(page, '34-board-proof-bad');
    await page.close();
  });

  test('the server’s home page lists its elections with every public page, in both languages', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await heading(page, en['home.title']);
    const links = await page
      .locator(`nav[aria-label*="(${election.electionId})"] a`)
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    const base = `/elections/${election.electionId}`;
    for (const href of [
      base,
      `${base}/board`,
      `${base}/turnout`,
      `${base}/result`,
      `${base}/verify`,
    ])
      assert.ok(links.includes(href), `${href} in ${links.join(' ')}`);
    await capture(page, '40-home');
    await page.click('#language-switch');
    await heading(page, cy['home.title']);
    await capture(page, '40b-home-cy');
    await page.close();
  });

  test('no console errors or CSP violations in any page', () => {
    assert.deepEqual(unexpectedProblems(browser), []);
  });
});
