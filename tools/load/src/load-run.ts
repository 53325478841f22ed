/**
 * @module What a load or chaos run shares: its own database, the election with every ballot
 * encrypted, the server as a process on a fixed loopback port, every member signed in, the
 * client — set up in that order and torn down (server stopped, database dropped) whatever failed.
 */
import { loadavg } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { type LoadClient as Client, LoadClient } from './http-client.ts';
import { type LoadDatabase, createLoadDatabase } from './load-database.ts';
import { type LoadElection, prepareLoadElection } from './load-election.ts';
import { type ServerProcess, freePort, startServerProcess } from './server-process.ts';
import { mintSessions, signInAll } from './sessions.ts';

export interface LoadRunOptions {
  /** Database name (created, and dropped at the end). */
  readonly database: string;
  readonly voters: number;
  readonly verifyThreads: number;
  readonly maxCastsInFlight: number;
  readonly concurrency: number;
  /** `http`: every member signs in over HTTP (default); `minted`: see sessions.ts. */
  readonly sessions?: 'http' | 'minted';
  /** A PostgreSQL tablespace to create the database in (the disk-full run's tiny tmpfs). */
  readonly tablespace?: string;
  readonly log: (line: string) => void;
}

export interface LoadRun {
  readonly options: LoadRunOptions;
  readonly database: LoadDatabase;
  readonly prepared: LoadElection;
  readonly client: Client;
  readonly tokens: readonly string[];
  /** Where the server is now (the URL survives restarts: same port). */
  readonly target: { url: string };
  server(): ServerProcess;
  /** SIGKILL the server (if running) and start it again on the same port. */
  restart(): Promise<void>;
}

export async function withLoadRun<T>(
  options: LoadRunOptions,
  work: (run: LoadRun) => Promise<T>
): Promise<T> {
  const database = await createLoadDatabase(
    options.database,
    options.tablespace === undefined ? {} : { tablespace: options.tablespace }
  );
  const client = new LoadClient(Math.max(16, options.concurrency));
  let server: ServerProcess | undefined;
  try {
    const prepared = await prepareLoadElection(database.url, options.voters, options.log);
    const settings = {
      database: database.url,
      port: await freePort(),
      verifyThreads: options.verifyThreads,
      maxCastsInFlight: options.maxCastsInFlight,
    };
    server = await startServerProcess(settings);
    const target = { url: server.url };
    const tokens =
      options.sessions === 'minted'
        ? mintSessions(prepared.election, prepared.hmacKey, new Date())
        : await signInAll(client, target, prepared.election, 8, options.log);
    const run: LoadRun = {
      options,
      database,
      prepared,
      client,
      tokens,
      target,
      server: () => server as ServerProcess,
      async restart() {
        await server?.kill();
        server = undefined;
        server = await startServerProcess(settings);
      },
    };
    return await work(run);
  } finally {
    if (server !== undefined) await server.terminate().catch(() => undefined);
    client.close();
    await database.drop().catch((error: unknown) => options.log(`drop failed: ${String(error)}`));
  }
}

/** CPU seconds (user + system, all threads) a process has used, from /proc (Linux). */
export function processCpuSeconds(pid: number | undefined): number {
  return cpuSecondsOf(`/proc/${pid}/stat`, pid);
}

/** CPU seconds one thread of a process has used (the main thread's id is the process id). */
export function threadCpuSeconds(pid: number | undefined, thread: number | undefined): number {
  return cpuSecondsOf(`/proc/${pid}/task/${thread}/stat`, thread);
}

/** `withReapedChildren` adds the CPU of the process's children that ended and were waited for. */
function cpuSecondsOf(
  statFile: string,
  id: number | undefined,
  withReapedChildren = false
): number {
  if (id === undefined) return Number.NaN;
  try {
    // Fields after the command name: utime, stime, cutime, cstime are 14-17 in proc(5).
    const fields = readFileSync(statFile, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const own = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    const children = withReapedChildren ? Number(fields[13] ?? 0) + Number(fields[14] ?? 0) : 0;
    return (own + children) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds of the PostgreSQL processes serving `database` (its backends, by their process
 * title) and of the shared ones that every write goes through (postmaster, WAL writer,
 * checkpointer, background writer); live backends of other databases — other users of a shared
 * machine — are left out. A backend that ends (the pool closes idle connections) takes its CPU
 * with it, so the postmaster's reaped-children CPU is counted too: take the difference of two
 * readings, and a backend alive at the first and gone by the second is counted whole.
 */
export function postgresCpuSeconds(database: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const backend = /^postgres: [^:]+: \S+ (\S+) /.exec(title);
      if (backend === null) {
        const postmaster = !title.startsWith('postgres: ');
        total += cpuSecondsOf(`/proc/${entry}/stat`, Number(entry), postmaster);
      } else if (backend[1] === database) total += processCpuSeconds(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}
