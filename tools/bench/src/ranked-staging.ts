/**
 * Staging a ranked step at party scale (spec §11.8 "Staging"; results in docs/benchmarks.md): a
 * mix of N rows of 6 ciphertexts (5 candidates), with a proof of the §11.4 size (about 4 group
 * elements a row), cut by the client as `scrutineer mixer mix` cuts it for the board's request
 * limit and staged part by part over HTTP into a real server on PostgreSQL (or PGlite); then the
 * staging listed and the step committed. The rows are random bytes in the mix's hex format, not
 * points: the board stages parts without decoding them, and its commit refuses this step at the
 * first check (`mix/wrong-input`) after reading and joining every staged part, so the commit's
 * time here is the assembly, not V10.2 (a 160,000-row shuffle's verification is measured in the
 * mix-net section). Wall and CPU time (client and server share the process).
 *
 * Usage: npx tsx tools/bench/src/ranked-staging.ts [--rows N] [--engine postgres|pglite]
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ApiError, apiClient, stagedStepOf } from '@scrutineer/api-contract';
import { mixStagedParts } from '@scrutineer/protocol';
import {
  TEST_ENGINES,
  castRankedTestElection,
  cleanUpTestDatabases,
  startTestServer,
} from '@scrutineer/testkit';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '160000' },
    engine: { type: 'string', default: 'postgres' },
  },
});
const N = Number(values.rows);
const WIDTH = 6;
const engine = TEST_ENGINES.find((e) => e.engine === values.engine);
if (engine === undefined) throw new Error(`no engine ${values.engine}`);

const server = await startTestServer(await engine.freshDatabase());
try {
  const election = await castRankedTestElection(server);
  const direct = apiClient({ baseUrl: server.url });
  // Once more after a transient failure: the process blocks for seconds making and cutting the
  // rows, and a kept-alive socket the server closed meanwhile fails the next fetch.
  const client = {
    call: (async (name: never, args: never) => {
      try {
        return await direct.call(name, args);
      } catch (error) {
        if (error instanceof ApiError && error.transient) return direct.call(name, args);
        throw error;
      }
    }) as unknown as typeof direct.call,
  };
  const officer = { params: { electionId: election.electionId }, token: election.adminKey };
  await client.call('close', officer);
  await client.call('tally', officer);

  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  const mix = [
    {
      contest: 0,
      mixer: 1,
      part: 0,
      parts: 1,
      inputHash: hex(32),
      outputs: Array.from({ length: N }, () => Array.from({ length: WIDTH }, () => hex(64))),
      proof: hex(4 * 32 * N),
      signature: hex(64),
    },
  ];
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const result = await run();
    const used = process.cpuUsage(cpu);
    console.log(
      `${label}: wall ${((performance.now() - wall) / 1000).toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`
    );
    return result;
  };
  const step = stagedStepOf({ type: 'mix', body: mix[0] as never });
  const status = await client.call('rankedStaging', { ...officer, query: { step } });
  const parts = await timed('cut', () =>
    Promise.resolve(mixStagedParts(mix, status.limits.request))
  );
  const bytes = parts.reduce((sum, p) => sum + JSON.stringify(p).length, 0);
  console.log(
    `${N} rows × ${WIDTH}: ${parts.length} parts, ${(bytes / 1e6).toFixed(1)} MB as requests; ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`
  );
  await timed('stage every part', async () => {
    for (const part of parts) await client.call('stageRankedPart', { ...officer, body: part });
  });
  await timed(
    'stage every part again (a resumed run: each answered "already staged")',
    async () => {
      for (const part of parts) await client.call('stageRankedPart', { ...officer, body: part });
    }
  );
  await timed('list the staging', () =>
    client.call('rankedStaging', { ...officer, query: { step } })
  );
  await timed('commit (read, join and parse every part; refused at the input check)', async () => {
    try {
      await client.call('commitRankedStep', { ...officer, body: { step } });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      console.log(`  refused: ${error.code}`);
    }
  });
} finally {
  await server.close();
  await cleanUpTestDatabases();
}
