/**
 * @module Sustained cast throughput: the server as a process of its own on PostgreSQL
 * (a database created for the run and dropped after), the generator in this process sending
 * real pre-encrypted ballots with real sessions over loopback HTTP. Every ballot is fully
 * verified by the server before its receipt; afterwards the published board is compared with
 * the receipts (0 missing, 0 duplicates, 0 commits without a receipt).
 *
 * `node --import tsx tools/bench/src/cast-throughput.ts [--ballots N] [--concurrency C]
 *  [--verify-threads T] [--max-in-flight M] [--rate R] [--duration S] [--overload R] [--out FILE]
 *  [--sessions minted|http]` (minted by default: sign-in is not what this measures; see
 *  sessions.ts)
 * --duration S: cast for S seconds (the 10-minute run is --duration 600 with enough --ballots);
 * --overload R: offer 2R ballots/s for 30 s, then R/2 for 60 s, and report shedding and recovery.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  auditLoadRun,
  type CastResult,
  quantile,
  runCasts,
  loadAverage,
  postgresCpuSeconds,
  processCpuSeconds,
  threadCpuSeconds,
  withLoadRun,
} from '@scrutineer/load';

const { values } = parseArgs({
  options: {
    ballots: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '40' },
    'verify-threads': { type: 'string', default: '1' },
    'max-in-flight': { type: 'string', default: '64' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    overload: { type: 'string' },
    out: { type: 'string' },
    sessions: { type: 'string', default: 'minted' },
  },
});
const number = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : Number(text);
const voters = Number(values.ballots);
const overload = number(values.overload);
const rate = number(values.rate);
const OVERLOAD_SECONDS = 30;
const log = (line: string): void => void process.stdout.write(`${line}\n`);

const summary = await withLoadRun(
  {
    database: 'scrutineer_load',
    voters,
    verifyThreads: Number(values['verify-threads']),
    maxCastsInFlight: Number(values['max-in-flight']),
    concurrency: overload === undefined ? Number(values.concurrency) : 1024,
    sessions: values.sessions === 'http' ? 'http' : 'minted',
    log,
  },
  async (run) => {
    const loadBefore = loadAverage();
    const pid = run.server().child.pid;
    const cpuBefore = processCpuSeconds(pid);
    const mainThreadBefore = threadCpuSeconds(pid, pid);
    const postgresBefore = postgresCpuSeconds(run.database.name);
    const generatorBefore = process.cpuUsage();
    log(`casting ${voters} ballots (load average before: ${loadBefore})`);
    const result: CastResult = await runCasts({
      target: run.target,
      client: run.client,
      electionId: run.prepared.election.electionId,
      tokens: run.tokens,
      bodies: run.prepared.bodies,
      members: run.prepared.bodies.map((_, i) => i),
      concurrency: overload === undefined ? Number(values.concurrency) : 1024,
      ...(overload !== undefined
        ? { rateAt: (t: number) => (t < OVERLOAD_SECONDS ? 2 * overload : overload / 2) }
        : rate === undefined
          ? {}
          : { rateAt: () => rate }),
      ...(values.duration === undefined ? {} : { durationSeconds: Number(values.duration) }),
      onSecond: (second, stats) => {
        if (second % 10 === 9 || overload !== undefined)
          log(
            `  t=${second + 1}s acknowledged ${stats.acknowledged}/s shed ${stats.shed}/s p99 ${quantile(stats.latencies, 0.99).toFixed(0)} ms`
          );
      },
    });
    const serverCpu = processCpuSeconds(pid) - cpuBefore;
    const mainThreadCpu = threadCpuSeconds(pid, pid) - mainThreadBefore;
    const postgresCpu = postgresCpuSeconds(run.database.name) - postgresBefore;
    const generator = process.cpuUsage(generatorBefore);
    const loadAfter = loadAverage();
    const audit = await auditLoadRun(run, result.receipts);
    const acknowledged = result.receipts.size;
    const perSecond = result.perSecond.map((s) => s.acknowledged);
    // Recovery: the first second after the overload phase with nothing shed and p99 < 250 ms.
    const recoveredAt =
      overload === undefined
        ? undefined
        : result.perSecond.findIndex(
            (s, i) => i >= OVERLOAD_SECONDS && s.shed === 0 && quantile(s.latencies, 0.99) < 250
          ) - OVERLOAD_SECONDS;
    return {
      date: new Date().toISOString(),
      ballots: voters,
      acknowledged,
      refused: result.refusals.size,
      refusalCodes: [...new Set(result.refusals.values())],
      unresolved: result.unresolved.length,
      seconds: Number(result.seconds.toFixed(2)),
      ballotsPerSecond: Number((acknowledged / result.seconds).toFixed(1)),
      p50Ms: Number(quantile(result.latencies, 0.5).toFixed(1)),
      p99Ms: Number(quantile(result.latencies, 0.99).toFixed(1)),
      minPerSecond: Math.min(...perSecond.slice(1, -1)),
      shed: result.counts.shed,
      networkErrors: result.counts.networkErrors,
      serverErrors: result.counts.serverErrors,
      serverCpuMsPerBallot: Number(((serverCpu * 1000) / Math.max(1, acknowledged)).toFixed(2)),
      // The event loop's thread alone: it does all but the proofs, so it bounds the rate.
      serverMainThreadCpuMsPerBallot: Number(
        ((mainThreadCpu * 1000) / Math.max(1, acknowledged)).toFixed(2)
      ),
      serverMainThreadBusy: Number((mainThreadCpu / result.seconds).toFixed(2)),
      // The run's database's backends and PostgreSQL's shared writers (load-run.ts).
      postgresCpuMsPerBallot: Number(((postgresCpu * 1000) / Math.max(1, acknowledged)).toFixed(2)),
      generatorCpuMsPerBallot: Number(
        ((generator.user + generator.system) / 1000 / Math.max(1, acknowledged)).toFixed(2)
      ),
      ...(recoveredAt === undefined ? {} : { recoveredSecondsAfterOverload: recoveredAt }),
      board: {
        ballotsOnBoard: audit.ballotsOnBoard,
        missing: audit.missing,
        duplicates: audit.duplicates,
        committedWithoutReceipt: audit.committedWithoutReceipt,
      },
      settings: {
        sessions: values.sessions,
        concurrency: overload === undefined ? Number(values.concurrency) : 1024,
        verifyThreads: Number(values['verify-threads']),
        maxCastsInFlight: Number(values['max-in-flight']),
        ...(rate === undefined ? {} : { rate }),
        ...(overload === undefined ? {} : { overloadRate: 2 * overload }),
      },
      loadAverage: { before: loadBefore, after: loadAfter },
    };
  }
);
log(JSON.stringify(summary, null, 2));
if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
const sound =
  summary.board.missing === 0 &&
  summary.board.duplicates === 0 &&
  summary.board.committedWithoutReceipt === 0 &&
  summary.unresolved === 0;
if (!sound) {
  log('FAILED: the board does not match the receipts');
  process.exitCode = 1;
}
