/**
 * @module Browser-test helpers: Debian's Chromium (never a downloaded browser) driven by
 * playwright-core with a fresh profile, axe-core run in the page (WCAG 2.2 A/AA rules), a
 * screenshot of every page into test-artifacts/web/, and a record of console errors and CSP
 * violations so a test can assert there were none.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/web/', import.meta.url));

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Console errors and page errors seen so far (CSP violations are console errors). */
  readonly problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `extraArgs`: more Chromium switches (a fake camera for the QR code test). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'scrutineer-chromium-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
    viewport: { width: 1000, height: 800 },
    reducedMotion: 'reduce',
  });
  const problems: string[] = [];
  return {
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The problems that are not expected refusals (the tests provoke 401, 404, 409, 403, 423, 429). */
export function unexpectedProblems(browser: TestBrowser): string[] {
  return browser.problems.filter(
    (p) =>
      !/Failed to load resource: the server responded with a status of (401|404|409|403|423|429)/.test(
        p
      )
  );
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe-core in the page; fails with the violations listed. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run(context: Document, options: unknown): Promise<AxeResult> };
      }
    ).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })
  );
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
  );
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

/** Screenshot (full page) into test-artifacts/web/<name>.png and an axe check of that state. */
export async function capture(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  await assertAccessible(page, name);
}

/** The text of the element focused now. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}
