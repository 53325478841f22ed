/**
 * @module The member's steps in the booth that the browser tests share: waiting for a page's
 * heading, signing in with a fixture voter's code and answers, the whole way from an election's
 * landing page to its ballot by mouse or by keyboard only, a choice cast to the receipt, and the
 * last step (cast, the receipt) by keyboard.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/messages-en.ts';
import { capture, focusedText } from './browser.ts';
import type { FixtureVoter } from './election-fixture.ts';

/** Waits for the page's `h1` to say `text`. */
export async function heading(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor({ timeout });
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

/**
 * From the election's landing page, focus on its heading, to the ballot by keyboard only, in
 * English: Tab to Start; on the sign-in step (focus on its heading) Tab to the code and type
 * `typed` (the voter's code as given unless said), Tab past the QR code button to the answers,
 * Enter. `captureAs` names a screenshot of the sign-in step.
 */
export async function signInByKeyboard(
  page: Page,
  voter: FixtureVoter,
  options: { readonly typed?: string; readonly captureAs?: string } = {}
): Promise<void> {
  await page.keyboard.press('Tab');
  assert.equal(await focusedText(page), en['landing.start']);
  await page.keyboard.press('Enter');
  await heading(page, en['signIn.title']);
  assert.equal(await focusedText(page), en['signIn.title']);
  if (options.captureAs !== undefined) await capture(page, options.captureAs);
  await page.keyboard.press('Tab');
  await page.keyboard.type(options.typed ?? voter.code);
  await page.keyboard.press('Tab');
  assert.equal(await focusedText(page), en['scan.start']);
  await page.keyboard.press('Tab');
  await page.keyboard.type(voter.answers.dob);
  await page.keyboard.press('Tab');
  await page.keyboard.type(voter.answers.postcode);
  await page.keyboard.press('Enter');
  await heading(page, en['ballot.title']);
}

/**
 * On the decide step, by keyboard only: Tab to Cast, Enter; the receipt shows the tracker the
 * decide step showed, its signature checked. Screenshots both steps; resolves to the tracker.
 */
export async function castByKeyboard(
  page: Page,
  captures: { readonly decide: string; readonly receipt: string }
): Promise<string> {
  await capture(page, captures.decide);
  const tracker = await page.locator('#tracker').innerText();
  await page.keyboard.press('Tab');
  assert.equal(await focusedText(page), en['decide.cast']);
  await page.keyboard.press('Enter');
  await heading(page, en['receipt.title']);
  assert.equal(await page.locator('#receipt-tracker').innerText(), tracker);
  assert.equal(await page.locator('#receipt-check').innerText(), en['receipt.signatureValid']);
  await capture(page, captures.receipt);
  return tracker;
}
