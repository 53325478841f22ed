/**
 * @module Measures the booth's ranked ballot in Debian's Chromium (not a test; numbers for
 * docs/benchmarks.md): encryptRanking (spec §11.2) on the noble backend, bundled for the browser
 * with Vite and run in a blank page. Prints the first ballot of a fresh page (fixed-base tables
 * built on the way) and the mean of the next ones, wall clock in the page, and checks each proof.
 * Run: `npx tsx apps/web/test/ranked-booth-speed.ts [candidates] [runs]` (default 10 and 20).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Rollup, build } from 'vite';
import { launchBrowser } from './support/browser.ts';

const argv = process.argv.slice(2);
const srcAt = argv.indexOf('--src');
// --src DIR: another checkout's packages/crypto/src (to measure a commit before this one).
const src = srcAt === -1 ? undefined : argv.splice(srcAt, 2)[1];
const candidates = Number(argv[0] ?? 10);
const runs = Number(argv[1] ?? 20);
const crypto = (path: string): string =>
  src === undefined
    ? new URL(`../../../packages/crypto/src/${path}`, import.meta.url).pathname
    : `${src}/${path}`;

const entry = `
import { nobleGroup } from ${JSON.stringify(crypto('backends/noble.ts'))};
import { encodeU64 } from ${JSON.stringify(crypto('bytes.ts'))};
import { randomScalar } from ${JSON.stringify(crypto('scalar.ts'))};
import * as ranked from ${JSON.stringify(crypto('mixnet/ranked-ballot.ts'))};
const { encryptRanking, verifyRankedBallot } = ranked;
globalThis.rankedBoothSpeed = (candidates, runs) => {
  const group = nobleGroup;
  const key = group.multiplyBase(randomScalar());
  const context = { baseHash: new Uint8Array(32).fill(1), bindings: [new Uint8Array(32), encodeU64(0)] };
  const ranking = Array.from({ length: Math.min(5, candidates) }, (_, i) => candidates - i);
  const once = () => {
    const start = performance.now();
    const ballot = encryptRanking(group, key, context, candidates, ranking);
    const ms = performance.now() - start;
    if (!verifyRankedBallot(group, key, context, candidates, ballot.ciphertexts, ballot.proof))
      throw new Error('proof failed');
    return ms;
  };
  const prepareStart = performance.now();
  if (globalThis.prepareFirst && ranked.prepareRankedEncryption)
    ranked.prepareRankedEncryption(group, key, context.baseHash, candidates);
  const prepare = performance.now() - prepareStart;
  const first = once();
  const rest = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { prepare, first, mean: rest.reduce((s, x) => s + x, 0) / runs, median: rest[Math.floor(runs / 2)] };
};
`;
const scratch = mkdtempSync(join(tmpdir(), 'ranked-booth-speed-'));
const entryFile = join(scratch, 'entry.ts');
writeFileSync(entryFile, entry);
const output = (await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    minify: false,
    lib: { entry: entryFile, formats: ['iife'], name: 'rankedBoothSpeedBundle' },
  },
})) as Rollup.RollupOutput | Rollup.RollupOutput[];
rmSync(scratch, { recursive: true, force: true });
const script = (Array.isArray(output) ? output[0] : output)?.output[0].code;
assert.ok(script !== undefined);

const browser = await launchBrowser();
try {
  // A fresh page each way: the first ballot of a booth that prepared nothing, then of one that
  // called prepareRankedEncryption when the contest was shown.
  for (const prepareFirst of [false, true]) {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>ranked booth speed</title>');
    await page.addScriptTag({ content: `globalThis.prepareFirst = ${prepareFirst};` });
    await page.addScriptTag({ content: script });
    const version = browser.context.browser()?.version() ?? 'Chromium';
    const result = await page.evaluate(
      ([n, r]) =>
        (
          globalThis as unknown as {
            rankedBoothSpeed: (
              n: number,
              r: number
            ) => { prepare: number; first: number; mean: number; median: number };
          }
        ).rankedBoothSpeed(n, r),
      [candidates, runs] as const
    );
    process.stdout.write(
      `Chromium ${version}, noble, ${candidates} candidates, load ${loadavg()[0]?.toFixed(1)}: ` +
        (prepareFirst ? `prepare ${result.prepare.toFixed(0)} ms, ` : 'nothing prepared, ') +
        `first ballot ${result.first.toFixed(0)} ms, then mean ${result.mean.toFixed(1)} ms, ` +
        `median ${result.median.toFixed(1)} ms (${runs} ballots)\n`
    );
    await page.close();
  }
} finally {
  await browser.close();
}
