/**
 * The officer's console for a ballot event with styles and weights (spec §13.1.1, §13.6), in
 * Chromium against a real server: the officer opens voting from the answers table `packs generate`
 * writes, whose styles and weights reach the board; while voting runs, each contest is listed with
 * its own electorate and turnout — weighted beside unweighted — and no count of any candidate; the
 * page passes axe in English and Welsh.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bytesToHex, deriveCredentialKey, loadGroup, parseVotingCode } from '@scrutineer/crypto';
import { generatePostalReturn, hashSecurityAnswers } from '@scrutineer/protocol';
import { CredentialListHasher, type EventBody } from '@scrutineer/record';
import type { RunningServer } from '@scrutineer/server';
import { consoleEn as ce } from '../src/console/i18n/console-messages-en.ts';
import { consoleCy as cc } from '../src/console/i18n/console-messages-cy.ts';
import { type TestBrowser, capture, launchBrowser } from './support/browser.ts';
import {
  type FixtureElection,
  type FixtureVoter,
  startFixtureServer,
} from './support/election-fixture.ts';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { toBallot } from './support/booth-steps.ts';
import {
  castNorthernBallot,
  createStyledElection,
  styledTerms,
} from './support/styled-election.ts';

const CHEAP_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

/** answers.json as `packs generate` writes it for a styled election: each key's style and weight. */
async function answersTable(): Promise<string> {
  const group = await loadGroup('sodium');
  const hasher = new CredentialListHasher();
  const entries = await Promise.all(
    election.voters.map(async (voter, i) => {
      const code = parseVotingCode(voter.code);
      assert.ok(code.ok);
      const key = bytesToHex(
        group.encodePoint(deriveCredentialKey(group, election.electionId, code.value).publicKey)
      );
      return {
        key,
        answersHash: await hashSecurityAnswers(['dob', 'postcode'], voter.answers, CHEAP_ARGON2),
        returnCommitment: generatePostalReturn(key).commitment,
        ...styledTerms(i),
      };
    })
  );
  for (const entry of entries) hasher.add(entry.key);
  return JSON.stringify({
    format: 'scrutineer/answers/v1',
    electionId: election.electionId,
    questions: ['dob', 'postcode'],
    count: entries.length,
    credentialListHash: hasher.digestHex(),
    entries,
  });
}

let server: RunningServer;
let browser: TestBrowser;
let election: FixtureElection;

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  // Six members: two of each category (north, south, affiliates weighing 3); keyed, not open.
  election = await createStyledElection(server, 6, false);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('console: each contest’s electorate and turnout (Chromium)', () => {
  test('opened from the answers table; a northern member has voted: only the north style’s contests count them', async () => {
    const page = await browser.newPage();
    try {
      // The tab holds the officer's key as the console's sign-in leaves it (console-session.ts).
      await page.addInitScript(
        ([id, key]) => sessionStorage.setItem(`scrutineer-officer:${id}`, key),
        [election.electionId, election.adminKey] as const
      );
      await page.goto(`${server.url}/console/${election.electionId}`);
      await page.locator('#stage', { hasText: ce['stage.keyed'] }).waitFor({ timeout: 30_000 });
      await page.setInputFiles('#answers-file', {
        name: 'answers.json',
        mimeType: 'application/json',
        buffer: Buffer.from(await answersTable()),
      });
      await page.locator('#answers-file-hint', { hasText: 'answers.json' }).waitFor();
      await page.check('#confirm-open');
      await page.click('#open');
      await page.locator('#stage', { hasText: ce['stage.open'] }).waitFor({ timeout: 60_000 });
      // Spec §13.1: the board published each key's category and weight with it.
      const listed = (await (
        await fetch(`${server.url}/api/elections/${election.electionId}/events?from=0&limit=100`)
      ).json()) as { events: { type: string; body: unknown }[] };
      const credentials = listed.events.find((e) => e.type === 'credentials')
        ?.body as EventBody<'credentials'>;
      assert.deepEqual(
        credentials.styles,
        [0, 1, 2, 3, 4, 5].map((i) => styledTerms(i).style)
      );
      assert.deepEqual(credentials.weights, [1, 1, 3, 1, 1, 3]);

      const booth = await browser.newPage();
      try {
        await toBallot(booth, server, election, election.voters[0] as FixtureVoter);
        await castNorthernBallot(booth);
      } finally {
        await booth.close();
      }
      await page.click('#refresh');
      await page
        .locator('#contest-turnout tbody tr:first-child td:nth-child(3)', { hasText: '1' })
        .waitFor({ timeout: 30_000 });
      const cells = async () =>
        (await page.locator('#contest-turnout tbody tr').allInnerTexts()).map((row) =>
          row.split('\t').map((cell) => cell.trim())
        );
      // The fixture has a postal channel: no pack received yet, so 0 in every contest (§13.2.1).
      // Electorates: general 6 (weight 2·1 + 2·1 + 2·3 = 10); the northern seat 2; the members'
      // chair 4 (north and south); the affiliates' chair 2 (weight 6).
      assert.deepEqual(await cells(), [
        ['General secretary', '6', '1', '0', '1 (16.7%)', '10', '1 (10.0%)'],
        ['Northern seat', '2', '1', '0', '1 (50.0%)', '2', '1 (50.0%)'],
        ['Chair: members’ college', '4', '1', '0', '1 (25.0%)', '4', '1 (25.0%)'],
        ['Chair: affiliates’ college', '2', '0', '0', '0 (0.0%)', '6', '0 (0.0%)'],
      ]);
      // Who voted, never for whom: no candidate's name anywhere in the summary.
      const summary = await page
        .locator('section', { has: page.locator('#contests-title') })
        .innerText();
      for (const name of ['Alex Morgan', 'Ria Shah', 'Kim Lee'])
        assert.ok(!summary.includes(name), `${name} appears in the contest summary`);
      assert.ok(summary.includes(ce['contests.postalNote']));
      await capture(page, 'console-styles-01-contests');
      await page.click('#language-switch');
      await page.locator('#contests-title', { hasText: cc['contests.title'] }).waitFor();
      assert.deepEqual((await cells())[1], [
        'Northern seat',
        '2',
        '1',
        '0',
        '1 (50.0%)',
        '2',
        '1 (50.0%)',
      ]);
      await capture(page, 'console-styles-01-contests-cy');
    } finally {
      await page.close();
    }
  });
});
