/**
 * @module Honest casting latency while the sign-in (F7) and officer-body (F8) attack loads run,
 * on loopback only and bounded in time. The server runs in this process with a fresh PostgreSQL
 * schema (or PGlite); honest members cast at a steady rate from this process too, as
 * cast-rate.ts does, while attacker.ts runs in a child process. Three phases of `seconds` each:
 * no attack, the F7 load, the F8 load. Usage:
 * `node --import tsx tools/bench/src/attack-latency.ts [postgres|pglite] [seconds] [casts/s]`
 * Results go in docs/benchmarks.md with the machine, its load and the date.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { migrate, openPgliteDatabase } from '@scrutineer/server';
import {
  api,
  castBallotRequest,
  sessionFor,
  honestBallot,
  nth,
  cleanUpTestDatabases,
  postgresEngine,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';

const [engine = 'postgres', secondsText = '10', rateText = '20'] = process.argv.slice(2);
const seconds = Number(secondsText);
const rate = Number(rateText);
const perPhase = Math.ceil(seconds * rate);
const database =
  engine === 'pglite' ? await openPgliteDatabase() : await postgresEngine().freshDatabase();
if (engine === 'pglite') await migrate(database);
const server = await startTestServer(database, { answers: { threads: 1 } });
const ATTACKER = fileURLToPath(new URL('./attacker.ts', import.meta.url));

function attack(mode: string, electionId: string, manifestHash: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        ATTACKER,
        server.url,
        electionId,
        manifestHash,
        mode,
        String(seconds + 2),
      ],
      { maxBuffer: 1 << 20 },
      (_error, stdout) => resolve(stdout.trim())
    );
  });
}

const quantile = (sorted: readonly number[], q: number): string =>
  nth(sorted, Math.min(sorted.length - 1, Math.floor(q * sorted.length))).toFixed(1);

try {
  const election = await createTestElection(server.service, { voters: 3 * perPhase });
  const ballots = election.voters.map((v, i) => honestBallot(election.setup, v, i % 2).ballot);
  const tokens: string[] = [];
  for (let i = 0; i < election.voters.length; i += 25)
    tokens.push(
      ...(await Promise.all(
        election.voters.slice(i, i + 25).map((v) => sessionFor(server, election, v))
      ))
    );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(
        ' '
      )}; ${new Date().toISOString()}; engine ${database.engine}; honest casting ${rate}/s for ${seconds} s a phase`
  );
  let next = 0;
  for (const phase of ['none', 'f7', 'f8']) {
    const attacking =
      phase === 'none'
        ? Promise.resolve('')
        : attack(phase, election.electionId, election.manifestHash);
    // Let the attacker start (its process loads tsx and the group) before the clock starts.
    if (phase !== 'none') await new Promise((resolve) => setTimeout(resolve, 1500));
    const latencies: number[] = [];
    const health: number[] = [];
    const casts: Promise<void>[] = [];
    const started = performance.now();
    for (let k = 0; k < perPhase; k++) {
      const i = next++;
      const due = started + (k * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      casts.push(
        (async () => {
          const t0 = performance.now();
          const reply = await castBallotRequest(
            server,
            election.electionId,
            nth(tokens, i),
            nth(ballots, i)
          );
          if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
          latencies.push(performance.now() - t0);
        })()
      );
      if (k % 10 === 0) {
        const h0 = performance.now();
        await api(server, 'GET', '/api/health');
        health.push(performance.now() - h0);
      }
    }
    await Promise.all(casts);
    const attackReport = await attacking;
    latencies.sort((a, b) => a - b);
    health.sort((a, b) => a - b);
    console.log(
      `phase ${phase}: ${latencies.length} honest casts, latency p50 ${quantile(latencies, 0.5)} ms, p99 ${quantile(latencies, 0.99)} ms, max ${quantile(latencies, 1)} ms; health p50 ${quantile(health, 0.5)} ms, max ${quantile(health, 1)} ms${attackReport === '' ? '' : `; attack ${attackReport}`}`
    );
  }
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`
  );
} finally {
  await server.close();
  if (engine === 'pglite') await database.close();
  else await cleanUpTestDatabases();
}
