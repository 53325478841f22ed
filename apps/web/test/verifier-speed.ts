/**
 * @module Measures the in-browser verifier (not a test; numbers for docs/benchmarks.md): a record
 * is served to the verifier page in Debian's Chromium through request interception, and the time
 * from "start" to the outcome is printed, once per group backend, side by side in one run (the
 * page's `?backend=noble` forces the pure-JavaScript reference; the default is the WebAssembly
 * backend, spec §2.9, and the outcome's data-backend says which one ran).
 * Beside the wall time it prints the CPU time the browser's processes spent (from /proc, Linux):
 * on a machine shared with other work the wall time mostly measures the load, the CPU time much
 * less so, and CPU time ÷ cores is what an idle machine with these cores would take at best.
 * Run: `npx tsx apps/web/test/verifier-speed.ts [ballots | --record DIR] [--backends wasm,noble]`
 * (default a simulated 500-ballot election; DIR a record from `npm run generate-record`).
 */
import assert from 'node:assert/strict';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { type AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarySchema } from '@scrutineer/api-contract';
import { loadGroup } from '@scrutineer/crypto';
import { REPLACEMENT_REASONS } from '@scrutineer/record';
import { simulateElection } from '@scrutineer/testkit';
import { sharedWebBuild } from './support/shared-web-build.ts';
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

const RECORD_FILES = ['format.json', 'board.jsonl', 'checkpoints.jsonl', 'cosignatures.jsonl'];

/**
 * The record's directory (a simulated election is written to a temporary one), its election id,
 * its line count and its number of ballots, read line by line (a 160,000-ballot board is 350 MB).
 */
async function record(): Promise<{
  directory: string;
  electionId: string;
  size: number;
  ballots: number;
}> {
  let directory = recordDirectory;
  if (directory === undefined) {
    const sim = simulateElection({
      group: await loadGroup('sodium'),
      voters: Number.parseInt(argv[0] ?? '500', 10),
      onlineChoice: (i) => [[i % 2]],
    });
    directory = mkdtempSync(join(tmpdir(), 'scrutineer-verifier-speed-'));
    for (const [name, text] of Object.entries(sim.board.toFiles()))
      writeFileSync(join(directory, name), text);
  }
  let electionId = '';
  let size = 0;
  let ballots = 0;
  const lines = createInterface({ input: createReadStream(join(directory, 'board.jsonl')) });
  for await (const line of lines) {
    if (line === '') continue;
    if (size++ === 0)
      electionId = (JSON.parse(line) as { body?: { electionId?: string } }).body?.electionId ?? '';
    if (line.includes('"type":"ballot-cast"')) ballots++;
  }
  return { directory, electionId, size, ballots };
}

/**
 * Serves the record's files from disk on a loopback port, streamed: the page's requests for them
 * are sent here (request interception would pass a whole board through the DevTools protocol).
 */
async function startRecordServer(directory: string): Promise<{ origin: string; close(): void }> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://record').pathname.slice(1);
    const path = join(directory, name);
    if (!RECORD_FILES.includes(name) || !existsSync(path))
      return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

/**
 * CPU seconds (user + system) spent so far by this process's descendants that are still running:
 * the browser and its renderer, GPU, network and worker processes. Linux /proc; 100 ticks a second.
 */
function browserCpuSeconds(): number {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces), from field 3 (state) on.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
      stats.set(Number(entry), { parent: Number(fields[1]), ticks });
    } catch {
      // ended meanwhile
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let at = stats.get(pid)?.parent; at !== undefined && at > 1; at = stats.get(at)?.parent)
      if (at === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (isDescendant(pid)) ticks += stat.ticks;
  return ticks / 100;
}

const { directory, electionId, size, ballots } = await record();
const records = await startRecordServer(directory);
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
await sharedWebBuild();
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
      const url = new URL(route.request().url());
      const name = url.pathname.split('/').pop() ?? '';
      return route.continue({ url: `${records.origin}/${name}${url.search}` });
    });
    await page.route(`**/api/elections/${electionId}`, (route) => route.fulfill({ json: summary }));
    const query = backend === 'noble' ? '?backend=noble' : '';
    await page.goto(`${server.url}/elections/${electionId}/verify${query}`);
    const cpuBefore = browserCpuSeconds();
    await page.click(`text=${en['verify.start']}`);
    const started = Date.now();
    // The outcome, or the page's alert when the run crashed or could not download.
    await page.locator('#verify-outcome, [role=alert]').first().waitFor({ timeout: 3_600_000 });
    const seconds = (Date.now() - started) / 1000;
    const cpu = browserCpuSeconds() - cpuBefore;
    const alert = page.locator('[role=alert]');
    if ((await alert.count()) > 0) throw new Error(`${backend}: ${await alert.innerText()}`);
    assert.equal(await page.getAttribute('#verify-outcome', 'data-ok'), 'true');
    const ran = await page.getAttribute('#verify-outcome', 'data-backend');
    assert.equal(ran, backend, `asked for ${backend}, ${ran} ran`);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(
      `${backend}: ${ballots} ballots (${size} events) verified in Chromium in ${seconds.toFixed(1)} s ` +
        `(${(ballots / seconds).toFixed(0)} ballots/s, ${cores} cores, load ${loadavg()[0]?.toFixed(1)}); ` +
        `browser CPU ${cpu.toFixed(1)} s (${(ballots / cpu).toFixed(0)} ballots per CPU-second)`
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  records.close();
}
