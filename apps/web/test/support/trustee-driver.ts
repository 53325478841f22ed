/**
 * @module Playwright driver of the trustee's page (`/trustee/<electionId>/<index>`, spec §7.9.2),
 * for any test that runs trustees in the browser: each function does what a trustee does there,
 * by the page's own controls (ids stable), and waits for the page to say it is done. Key files
 * are downloaded by the page and saved where the test says; the same file is opened again later,
 * as a trustee would. Signatures are kept stable for other tests (the whole-election test).
 */
import type { Page } from 'playwright-core';

/** Generous: a page may wait for other trustees or the officer, polling every 3 s. */
const WAIT_MS = 120_000;

/** The trustee page's link for `index` (1-based) in `electionId` on `serverUrl`. */
export function trusteeLink(serverUrl: string, electionId: string, index: number): string {
  return `${serverUrl}/trustee/${electionId}/${index}`;
}

async function saveDownload(page: Page, linkId: string, path: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.click(`#${linkId}`),
  ]);
  await download.saveAs(path);
  return path;
}

/**
 * Opens the link before the election is set up, makes the key in the browser under `name`, and
 * saves the key file to `keyFile` and the public entry for the manifest to `publicFile`.
 */
export async function generateKey(
  page: Page,
  link: string,
  name: string,
  keyFile: string,
  publicFile: string
): Promise<{ keyFile: string; publicFile: string }> {
  await page.goto(link);
  await page.locator('#trustee-name').waitFor({ timeout: WAIT_MS });
  await page.fill('#trustee-name', name);
  await page.click('#create-key');
  await page.locator('#download-key').waitFor({ timeout: WAIT_MS });
  await saveDownload(page, 'download-key', keyFile);
  await saveDownload(page, 'download-public', publicFile);
  await page.click('#saved');
  return { keyFile, publicFile };
}

/** Opens the link and the key file in it (the step every later visit starts with). */
export async function openKey(page: Page, link: string, keyFile: string): Promise<void> {
  await page.goto(link);
  await page.locator('#key-file').waitFor({ timeout: WAIT_MS });
  await page.setInputFiles('#key-file', keyFile);
  // The file input goes once the key is taken (or an error summary says why not), then the page
  // reads the board.
  await page.waitForFunction(
    () =>
      document.querySelector('#key-file') === null ||
      document.querySelector('.error-summary') !== null,
    undefined,
    { timeout: WAIT_MS }
  );
  await page.locator('#busy:empty').waitFor({ state: 'attached', timeout: WAIT_MS });
}

/**
 * Deals (the election must be set up with this trustee's key); resolves once the page has posted
 * and is waiting. `stateFile`, if given, receives the sealed ceremony state the page offers.
 */
export async function deal(
  page: Page,
  link: string,
  keyFile: string,
  stateFile?: string
): Promise<void> {
  await openKey(page, link, keyFile);
  await page.locator('#deal').waitFor({ timeout: WAIT_MS });
  await page.click('#deal');
  await page.locator('#download-state').waitFor({ timeout: WAIT_MS });
  if (stateFile !== undefined) await saveDownload(page, 'download-state', stateFile);
}

/**
 * Waits until every trustee has dealt and the page has checked the shares dealt to it; returns
 * the dealers whose share was correct and those whose share was bad (not yet complained about).
 */
export async function checkShares(page: Page): Promise<{ good: number[]; bad: number[] }> {
  await page.locator('#shares').waitFor({ timeout: WAIT_MS });
  const complaints = await page
    .locator('#shares button[id^="complain-"]')
    .evaluateAll((buttons) => buttons.map((b) => Number(b.id.slice('complain-'.length))));
  const goodDealers = await page
    .locator('#shares > li.share-good')
    .evaluateAll((items) =>
      items.map((li) => Number(/(\d+)/.exec(li.textContent ?? '')?.[1] ?? '0'))
    );
  return { good: goodDealers, bad: complaints };
}

/** One click: complains about `dealer`'s share; resolves once the board shows the complaint. */
export async function complain(page: Page, dealer: number): Promise<void> {
  await page.click(`#complain-${dealer}`);
  await page.locator(`#shares .notice.ok`).first().waitFor({ timeout: WAIT_MS });
}

/**
 * Waits for the officer's election key, takes the secret share, and saves the key file with its
 * secret share over `keyFile` (the trustee keeps that file for the rehearsal and the count).
 */
export async function concludeCeremony(page: Page, keyFile: string): Promise<string> {
  await page.locator('#conclude').waitFor({ timeout: WAIT_MS });
  await page.click('#conclude');
  await page.locator('#download-key').waitFor({ timeout: WAIT_MS });
  await saveDownload(page, 'download-key', keyFile);
  await page.click('#saved');
  return keyFile;
}

/** Opens the link with the key file (holding its secret share) and rehearses the decryption. */
export async function rehearse(page: Page, link: string, keyFile: string): Promise<void> {
  await openKey(page, link, keyFile);
  await page.locator('#rehearse, #rehearsed').first().waitFor({ timeout: WAIT_MS });
  if (await page.locator('#rehearse').isVisible()) await page.click('#rehearse');
  await page.locator('#rehearsed').waitFor({ timeout: WAIT_MS });
}

/**
 * Opens the link with the key file, enters the checkpoint the officer announced
 * (`<size>:<root>`), and posts the decryption share once the page has verified the record up to
 * it. Rejects with the page's error if the page refuses.
 */
export async function postDecryptionShare(
  page: Page,
  link: string,
  keyFile: string,
  checkpoint: string
): Promise<void> {
  await openKey(page, link, keyFile);
  await page.locator('#checkpoint, #decrypted').first().waitFor({ timeout: WAIT_MS });
  if (await page.locator('#decrypted').isVisible()) return;
  await page.fill('#checkpoint', checkpoint);
  await page.click('#decrypt');
  await page.locator('#decrypted, .error-summary').first().waitFor({ timeout: WAIT_MS });
  if (!(await page.locator('#decrypted').isVisible()))
    throw new Error(
      `the trustee page refused: ${await page.locator('.error-summary').innerText()}`
    );
}

/** The page's error summary text, or null when it shows none. */
export async function pageError(page: Page): Promise<string | null> {
  const summary = page.locator('.error-summary');
  return (await summary.count()) === 0 ? null : summary.innerText();
}
