/**
 * @module Measures the single-instance cast rate on loopback: N members of a 1-of-2 election each
 * cast one ballot over HTTP, C at a time; ballots are encrypted and members signed in before the
 * clock starts, so the figure is the server's (parse, verify, append, receipt). Usage:
 * `node --import tsx tools/bench/src/cast-rate.ts [postgres://…|pglite] [N] [C]`
 */
import { performance } from 'node:perf_hooks';
import { openDatabase, openPgliteDatabase, migrate } from '@scrutineer/server';
import {
  castBallotRequest,
  sessionFor,
  honestBallot,
  nth,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';

const [
  location = 'postgres://postgres@127.0.0.1:5432/test',
  countText = '400',
  concurrencyText = '16',
] = process.argv.slice(2);
const count = Number(countText);
const concurrency = Number(concurrencyText);
const database = location === 'pglite' ? await openPgliteDatabase() : await openDatabase(location);
if (location === 'pglite') await migrate(database);
const server = await startTestServer(database, {
  checkpoints: { intervalMs: 0, everyEvents: 1000 },
});
try {
  const election = await createTestElection(server.service, { voters: count });
  const ballots = election.voters.map(
    (voter, i) => honestBallot(election.setup, voter, i % 2).ballot
  );
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 50)
    tokens.push(
      ...(await Promise.all(
        election.voters.slice(i, i + 50).map((v) => sessionFor(server, election, v))
      ))
    );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        const response = await castBallotRequest(
          server,
          election.electionId,
          nth(tokens, i),
          nth(ballots, i)
        );
        if (response.status !== 201) throw new Error(JSON.stringify(response.body));
        latencies.push(performance.now() - t0);
      }
    })
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerBallot = (cpu.user + cpu.system) / 1000 / count;
  latencies.sort((a, b) => a - b);
  const at = (q: number): string =>
    nth(latencies, Math.min(latencies.length - 1, Math.floor(q * latencies.length))).toFixed(1);
  console.log(
    `${database.engine}: ${count} ballots in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} ballots/s at concurrency ${concurrency}; latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; this process (server and client) used ${cpuPerBallot.toFixed(1)} ms CPU a ballot`
  );
} finally {
  await server.close();
  await database.close();
}
