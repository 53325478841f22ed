/**
 * `npm run guessing [-- --guesses N] [-- --addresses A] [-- --workers W] [-- --concurrency C]
 * [-- --engine pglite|postgres]`: the online guessing attack of docs/threat-model.md A18 B4
 * (default 10^6 guesses from 1,000 loopback addresses) against a real server on 127.0.0.1 with
 * the production limits (30 sign-ins a minute and 10 failures an hour per IP; alarm above 5× a
 * baseline of 100 failures an hour). The attacker runs in W worker threads, each with its own
 * share of guesses and addresses. Prints how many guesses succeeded (must be 0), reached the real
 * check, or were refused early, the alarm's log lines and metrics, and the time taken.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { votingCodeEntropyBits } from '@scrutineer/crypto';
import type { GuessingReport } from './src/guessing-attack.ts';
import { honestSignInStatus, readMetrics, startGuessingTarget } from './src/guessing-target.ts';
import type { GuessingWorkerData } from './src/guessing-worker.ts';
import { cleanUpTestDatabases, TEST_ENGINES } from '@scrutineer/testkit';

const { values } = parseArgs({
  options: {
    guesses: { type: 'string', default: '1000000' },
    addresses: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '32' },
    voters: { type: 'string', default: '1000' },
    engine: { type: 'string', default: 'pglite' },
  },
});
const [guesses, addresses, workers, concurrency, voters] = [
  values.guesses,
  values.addresses,
  values.workers,
  values.concurrency,
  values.voters,
].map(Number) as [number, number, number, number, number];
const engine = TEST_ENGINES.find((e) => e.engine === values.engine);
if (
  engine === undefined ||
  ![guesses, addresses, workers, concurrency, voters].every((n) => Number.isSafeInteger(n) && n > 0)
) {
  console.error('usage: npm run guessing -- [--guesses N] [--addresses A] [--workers W] …');
  process.exit(2);
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const setup = await startGuessingTarget(await engine.freshDatabase(), { voters });
console.log(
  `guessing: ${guesses} guesses from ${addresses} addresses in ${workers} threads ` +
    `(${concurrency} in flight each) against ${setup.server.url} [${engine.engine}], ` +
    `${voters} members on the roll; load average ${load()}`
);

const progress = new Map<number, GuessingReport>();
const share = (total: number, w: number) =>
  Math.floor(total / workers) + (w < total % workers ? 1 : 0);
const reports = await Promise.all(
  Array.from({ length: workers }, (_, w) => {
    const data: GuessingWorkerData = {
      url: setup.server.url,
      electionId: setup.election.electionId,
      manifestHash: setup.election.manifestHash,
      options: {
        guesses: share(guesses, w),
        addresses: share(addresses, w),
        firstAddress: Array.from({ length: w }, (_, k) => share(addresses, k)).reduce(
          (a, b) => a + b,
          0
        ),
        concurrency,
        progressEvery: 50_000,
      },
    };
    const worker = new Worker(new URL('./src/guessing-worker-entry.mjs', import.meta.url), {
      workerData: data,
    });
    return new Promise<GuessingReport>((resolve, reject) => {
      worker.on('message', (message: { progress?: GuessingReport; report?: GuessingReport }) => {
        if (message.progress !== undefined) {
          progress.set(w, message.progress);
          const done = [...progress.values()].reduce((a, r) => a + r.guesses, 0);
          const failures = [...progress.values()].reduce((a, r) => a + r.verified, 0);
          console.log(
            `  ${done} guesses, ${failures} verified, ${message.progress.seconds.toFixed(0)} s; load ${load()}`
          );
        }
        if (message.report !== undefined) resolve(message.report);
      });
      worker.on('error', reject);
    });
  })
);

const total = reports.reduce(
  (a, r) => ({
    guesses: a.guesses + r.guesses,
    successes: a.successes + r.successes,
    verified: a.verified + r.verified,
    refusedByFailureLimit: a.refusedByFailureLimit + r.refusedByFailureLimit,
    refusedByRateLimit: a.refusedByRateLimit + r.refusedByRateLimit,
    sourcePorts: a.sourcePorts + r.sourcePorts,
    seconds: Math.max(a.seconds, r.seconds),
  }),
  {
    guesses: 0,
    successes: 0,
    verified: 0,
    refusedByFailureLimit: 0,
    refusedByRateLimit: 0,
    sourcePorts: 0,
    seconds: 0,
  }
);
const other: Record<string, number> = {};
for (const r of reports)
  for (const [key, n] of Object.entries(r.other)) other[key] = (other[key] ?? 0) + n;
const metrics = await readMetrics(setup.server);
const alarmLines = setup.logLines.filter((line) => line.includes('"alarm":"sign-in-failures"'));
const honest = await honestSignInStatus(setup);
const expected = (total.guesses * voters) / 2 ** votingCodeEntropyBits;

console.log(`guesses:                         ${total.guesses}`);
console.log(`successes:                       ${total.successes}`);
console.log(`checked and refused (no Argon2id for an unlisted key): ${total.verified}`);
console.log(`refused by the per-IP failure limit: ${total.refusedByFailureLimit}`);
console.log(`refused by the per-route rate limit: ${total.refusedByRateLimit}`);
console.log(`other responses:                 ${JSON.stringify(other)}`);
console.log(`source ports opened:             ${total.sourcePorts}`);
console.log(
  `time:                            ${total.seconds.toFixed(1)} s (${(total.guesses / total.seconds).toFixed(0)} guesses/s)`
);
console.log(
  `alarm log lines:                 ${alarmLines.length}; metrics: ` +
    [
      'scrutineer_sign_in_failures_total',
      'scrutineer_sign_in_refused_total',
      'scrutineer_sign_in_alarms_total',
      'scrutineer_sign_in_alarm_active',
    ]
      .map((name) => `${name}=${metrics.get(name)}`)
      .join(' ')
);
console.log(`honest member from 127.0.0.1:    ${honest}`);
console.log(
  `expected successes A·N/2^${votingCodeEntropyBits}: ${expected.toExponential(2)}; load average ${load()}`
);
const ok =
  total.successes === 0 &&
  Object.keys(other).length === 0 &&
  // 10 failures an address an hour (DEFAULT_SIGN_IN_MONITOR): a run longer than an hour may verify more.
  total.verified <= 10 * addresses * Math.ceil(total.seconds / 3600) &&
  alarmLines.length > 0 &&
  metrics.get('scrutineer_sign_in_alarm_active') === 1 &&
  honest === 200;
console.log(ok ? 'PASS' : 'FAIL');
await setup.server.close();
await cleanUpTestDatabases();
process.exit(ok ? 0 : 1);
