/**
 * @module The member's steps in the booth that the browser tests share: waiting for a page's
 * heading, signing in with a fixture voter's code and answers, the whole way from an election's
 * landing page to its ballot by mouse (the keyboard path is booth.test.ts's own), and a choice
 * cast to the receipt.
 */
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/messages-en.ts';
import type { FixtureVoter } from './election-fixture.ts';

/** Waits for the page's `h1` to say `text`. */
export async function heading(page: Page, text: string): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor({ timeout: 20_000 });
}

/** Fills the sign-in form and presses its button, whose label is `submit` (in the page's language). */
export async function signIn(
  page: Page,
  voter: Pick<FixtureVoter, 'code' | 'answers'>,
  submit: string = en['signIn.submit']
): Promise<void> {
  await page.fill('#code', voter.code);
  await page.fill('#answer-dob', voter.answers.dob);
  await page.fill('#answer-postcode', voter.answers.postcode);
  await page.click(`button[type=submit]:has-text("${submit}")`);
}

/** From the election's landing page through sign-in to its ballot, in English. */
export async function toBallot(
  page: Page,
  server: { readonly url: string },
  election: { readonly electionId: string },
  voter: FixtureVoter
): Promise<void> {
  await page.goto(`${server.url}/elections/${election.electionId}`);
  await page.click(`text=${en['landing.start']}`);
  await heading(page, en['signIn.title']);
  await signIn(page, voter);
  await heading(page, en['ballot.title']);
}

/** From the ballot: `candidate` chosen, encrypted and cast, up to the receipt, in English. */
export async function castChoice(page: Page, candidate: string): Promise<void> {
  await page.check(`label:has-text("${candidate}")`);
  await page.click(`text=${en['ballot.continue']}`);
  await page.click(`text=${en['review.encrypt']}`);
  await heading(page, en['decide.title']);
  await page.click(`text=${en['decide.cast']}`);
  await heading(page, en['receipt.title']);
}
