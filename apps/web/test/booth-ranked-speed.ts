/**
 * @module Measures the booth's encryption and proof of a ranked ballot in Chromium (not a test;
 * numbers for docs/benchmarks.md). A member of an election whose one contest is an IRV contest of
 * 10 candidates (by default) ranks them all in the real booth, and the crypto worker's own timing
 * of encrypting and proving (spec §11.2: n + 1 ciphertexts and the shuffle proof, then the
 * signature; `data-encryption-ms` on the tracker) is read; then the member goes Back to the
 * review and encrypts again, `--runs` times. The election key's fixed-base table, built once per
 * key, is reported apart (`data-preparation-ms`). The booth prepares the ranked contest's tables
 * (`prepareRankedEncryption`) in the worker as it shows the ballot, while the member ranks, so the
 * first encryption is that of a booth which prepared them.
 * Run: `npx tsx apps/web/test/booth-ranked-speed.ts [--candidates 10] [--runs 8]`
 */
import { loadavg, cpus } from 'node:os';
import type { Page } from 'playwright-core';
import { en } from '../src/i18n/messages-en.ts';
import { launchBrowser } from './support/browser.ts';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { createFixtureElection, startFixtureServer } from './support/election-fixture.ts';
import { rankedContestSpec } from './support/ranked-election.ts';
import { heading, toBallot } from './support/booth-driver.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : Number.parseInt(argv[at + 1] ?? '', 10);
};
const candidates = option('--candidates', 10);
const runs = option('--runs', 8);

async function timing(page: Page): Promise<{ encryption: number; preparation: number }> {
  await page.locator('#tracker').waitFor({ timeout: 60_000 });
  return {
    encryption: Number(await page.getAttribute('#tracker', 'data-encryption-ms')),
    preparation: Number(await page.getAttribute('#tracker', 'data-preparation-ms')),
  };
}

await sharedWebBuild();
const { server } = await startFixtureServer();
const browser = await launchBrowser();
try {
  const election = await createFixtureElection(server, {
    voters: 1,
    contests: [
      rankedContestSpec(
        'leader',
        'Leader',
        Array.from({ length: candidates }, (_, i) => `Candidate ${i + 1}`)
      ),
    ],
  });
  const voter = election.voters[0];
  if (voter === undefined) throw new Error('no voter');
  const page = await browser.newPage();
  await toBallot(page, `${server.url}/elections/${election.electionId}`, voter, en);
  // A full ranking, in reverse ballot order: n + 1 positions all carry a candidate or STOP.
  for (let j = 0; j < candidates; j++) await page.fill(`#contest-0-${j}`, String(candidates - j));
  await page.click(`text=${en['ballot.continue']}`);
  await heading(page, en['review.title']);
  await page.click(`text=${en['review.encrypt']}`);
  await heading(page, en['decide.title']);
  const first = await timing(page);
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.goBack();
    await heading(page, en['review.title']);
    await page.click(`text=${en['review.encrypt']}`);
    await heading(page, en['decide.title']);
    warm.push((await timing(page)).encryption);
  }
  const sorted = [...warm].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(
    `ranked ballot, ${candidates} candidates ranked, encrypt + prove + sign in the booth's worker (Chromium, noble): ` +
      `first ${first.encryption.toFixed(1)} ms (+ key table ${first.preparation.toFixed(1)} ms once); ` +
      `warm median ${median.toFixed(1)} ms, min ${sorted[0]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms over ${runs} runs ` +
      `[${warm.map((ms) => ms.toFixed(1)).join(', ')}]; ${cores} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`
  );
} finally {
  await browser.close();
  await server.close();
}
