/**
 * Ranked contests in the booth (spec §11.1–§11.2), in Chromium against a real server, in an
 * election that mixes them with a homomorphic question: a leader by AV (IRV), a committee by STV
 * and a yes/no motion. A member ranks by keyboard only and is told, before anything is encrypted,
 * of a number used twice, a gap and a number out of range; the review reads the ranking back in
 * words; a device check (Benaloh) opens the ranked ballot, which reads back as the ranking in the
 * booth and is checked on a second device; the fresh encryption is cast, and its tracker looked
 * up. Welsh throughout. Every state is checked with axe (0 violations).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningServer } from '@scrutineer/server';
import { cy } from '../src/i18n/messages-cy.ts';
import { en } from '../src/i18n/messages-en.ts';
import {
  type TestBrowser,
  capture,
  focusedText,
  launchBrowser,
  unexpectedProblems,
} from './support/browser.ts';
import {
  type FixtureElection,
  type FixtureVoter,
  createFixtureElection,
  startFixtureServer,
} from './support/election-fixture.ts';
import { rankedContestSpec } from './support/ranked-election.ts';
import { heading, signIn, toBallot as driveToBallot } from './support/booth-driver.ts';
import { castByKeyboard, signInByKeyboard } from './support/booth-steps.ts';
import { sharedWebBuild } from './support/shared-web-build.ts';

let server: RunningServer;
let browser: TestBrowser;
let election: FixtureElection;

const LEADER = ['Alex Morgan', 'Sam Patel', 'Jo Evans', 'Ria Shah'];
const COMMITTEE = ['Ann Hughes', 'Bryn Jones', 'Cai Lewis', 'Dee Owen', 'Eli Price'];

/** A message with its parameters filled in, as the page shows it. */
function message(template: string, parameters: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(parameters[name]));
}

/** Signs in to this election's booth (in Welsh with `?lang=cy`) and reaches the ballot. */
function toBallot(page: Page, voter: FixtureVoter, query = ''): Promise<void> {
  const address = `${server.url}/elections/${election.electionId}${query}`;
  return driveToBallot(page, address, voter, query === '?lang=cy' ? cy : en);
}

/** The ballot's boxes: contest c, candidate j. */
const box = (c: number, j: number): string => `#contest-${c}-${j}`;

