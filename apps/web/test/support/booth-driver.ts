/**
 * @module Test helper: driving the booth by mouse to the ballot (the keyboard paths are tested
 * step by step in the tests themselves), in either language.
 */
import type { Page } from 'playwright-core';
import type { cy } from '../../src/i18n/messages-cy.ts';
import type { en } from '../../src/i18n/messages-en.ts';
import type { FixtureVoter } from './election-fixture.ts';

type Messages = typeof en | typeof cy;

/** Waits for the step whose heading is `text`. */
export async function heading(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor({ timeout });
}

/** Fills the sign-in step's code and answers and submits them. */
export async function signIn(page: Page, voter: FixtureVoter): Promise<void> {
  await page.fill('#code', voter.code);
  await page.fill('#answer-dob', voter.answers.dob);
  await page.fill('#answer-postcode', voter.answers.postcode);
  await page.click('button[type=submit]');
}

/** Opens the election's booth at `address`, signs in and waits for the ballot. */
export async function toBallot(
  page: Page,
  address: string,
  voter: FixtureVoter,
  messages: Messages
): Promise<void> {
  await page.goto(address);
  await page.click(`text=${messages['landing.start']}`);
  await heading(page, messages['signIn.title']);
  await signIn(page, voter);
  await heading(page, messages['ballot.title']);
}
