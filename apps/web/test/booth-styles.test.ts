/**
 * Ballot styles in the booth (spec §13.2), in Chromium against a real server: a member of each of
 * three categories signs in and sees exactly the contests of their style — no more, no fewer —
 * and a northern member's ballot (three of four contests) is encrypted, cast and receipted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningServer } from '@scrutineer/server';
import { buildWeb } from '../src/build/build-web.ts';
import { en } from '../src/i18n/messages-en.ts';
import { type TestBrowser, launchBrowser } from './support/browser.ts';
import {
  type FixtureElection,
  type FixtureVoter,
  createFixtureElection,
  startFixtureServer,
} from './support/election-fixture.ts';

let server: RunningServer;
let browser: TestBrowser;
let election: FixtureElection;

const CATEGORIES = ['north', 'south', 'affiliates'] as const;
const EXPECTED: Record<(typeof CATEGORIES)[number], string[]> = {
  north: ['General secretary', 'Northern seat', 'Chair: members'],
  south: ['General secretary', 'Chair: members'],
  affiliates: ['General secretary', 'Chair: affiliates'],
};

async function heading(page: Page, text: string): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor({ timeout: 20_000 });
}

async function toBallot(page: Page, voter: FixtureVoter): Promise<void> {
  await page.goto(`${server.url}/elections/${election.electionId}`);
  await page.click(`text=${en['landing.start']}`);
  await heading(page, en['signIn.title']);
  await page.fill('#code', voter.code);
  await page.fill('#answer-dob', voter.answers.dob);
  await page.fill('#answer-postcode', voter.answers.postcode);
  await page.click('button[type=submit]');
  await heading(page, en['ballot.title']);
}

before(async () => {
  await buildWeb({ quiet: true });
  ({ server } = await startFixtureServer());
  const candidates = ['Kim Lee', 'Pat Doyle'];
  election = await createFixtureElection(server, {
    voters: 3,
    contests: [
      {
        id: 'general',
        title: 'General secretary',
        minSelections: 1,
        maxSelections: 1,
        candidates: ['Alex Morgan', 'Sam Patel'],
      },
      {
        id: 'north-seat',
        title: 'Northern seat',
        minSelections: 1,
        maxSelections: 1,
        candidates: ['Jo Evans', 'Ria Shah'],
      },
      {
        id: 'chair-members',
        title: 'Chair: members',
        minSelections: 1,
        maxSelections: 1,
        candidates,
      },
      {
        id: 'chair-affiliates',
        title: 'Chair: affiliates',
        minSelections: 1,
        maxSelections: 1,
        candidates,
      },
    ],
    styles: {
      minCategorySize: 1,
      categories: [
        { id: 'north', name: 'North', contests: ['general', 'north-seat', 'chair-members'] },
        { id: 'south', name: 'South', contests: ['general', 'chair-members'] },
        { id: 'affiliates', name: 'Affiliates', contests: ['general', 'chair-affiliates'] },
      ],
    },
    weights: { max: 10 },
    termsOf: (i) => ({ style: CATEGORIES[i] ?? 'north', weight: i === 2 ? 3 : 1 }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('ballot styles in the booth (Chromium)', () => {
  for (const [i, category] of CATEGORIES.entries()) {
    test(`a ${category} member sees exactly their contests`, async () => {
      const page = await browser.newPage();
      try {
        await toBallot(page, election.voters[i] as FixtureVoter);
        const shown = await page.locator('fieldset legend h2').allInnerTexts();
        assert.deepEqual(shown, EXPECTED[category]);
      } finally {
        await page.close();
      }
    });
  }

  test('a northern member’s styled ballot is encrypted, cast and receipted', async () => {
    const page = await browser.newPage();
    try {
      await toBallot(page, election.voters[0] as FixtureVoter);
      for (const name of ['Alex Morgan', 'Ria Shah', 'Kim Lee'])
        await page.check(`label:has-text("${name}")`);
      await page.click(`text=${en['ballot.continue']}`);
      await heading(page, en['review.title']);
      assert.equal(await page.locator('dl.review dt').count(), 3);
      await page.click(`text=${en['review.encrypt']}`);
      await heading(page, en['decide.title']);
      const tracker = await page.locator('#tracker').innerText();
      await page.click(`text=${en['decide.cast']}`);
      await heading(page, en['receipt.title']);
      assert.equal(await page.locator('#receipt-tracker').innerText(), tracker);
    } finally {
      await page.close();
    }
  });
});
