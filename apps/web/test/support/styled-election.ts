/**
 * @module A ballot event with styles, weights and a college for the browser tests (spec §13): a
 * general contest, a northern seat and a chair elected by a 50/50 college of members and
 * affiliates (the testkit's STYLED_CONTESTS); fixture voter i is north, south or affiliates
 * (weight 3) in turn. And a northern member's ballot cast.
 */
import type { Page } from 'playwright-core';
import type { RunningServer } from '@scrutineer/server';
import { STYLED_CONTESTS, styledManifestFields } from '@scrutineer/testkit';
import { heading } from './booth-steps.ts';
import { en } from '../../src/i18n/messages-en.ts';
import { type FixtureElection, createFixtureElection } from './election-fixture.ts';

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
  const { colleges, ...stylesAndWeights } = styledManifestFields({
    minCategorySize: 1,
    maxWeight: 10,
  });
  return createFixtureElection(server, {
    voters,
    contests: STYLED_CONTESTS,
    ...stylesAndWeights,
    termsOf: styledTerms,
    open,
    extend: (draft) => ({ ...draft, colleges }),
  });
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
