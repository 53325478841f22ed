/**
 * @module Measures the in-browser verifier (not a test; numbers for docs/benchmarks.md): a record
 * is served to the verifier page in Debian's Chromium through request interception, and the time
 * from "start" to the outcome is printed, once per group backend, side by side in one run (the
 * page's `?backend=noble` forces the pure-JavaScript reference; the default is the WebAssembly
 * backend, spec §2.9, and the outcome's data-backend says which one ran).
 * Run: `npx tsx apps/web/test/verifier-speed.ts [ballots | --record DIR] [--backends wasm,noble]`
 * (default a simulated 500-ballot election; DIR a record from `npm run generate-record`).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarySchema } from '@scrutineer/api-contract';
import { loadGroup } from '@scrutineer/crypto';
import { REPLACEMENT_REASONS } from '@scrutineer/record';
import { simulateElection } from '@scrutineer/testkit';
import { buildWeb } from '../src/build/build-web.ts';
import { en } from '../src/i18n/messages-en.ts';
import { launchBrowser } from './support/browser.ts';
import { startFixtureServer } from './support/election-fixture.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
};
const recordDirectory = option('--record');
const backends = (option('--backends') ?? 'wasm,noble').split(',');

/** The record's files by name, its election id, its line count and its number of ballots. */
async function record(): Promise<{
  files: Record<string, string>;
  electionId: string;
  size: number;
  ballots: number;
}> {
  if (recordDirectory !== undefined) {
    const files: Record<string, string> = {};
    for (const name of ['format.json', 'board.jsonl', 'checkpoints.jsonl', 'cosignatures.jsonl']) {
      const path = join(recordDirectory, name);
      if (existsSync(path)) files[name] = readFileSync(path, 'utf8');
    }
    const board = files['board.jsonl'] ?? '';
    const lines = board.split('\n').filter((line) => line !== '');
    const setup = JSON.parse(lines[0] ?? '{}') as { body?: { electionId?: string } };
    const ballots = lines.filter((line) => line.includes('"type":"ballot-cast"')).length;
    return { files, electionId: setup.body?.electionId ?? '', size: lines.length, ballots };
  }
  const ballots = Number.parseInt(argv[0] ?? '500', 10);
  const sim = simulateElection({
    group: await loadGroup('sodium'),
    voters: ballots,
    onlineChoice: (i) => [[i % 2]],
  });
  return {
    files: sim.board.toFiles(),
    electionId: sim.manifest.electionId,
    size: sim.board.lines.length,
    ballots,
  };
}

const { files, electionId, size, ballots } = await record();
/** The summary the page asks first (only its size matters here); checked by the contract's schema. */
const zero = '00'.repeat(32);
const summary = summarySchema.parse({
  electionId,
  stage: 'final',
  size,
  headHash: zero,
  electionKey: null,
  baseHash: null,
  fingerprint: null,
  credentialCount: null,
  replacements: { total: 0, byReason: Object.fromEntries(REPLACEMENT_REASONS.map((r) => [r, 0])) },
  manifestHash: zero,
  boardPublicKey: zero,
});
await buildWeb({ quiet: true });
const { server } = await startFixtureServer();
const browser = await launchBrowser();
try {
  for (const backend of backends) {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`${backend}: page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`${backend}: console: ${message.text()}`);
    });
    await page.route(`**/api/elections/${electionId}/record/*`, (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      const body = files[name];
      if (body === undefined) console.error(`${backend}: no ${name} in the record (404)`);
      return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ body });
    });
    await page.route(`**/api/elections/${electionId}`, (route) => route.fulfill({ json: summary }));
    const query = backend === 'noble' ? '?backend=noble' : '';
    await page.goto(`${server.url}/elections/${electionId}/verify${query}`);
    await page.click(`text=${en['verify.start']}`);
    const started = Date.now();
    // The outcome, or the page's alert when the run crashed or could not download.
    await page.locator('#verify-outcome, [role=alert]').first().waitFor({ timeout: 3_600_000 });
    const seconds = (Date.now() - started) / 1000;
    const alert = page.locator('[role=alert]');
    if ((await alert.count()) > 0) throw new Error(`${backend}: ${await alert.innerText()}`);
    assert.equal(await page.getAttribute('#verify-outcome', 'data-ok'), 'true');
    const ran = await page.getAttribute('#verify-outcome', 'data-backend');
    assert.equal(ran, backend, `asked for ${backend}, ${ran} ran`);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(
      `${backend}: ${ballots} ballots (${size} events) verified in Chromium in ${seconds.toFixed(1)} s ` +
        `(${(ballots / seconds).toFixed(0)} ballots/s, ${cores} cores, load ${(await import('node:os')).loadavg()[0]?.toFixed(1)})`
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
