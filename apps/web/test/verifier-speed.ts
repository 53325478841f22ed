/**
 * @module Measures the in-browser verifier (not a test; numbers for apps/web/README.md): a
 * simulated election of N ballots (`simulateElection`, sodium) is served to the verifier page in
 * Debian's Chromium through request interception, and the time from "start" to the outcome is
 * printed. Run: `npx tsx apps/web/test/verifier-speed.ts [ballots]` (default 500).
 */
import assert from 'node:assert/strict';
import { loadGroup } from '@scrutineer/crypto';
import { simulateElection } from '@scrutineer/testkit';
import { buildWeb } from '../src/build/build-web.ts';
import { en } from '../src/i18n/messages-en.ts';
import { launchBrowser } from './support/browser.ts';
import { startFixtureServer } from './support/election-fixture.ts';

const ballots = Number.parseInt(process.argv[2] ?? '500', 10);
const sim = simulateElection({
  group: await loadGroup('sodium'),
  voters: ballots,
  onlineChoice: (i) => [[i % 2]],
});
const files: Record<string, string> = sim.board.toFiles();
const electionId = sim.manifest.electionId;
await buildWeb({ quiet: true });
const { server } = await startFixtureServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.route(`**/api/elections/${electionId}/record/*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const body = files[name];
    return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ body });
  });
  await page.route(`**/api/elections/${electionId}`, (route) =>
    route.fulfill({ json: { size: sim.board.lines.length } })
  );
  await page.goto(`${server.url}/elections/${electionId}/verify`);
  await page.click(`text=${en['verify.start']}`);
  const started = Date.now();
  await page.locator('#verify-outcome').waitFor({ timeout: 3_600_000 });
  const seconds = (Date.now() - started) / 1000;
  assert.equal(await page.getAttribute('#verify-outcome', 'data-ok'), 'true');
  console.log(
    `${ballots} ballots (${sim.board.lines.length} events) verified in Chromium in ${seconds.toFixed(1)} s ` +
      `(${(ballots / seconds).toFixed(0)} ballots/s, ${await page.evaluate(() => navigator.hardwareConcurrency)} cores)`
  );
} finally {
  await browser.close();
  await server.close();
}
