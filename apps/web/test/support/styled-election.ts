/**
 * @module A ballot event with styles, weights and a college for the browser tests (spec §13): a
 * general contest, a northern seat and a chair elected by a 50/50 college of members and
 * affiliates; fixture voter i is north, south or affiliates (weight 3) in turn. And the booth's
 * way from the landing page to a member's ballot.
 */
import type { Page } from 'playwright-core';
import type { RunningServer } from '@scrutineer/server';
import { en } from '../../src/i18n/messages-en.ts';
import {
  type FixtureElection,
  type FixtureVoter,
  createFixtureElection,
} from './election-fixture.ts';

export const CATEGORIES = ['north', 'south', 'affiliates'] as const;

/** Fixture voter i's category and weight (spec §13.1, §13.4). */
export function styledTerms(i: number): { style: string; weight: number } {
  const style = CATEGORIES[i % CATEGORIES.length] ?? 'north';
  return { style, weight: style === 'affiliates' ? 3 : 1 };
}

/**
 * One voter per category (in CATEGORIES order) unless `voters` says more; opened with their
 * credentials loaded unless `open` is false (then the election is keyed, waiting for them).
 */
export function createStyledElection(
  server: RunningServer,
  voters = 3,
  open = true
): Promise<FixtureElection> {
  const candidates = ['Kim Lee', 'Pat Doyle'];
  const contest = (id: string, title: string, names: string[]) => ({
    id,
    title,
    minSelections: 1,
    maxSelections: 1,
    candidates: names,
  });
  return createFixtureElection(server, {
    voters,
    contests: [
      contest('general', 'General secretary', ['Alex Morgan', 'Sam Patel']),
      contest('north-seat', 'Northern seat', ['Jo Evans', 'Ria Shah']),
      contest('chair-members', 'Chair: members', candidates),
      contest('chair-affiliates', 'Chair: affiliates', candidates),
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
    termsOf: styledTerms,
    open,
    extend: (draft) => ({
      ...draft,
      colleges: [
        {
          id: 'chair',
          title: 'Chair',
          parts: [
            { contest: 'chair-members', share: 50 },
            { contest: 'chair-affiliates', share: 50 },
          ],
        },
      ],
    }),
  });
}

/** Waits for the page's h1 to say `text`. */
export async function heading(page: Page, text: string): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor({ timeout: 20_000 });
}

/** Signs `voter` in from the election's landing page, up to their ballot. */
export async function toBallot(
  page: Page,
  serverUrl: string,
  electionId: string,
  voter: FixtureVoter
): Promise<void> {
  await page.goto(`${serverUrl}/elections/${electionId}`);
  await page.click(`text=${en['landing.start']}`);
  await heading(page, en['signIn.title']);
  await page.fill('#code', voter.code);
  await page.fill('#answer-dob', voter.answers.dob);
  await page.fill('#answer-postcode', voter.answers.postcode);
  await page.click('button[type=submit]');
  await heading(page, en['ballot.title']);
}

/**
 * A northern member's ballot (three contests) marked, encrypted and cast from the ballot page:
 * the contests the review listed, the tracker shown before casting and the one on the receipt.
 */
export async function castNorthernBallot(
  page: Page
): Promise<{ reviewed: number; tracker: string; receipt: string }> {
  for (const name of ['Alex Morgan', 'Ria Shah', 'Kim Lee'])
    await page.check(`label:has-text("${name}")`);
  await page.click(`text=${en['ballot.continue']}`);
  await heading(page, en['review.title']);
  const reviewed = await page.locator('dl.review dt').count();
  await page.click(`text=${en['review.encrypt']}`);
  await heading(page, en['decide.title']);
  const tracker = await page.locator('#tracker').innerText();
  await page.click(`text=${en['decide.cast']}`);
  await heading(page, en['receipt.title']);
  return { reviewed, tracker, receipt: await page.locator('#receipt-tracker').innerText() };
}
