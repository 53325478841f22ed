/**
 * The booth says "confirmed" only with the witnesses' quorum (spec §10.6.3), in Chromium against
 * a real server: after casting, the receipt page shows "pending" until a checkpoint covers the
 * ballot, then "not yet witnessed" with no co-signature and with one (the quorum is 2), and
 * "confirmed" only once two named witnesses have co-signed that checkpoint. Its dispute button
 * files the receipt as a public receipt-dispute (spec §9.5.5).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { bytesToHex, randomScalar } from '@scrutineer/crypto';
import { cosignCheckpoint } from '@scrutineer/record';
import { type RunningServer, signCheckpoint } from '@scrutineer/server';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { castChoice, toBallot } from './support/booth-steps.ts';
import { en } from '../src/i18n/messages-en.ts';
import { type TestBrowser, capture, launchBrowser } from './support/browser.ts';
import {
  type FixtureElection,
  createFixtureElection,
  startFixtureServer,
} from './support/election-fixture.ts';

let server: RunningServer;
let browser: TestBrowser;
let election: FixtureElection;
const witnessKeys = [randomScalar(), randomScalar(), randomScalar()];

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  const { group } = server.service;
  election = await createFixtureElection(server, {
    voters: 1,
    witnesses: {
      quorum: 2,
      members: witnessKeys.map((key, i) => ({
        name: `Witness ${i + 1}`,
        publicKey: bytesToHex(group.encodePoint(group.multiplyBase(key))),
      })),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function confirmationAfterCheck(page: Page): Promise<string> {
  await page.getByRole('button', { name: en['receipt.checkAgain'], exact: true }).click();
  return settled(page);
}

async function settled(page: Page): Promise<string> {
  const line = page.locator('#receipt-confirmation');
  await page.waitForFunction(
    () => document.querySelector('#receipt-confirmation')?.getAttribute('data-state') !== 'checking'
  );
  return line.getAttribute('data-state') as Promise<string>;
}

test('the receipt page shows "confirmed" only when a quorum of witnesses co-signed a checkpoint holding the ballot', async () => {
  const page = await browser.newPage();
  const voter = election.voters[0];
  assert.ok(voter);
  await toBallot(page, server, election, voter);
  await castChoice(page, 'Sam Patel');

  // No checkpoint covers the ballot yet (the fixture board signs every 1000 events).
  assert.equal(await settled(page), 'pending');
  assert.equal(await page.locator('#receipt-confirmation').innerText(), en['receipt.pending']);

  const checkpoint = await signCheckpoint(server.service, election.electionId);
  assert.ok(checkpoint !== null);
  assert.equal(await confirmationAfterCheck(page), 'not-witnessed');
  assert.equal(await page.locator('#receipt-confirmation').innerText(), en['receipt.notWitnessed']);

  const post = (key: bigint) =>
    fetch(`${server.url}/api/elections/${election.electionId}/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        cosignCheckpoint(server.service.group, election.manifest, key, checkpoint)
      ),
    });
  assert.equal((await post(witnessKeys[0] as bigint)).status, 200);
  assert.equal(await confirmationAfterCheck(page), 'not-witnessed', 'one of a quorum of two');

  assert.equal((await post(witnessKeys[1] as bigint)).status, 200);
  assert.equal(await confirmationAfterCheck(page), 'confirmed');
  assert.equal(await page.locator('#receipt-confirmation').innerText(), en['receipt.confirmed']);
  await capture(page, '30-receipt-confirmed');

  // The dispute button files the receipt; the board publishes it as a receipt-dispute (V5.11).
  await page.click(`text=${en['receipt.disputeSummary']}`);
  await page.getByRole('button', { name: en['receipt.dispute'], exact: true }).click();
  await page.locator('#dispute-status', { hasText: 'Dispute filed' }).waitFor();
  const status = await page.locator('#dispute-status').innerText();
  const position = Number(/position (\d+)/.exec(status)?.[1]);
  const event = (await (
    await fetch(`${server.url}/api/elections/${election.electionId}/events/${position}`)
  ).json()) as { event: { type: string } };
  assert.equal(event.event.type, 'receipt-dispute');
  await page.close();
});
