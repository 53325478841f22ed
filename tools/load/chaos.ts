/**
 * `npm run chaos [-- --minutes M] [-- --voters N] [-- --kill-every 20,60] [-- --pg-restarts P]
 *  [-- --rate R] [-- --out FILE]`: the fault soak (tools/load/src/chaos-soak.ts).
 * While ballots are cast over loopback, the server is SIGKILLed every 20–60 s and restarted, and
 * the machine's PostgreSQL is restarted P times (pg_ctlcluster, as root; it disturbs anything
 * else using that PostgreSQL, so run it on a machine of its own). It works in a database of its
 * own (scrutineer_chaos), dropped afterwards. Prints a summary and writes it as JSON (default
 * chaos-summary.json); exits 1 unless 0 missing, 0 duplicates, the tally matches and the
 * verifier passes.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runChaos } from './src/chaos-soak.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    voters: { type: 'string' },
    'kill-every': { type: 'string', default: '20,60' },
    'pg-restarts': { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '32' },
    rate: { type: 'string' },
    out: { type: 'string', default: 'chaos-summary.json' },
  },
});
const durationSeconds = Number(values.minutes) * 60;
const [low = 20, high = 60] = values['kill-every'].split(',').map(Number);
// Enough members for ~40 ballots/s on average (kills and restarts cost tens of seconds each on
// the shared 2-core machine); setup costs ~15 ms a member, so more only lengthens the run.
const voters = Number(values.voters ?? Math.min(60_000, Math.ceil(durationSeconds * 40)));
const summary = await runChaos({
  voters,
  durationSeconds,
  killEverySeconds: [low, high],
  postgresRestarts: Number(values['pg-restarts']),
  concurrency: Number(values.concurrency),
  verifyThreads: Math.max(1, availableParallelism() - 1),
  // Signing tens of thousands in over HTTP would outlast the soak (see load/sessions.ts).
  sessions: voters > 3000 ? 'minted' : 'http',
  // Paced so the members last the whole soak (a fast server would otherwise finish before a kill).
  rate: values.rate === undefined ? voters / durationSeconds : Number(values.rate),
  log: (line) => process.stdout.write(`${line}\n`),
});
const line = (label: string, value: unknown): void =>
  void process.stdout.write(`${label.padEnd(36)} ${String(value)}\n`);
process.stdout.write('\nchaos summary\n');
line('duration (s)', summary.seconds);
line('server SIGKILLs', summary.kills);
line('PostgreSQL restarts', summary.postgresRestarts);
line('ballots acknowledged', summary.acknowledged);
line('ballots retried (fate unknown)', summary.retriedBallots);
line('  answered with the stored receipt', summary.retriedAnsweredWithStoredReceipt);
line('resent, receipt differed', `${summary.resentDifferentReceipt} of ${summary.resentChecked}`);
line('missing', summary.missing);
line('duplicates', summary.duplicates);
line('committed without a receipt', summary.committedWithoutReceipt);
line(
  'tally (published / from receipts)',
  `${summary.tally.published.join(',')} / ${summary.tally.fromReceipts.join(',')}`
);
line(
  'verifier',
  summary.verifier.ok
    ? `OK (${summary.verifier.events} events, ${summary.verifier.stage})`
    : `FAILED ${summary.verifier.failed.join(' ')}`
);
line('load average', summary.loadAverage);
line('verdict', summary.ok ? 'OK' : 'FAILED');
writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`wrote ${values.out}\n`);
if (!summary.ok) process.exitCode = 1;
