/**
 * @module Times a newcomer's vote with a pack (not a test; numbers for docs/newcomer-script.md):
 * Debian's Chromium against a real server, keyboard only, typing at a newcomer's pace
 * (`TYPE_MS` a character) and pausing on each screen to read it (`READ_MS`), once with the code
 * typed and once read from the pack's QR code by the camera (Chromium's fake camera showing the
 * QR code). Prints, per run, each screen with its keystrokes and seconds, and the total.
 * Run: `npx tsx apps/web/test/newcomer-timing.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildWeb } from '../src/build/build-web.ts';
import { en } from '../src/i18n/messages-en.ts';
import { launchBrowser } from './support/browser.ts';
import { createFixtureElection, startFixtureServer } from './support/election-fixture.ts';
import { writeQrY4m } from './support/qr-images.ts';

/** A newcomer's typing: about 4 characters a second (≈ 40 words a minute, with care). */
const TYPE_MS = 250;
/** Reading a screen before acting on it. */
const READ_MS: Readonly<Record<string, number>> = {
  landing: 8000,
  'sign-in': 5000,
  ballot: 6000,
  review: 4000,
  decide: 6000,
  receipt: 4000,
};

interface Screen {
  readonly name: string;
  keys: number;
  seconds: number;
}

async function heading(page: Page, text: string): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor({ timeout: 60_000 });
}

async function vote(
  page: Page,
  url: string,
  voter: { code: string; answers: { dob: string; postcode: string } },
  byQr: boolean
): Promise<{ screens: Screen[]; total: number }> {
  const screens: Screen[] = [];
  let screen: Screen = { name: 'landing', keys: 0, seconds: 0 };
  let since = performance.now();
  const arrive = (name: string): void => {
    screen.seconds = (performance.now() - since) / 1000;
    screens.push(screen);
    screen = { name, keys: 0, seconds: 0 };
    since = performance.now();
  };
  const press = async (key: string): Promise<void> => {
    screen.keys += 1;
    await page.keyboard.press(key);
  };
  const type = async (text: string): Promise<void> => {
    screen.keys += text.length;
    await page.keyboard.type(text, { delay: TYPE_MS });
  };
  const read = (name: string): Promise<void> => page.waitForTimeout(READ_MS[name] ?? 0);
  const started = performance.now();
  await page.goto(url);
  await heading(page, 'Simulated');
  await read('landing');
  await press('Tab');
  await press('Enter');
  await heading(page, en['signIn.title']);
  arrive('sign-in');
  await read('sign-in');
  await press('Tab'); // the code field
  if (byQr) {
    await press('Tab'); // "Scan the QR code instead"
    await press('Enter');
    await page.locator('#code-scanned').waitFor({ timeout: 30_000 });
    // Focus is back on the code field, now filled: on to the questions.
    await press('Tab');
  } else {
    await type(voter.code);
    await press('Tab');
  }
  await press('Tab');
  await type(voter.answers.dob);
  await press('Tab');
  await type(voter.answers.postcode);
  await press('Enter');
  await heading(page, en['ballot.title']);
  arrive('ballot');
  await read('ballot');
  await press('Tab');
  await press('ArrowDown');
  await press('Tab');
  await press('Enter');
  await heading(page, en['review.title']);
  arrive('review');
  await read('review');
  await press('Tab');
  await press('Enter');
  await heading(page, en['decide.title']);
  arrive('decide');
  await read('decide');
  await press('Tab');
  await press('Enter');
  await heading(page, en['receipt.title']);
  arrive('receipt');
  await read('receipt');
  arrive('done');
  return { screens, total: (performance.now() - started) / 1000 };
}

const directory = mkdtempSync(join(tmpdir(), 'scrutineer-newcomer-'));
await buildWeb({ quiet: true });
const { server } = await startFixtureServer();
try {
  const election = await createFixtureElection(server, { voters: 2 });
  const [typed, scanned] = election.voters;
  if (typed === undefined || scanned === undefined) throw new Error('no voters');
  const url = `${server.url}/elections/${election.electionId}`;
  const runs: [string, Awaited<ReturnType<typeof vote>>][] = [];
  const plain = await launchBrowser();
  try {
    runs.push(['typed', await vote(await plain.newPage(), url, typed, false)]);
  } finally {
    await plain.close();
  }
  const camera = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${writeQrY4m(directory, scanned.code)}`,
  ]);
  try {
    runs.push(['QR code', await vote(await camera.newPage(), url, scanned, true)]);
  } finally {
    await camera.close();
  }
  for (const [name, run] of runs) {
    process.stdout.write(`\n${name}: ${run.total.toFixed(1)} s in all\n`);
    process.stdout.write('| screen | keystrokes | seconds |\n|---|---|---|\n');
    for (const s of run.screens)
      process.stdout.write(`| ${s.name} | ${s.keys} | ${s.seconds.toFixed(1)} |\n`);
    const keys = run.screens.reduce((sum, s) => sum + s.keys, 0);
    process.stdout.write(`| **total** | **${keys}** | **${run.total.toFixed(1)}** |\n`);
  }
} finally {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
}
