/**
 * @module The cast-throughput figures for `npm run bench` (tools/bench/bench.ts): runs
 * cast-throughput.ts as its own process (it starts the server as another) and records its
 * summary. Needs the machine's PostgreSQL on 127.0.0.1:5432; a quick run casts 1,000 ballots.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./cast-throughput.ts', import.meta.url));

export async function benchCastThroughput(options: {
  readonly quick: boolean;
  readonly record: (name: string, value: number, unit: string) => void;
}): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'scrutineer-bench-cast-'));
  const out = join(directory, 'cast.json');
  try {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SCRIPT, '--ballots', options.quick ? '1000' : '5000', '--out', out],
      { stdio: ['ignore', 'ignore', 'inherit'] }
    );
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`cast-throughput exited with ${code}`);
    const summary = JSON.parse(await readFile(out, 'utf8')) as {
      ballotsPerSecond: number;
      p50Ms: number;
      p99Ms: number;
      serverCpuMsPerBallot: number;
    };
    const label = 'cast over HTTP, server process on PostgreSQL';
    options.record(label, summary.ballotsPerSecond, 'ballots/s');
    options.record('  p50 latency', summary.p50Ms, 'ms');
    options.record('  p99 latency', summary.p99Ms, 'ms');
    options.record('  server CPU per ballot (all threads)', summary.serverCpuMsPerBallot, 'ms');
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
