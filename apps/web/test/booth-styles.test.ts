/**
 * Ballot styles in the booth (spec §13.2), in Chromium against a real server: a member of each of
 * three categories signs in and sees exactly the contests of their style — no more, no fewer —
 * and a northern member's ballot (three of four contests) is encrypted, cast and receipted; the
 * result page then shows each contest's own turnout and the college (spec §9.9).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@scrutineer/server';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { heading, toBallot } from './support/booth-steps.ts';
import { en } from '../src/i18n/messages-en.ts';
import { type TestBrowser, launchBrowser } from './support/browser.ts';
import {
  type FixtureElection,
  type FixtureVoter,
  startFixtureServer,
  tallyAndPublish,
} from './support/election-fixture.ts';
import { CATEGORIES, castNorthernBallot, createStyledElection } from './support/styled-election.ts';

let server: RunningServer;
let browser: TestBrowser;
let election: FixtureElection;

const EXPECTED: Record<(typeof CATEGORIES)[number], string[]> = {
  north: ['General secretary', 'Northern seat', 'Chair: members’ college'],
  south: ['General secretary', 'Chair: members’ college'],
  affiliates: ['General secretary', 'Chair: affiliates’ college'],
};

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  election = await createStyledElection(server);
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
        await toBallot(page, server, election, election.voters[i] as FixtureVoter);
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
      await toBallot(page, server, election, election.voters[0] as FixtureVoter);
      const cast = await castNorthernBallot(page);
      assert.equal(cast.reviewed, 3);
      assert.equal(cast.receipt, cast.tracker);
    } finally {
      await page.close();
    }
  });

  test('the result page: each contest’s own electorate and turnout, and the college (spec §9.9)', async () => {
    await tallyAndPublish(server, election);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/elections/${election.electionId}/result`);
      await heading(page, en['result.title']);
      const turnout = (c: number) =>
        page.locator(`section[aria-labelledby=declaration-${c}] p.contest-turnout`).allInnerTexts();
      // Three credentials (weights 1, 1, 3) vote in the general contest; only the northern one
      // in the northern seat; the northern member alone voted.
      assert.deepEqual(await turnout(0), [
        'Electorate for this contest: 3; voted: 1 (33.3%), 1 online and 0 by post.',
        'Weighted: electorate 5, voted 1 (20.0%); shares are of 1 weighted papers.',
      ]);
      assert.match(
        (await turnout(1))[0] ?? '',
        /^Electorate for this contest: 1; voted: 1 \(100\.0%\)/
      );
      assert.match(
        (await turnout(3))[0] ?? '',
        /^Electorate for this contest: 1; voted: 0 \(0\.0%\)/
      );
      // The affiliates' part had no vote, so it contributes nothing: Kim Lee's 1/1 × 50 %.
      const rows = await page
        .locator('section[aria-labelledby=declaration-college-0] tbody tr')
        .allInnerTexts();
      assert.deepEqual(
        rows.map((row) => row.split('\t').map((cell) => cell.trim())),
        [
          ['Kim Lee', '50.00', '1/2', en['result.collegeLeads']],
          ['Pat Doyle', '0.00', '0/1', ''],
        ]
      );
    } finally {
      await page.close();
    }
  });
});