async function ballotCast(tracker: string): Promise<{ contests: Record<string, unknown>[] }> {
  const response = await fetch(
    `${server.url}/api/elections/${election.electionId}/events?from=0&limit=1000`
  );
  const { events } = (await response.json()) as {
    events: { type: string; body: { tracker?: string; ballot?: unknown } }[];
  };
  const cast = events.find((e) => e.type === 'ballot-cast' && e.body.tracker === tracker);
  assert.ok(cast, `a ballot-cast event with tracker ${tracker}`);
  return cast.body.ballot as { contests: Record<string, unknown>[] };
}

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  election = await createFixtureElection(server, {
    voters: 4,
    contests: [
      rankedContestSpec('leader', 'Leader', LEADER),
      rankedContestSpec('committee', 'Committee', COMMITTEE, {
        method: 'stv',
        rules: 'ers97',
        seats: 2,
      }),
      {
        id: 'motion',
        title: 'Motion',
        minSelections: 1,
        maxSelections: 1,
        candidates: ['Yes', 'No'],
      },
    ],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('ranked contests in the booth (Chromium)', () => {
  test('ranking by keyboard only: a repeated number, a gap and a number out of range are each explained before anything is encrypted; then cast', async () => {
    const page = await browser.newPage();
    try {
      const voter = election.voters[0] as FixtureVoter;
      await page.goto(`${server.url}/elections/${election.electionId}`);
      await heading(page, election.manifest.title);
      await signInByKeyboard(page, voter);
      assert.equal(
        await page.locator('#contest-1-rule').innerText(),
        `${message(en['ranking.seats'], { seats: 2 })} ${en['ranking.rule']}`
      );
      await capture(page, 'ranked-01-ballot');

      // Leader: 1 beside Alex Morgan and Sam Patel; the committee left blank; the motion: Yes.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'contest-0-0');
      await page.keyboard.type('1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1');
      for (let i = 0; i < 2 + COMMITTEE.length + 1; i++) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'contest-2-0');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const repeated = message(en['ranking.repeated'], {
        contest: 'Leader',
        number: 1,
        candidates: 'Alex Morgan, Sam Patel',
      });
      await page.locator('.error-summary', { hasText: repeated }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
      assert.equal(await page.locator('#contest-0-error').innerText(), repeated);
      assert.equal(await page.getAttribute(box(0, 0), 'aria-invalid'), 'true');
      assert.equal(await page.getAttribute(box(0, 1), 'aria-invalid'), 'true');
      assert.equal(await page.getAttribute(box(0, 2), 'aria-invalid'), null);
      assert.equal(await page.inputValue(box(0, 1)), '1', 'what was typed is kept');
      await capture(page, 'ranked-02-repeated');

      // The summary's link takes focus to the first box at fault; Sam Patel becomes 3: a gap.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'contest-0-0');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      const gap = message(en['ranking.gap'], { contest: 'Leader', missing: 2 });
      await page.locator('.error-summary', { hasText: gap }).waitFor();
      await capture(page, 'ranked-03-gap');

      // The gap's link goes to the contest; Sam Patel 2, Jo Evans 9: out of range.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'contest-0');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2');
      await page.keyboard.press('Tab');
      await page.keyboard.type('9');
      await page.keyboard.press('Enter');
      const range = message(en['ranking.outOfRange'], {
        contest: 'Leader',
        candidate: 'Jo Evans',
        max: LEADER.length,
      });
      await page.locator('.error-summary', { hasText: range }).waitFor();
      assert.equal(await page.getAttribute(box(0, 2), 'aria-invalid'), 'true');
      await capture(page, 'ranked-04-out-of-range');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'contest-0-2');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');

      await heading(page, en['review.title']);
      assert.deepEqual(await page.locator('dl.review dd').allInnerTexts(), [
        '1st: Alex Morgan\n2nd: Sam Patel\n3rd: Jo Evans',
        en['ranking.none'],
        'Yes',
      ]);
      await capture(page, 'ranked-05-review');
      await page.keyboard.press('Tab');
      assert.equal(await focusedText(page), en['review.encrypt']);
      await page.keyboard.press('Enter');
      await heading(page, en['decide.title']);
      const tracker = await castByKeyboard(page, {
        decide: 'ranked-06-decide',
        receipt: 'ranked-07-receipt',
      });

      // Spec §9.4, §11.2: the ranked contests' entries are n + 1 position ciphertexts, the
      // motion's one selection per option.
      const ballot = await ballotCast(tracker);
      const shape = ballot.contests.map((entry) =>
        'ranked' in entry
          ? `ranked ${(entry['ranked'] as { ciphertexts: unknown[] }).ciphertexts.length}`
          : `selections ${(entry['selections'] as unknown[]).length}`
      );
      assert.deepEqual(shape, [
        `ranked ${LEADER.length + 1}`,
        `ranked ${COMMITTEE.length + 1}`,
        'selections 2',
      ]);
    } finally {
      await page.close();
    }
  });

  test('a device check opens the ranked ballot, which reads back as the ranking here and on a second device; the fresh encryption is cast and looked up', async () => {
    const page = await browser.newPage();
    const second = await browser.newPage();
    // The types of the messages the page sends its crypto worker, in order.
    await page.addInitScript(() => {
      const sent: string[] = [];
      Object.assign(window, { workerMessages: sent });
      const post = Object.getOwnPropertyDescriptor(Worker.prototype, 'postMessage')?.value as (
        this: Worker,
        ...args: unknown[]
      ) => void;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        sent.push(String((args[0] as { type?: unknown }).type));
        post.apply(this, args);
      };
    });
    const workerMessages = () =>
      page.evaluate(() => (window as unknown as { workerMessages: string[] }).workerMessages);
    try {
      await toBallot(page, election.voters[1] as FixtureVoter);
      // Spec §11.2: as the ranked contests are shown the worker builds their tables (the two
      // contests' candidate counts), before the member has ranked anything.
      assert.deepEqual(await workerMessages(), ['sign-in', 'prepare-ranked']);
      await page.fill(box(0, 2), '1');
      for (const [j, rank] of [
        [1, '1'],
        [0, '2'],
        [2, '3'],
      ] as const)
        await page.fill(box(1, j), rank);
      await page.check('label:has-text("No")');
      await page.click(`text=${en['ballot.continue']}`);
      await heading(page, en['review.title']);
      await page.click(`text=${en['review.encrypt']}`);
      await heading(page, en['decide.title']);
      assert.deepEqual(await workerMessages(), ['sign-in', 'prepare-ranked', 'encrypt']);
      const first = await page.locator('#tracker').innerText();
      await page.click(`text=${en['decide.check']}`);
      await heading(page, en['audit.title']);
      assert.equal(await page.locator('#audit-tracker').innerText(), first);
      const expected = [
        'Leader',
        '1st: Jo Evans',
        'Committee',
        '1st: Bryn Jones\n2nd: Ann Hughes\n3rd: Cai Lewis',
        'Motion',
        'No',
      ];
      assert.deepEqual(
        await page.locator('#audit-choices').locator('dt, dd').allInnerTexts(),
        expected
      );
      await page.click(`text=${en['audit.details']}`);
      await capture(page, 'ranked-08-device-check');

      // The second device checks the opening against the ciphertexts (V5.10) and reads it back.
      const link = await page.getAttribute('#audit-link', 'href');
      assert.ok(link);
      await second.goto(`${server.url}${link}`);
      await second.locator('#audit-check[data-state=ok]').waitFor({ timeout: 30_000 });
      assert.deepEqual(
        await second.locator('#audit-choices').locator('dt, dd').allInnerTexts(),
        expected
      );
      await capture(second, 'ranked-09-second-device');

      await page.click(`button:has-text("${en['audit.again']}")`);
      await heading(page, en['decide.title']);
      const tracker = await page.locator('#tracker').innerText();
      assert.notEqual(tracker, first);
      await page.click(`text=${en['decide.cast']}`);
      await heading(page, en['receipt.title']);
      const position = await page.locator('#receipt-position').innerText();

      await second.goto(`${server.url}/elections/${election.electionId}/tracker`);
      await heading(second, en['tracker.title']);
      await second.fill('#tracker-input', tracker);
      await second.click('button[type=submit]');
      await second.locator('#tracker-result', { hasText: 'A cast ballot' }).waitFor();
      assert.match(
        await second.locator('#tracker-result').innerText(),
        new RegExp(`position ${position}`)
      );
      await capture(second, 'ranked-10-tracker');
    } finally {
      await page.close();
      await second.close();
    }
  });

  test('Welsh: the rule, a specific error and the ranking in words, kept through a reload', async () => {
    const page = await browser.newPage();
    try {
      const voter = election.voters[2] as FixtureVoter;
      await toBallot(page, voter, '?lang=cy');
      assert.equal(await page.locator('#contest-0-rule').innerText(), cy['ranking.rule']);
      // At 320 px (1280 px at 400 % zoom) the boxes and names reflow without sideways scrolling.
      await page.setViewportSize({ width: 320, height: 800 });
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `${scroll} > ${client}`);
      await capture(page, 'ranked-11-cy-ballot-320');
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.fill(box(0, 3), '2');
      await page.check('label:has-text("Yes")');
      await page.click(`text=${cy['ballot.continue']}`);
      const gap = message(cy['ranking.gap'], { contest: 'Leader', missing: 1 });
      await page.locator('.error-summary', { hasText: gap }).waitFor();
      await capture(page, 'ranked-12-cy-gap');
      await page.fill(box(0, 3), '1');
      await page.fill(box(0, 0), '2');
      await page.click(`text=${cy['ballot.continue']}`);
      await heading(page, cy['review.title']);
      assert.equal(
        await page.locator('dl.review dd').first().innerText(),
        '1af: Ria Shah\n2il: Alex Morgan'
      );
      await capture(page, 'ranked-13-cy-review');
      // A reload asks for the code again, then goes on at the review with the same ranking.
      await page.reload();
      await heading(page, cy['signIn.title']);
      await signIn(page, voter);
      await heading(page, cy['review.title']);
      assert.equal(
        await page.locator('dl.review dd').first().innerText(),
        '1af: Ria Shah\n2il: Alex Morgan'
      );
      // Back in the ballot the boxes show it, and switching language keeps them.
      await page.click(`text=${cy['review.change']}`);
      await heading(page, cy['ballot.title']);
      await page.click('#language-switch');
      await heading(page, en['ballot.title']);
      assert.equal(await page.inputValue(box(0, 3)), '1');
      assert.equal(await page.inputValue(box(0, 0)), '2');
    } finally {
      await page.close();
    }
  });

  test('no console errors or CSP violations in any page', () => {
    assert.deepEqual(unexpectedProblems(browser), []);
  });
});
