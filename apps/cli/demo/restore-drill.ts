/**
 * `npx tsx apps/cli/demo/restore-drill.ts [--voters N] [--keep]`: the PostgreSQL restore drill of
 * docs/operations.md §8, on a throw-away cluster of its own (never the shared one on 5432).
 *
 * 1. initdb a cluster in a temp dir on a free loopback port, with WAL archiving
 *    (archive_command) and pg_receivewal streaming WAL into the archive as a synchronous standby,
 *    so every commit the server acknowledges is in the archive before the voter sees a receipt.
 * 2. Run the demo election on it (the real server and HTTP API) up to voting open.
 * 3. Cast votes (receipts kept), take a base backup (pg_basebackup), cast more, then kill the
 *    cluster (`pg_ctl stop -m immediate`: every process aborts, as in a crash) while votes are
 *    in flight.
 * 4. Restore: the base backup plus the archived and streamed WAL into a NEW data directory and
 *    port (the dead cluster's own pg_wal is never read: its disk counts as lost), recover to the
 *    end of the WAL, start a fresh server on it.
 * 5. Check: every receipt issued is on the restored board at its position with its event hash,
 *    and the record verifies (the independent verifier, as `scrutineer verify`).
 *
 * Prints the times and counts; exits 1 if a receipt is missing or the record does not verify.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadGroup } from '@scrutineer/crypto';
import { type RunningServer, startServer } from '@scrutineer/server';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { ServerClient } from '../src/client/server-client.ts';
import { type Receipt, castVote, loadVotingSetup } from '../src/client/vote-client.ts';
import { writeRecordFromServer } from '../src/commands/election/publish-record.ts';
import { type VoterPlan, answersOf } from './demo-voting.ts';
import { type LiveElection, runDemo } from './run-demo.ts';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '150' },
    keep: { type: 'boolean', default: false },
  },
});
const log = (message: string): void => void process.stdout.write(`${message}\n`);
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const seconds = (from: number): number => Math.round((performance.now() - from) / 100) / 10;

/** The PostgreSQL binaries: the newest /usr/lib/postgresql/<major>/bin. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const major = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  if (major === undefined) throw new Error(`no PostgreSQL under ${root}`);
  return join(root, major, 'bin');
}
const BIN = postgresBin();
// PostgreSQL refuses to run as root: the cluster's own processes run as `postgres` then.
const asRoot = process.getuid?.() === 0;
const owner = asRoot
  ? {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    }
  : undefined;

function pg(tool: string, args: readonly string[]): string {
  const command = join(BIN, tool);
  return asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : execFileSync(command, args, { encoding: 'utf8' });
}
function pgSpawn(tool: string, args: readonly string[]): ChildProcess {
  const command = join(BIN, tool);
  return asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' })
    : spawn(command, args, { stdio: 'ignore' });
}
function ownDirectory(path: string): void {
  mkdirSync(path, { recursive: true });
  if (owner !== undefined) chownSync(path, owner.uid, owner.gid);
}
function ownTree(path: string): void {
  if (owner === undefined) return;
  chownSync(path, owner.uid, owner.gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) ownTree(child);
    else chownSync(child, owner.uid, owner.gid);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'scrutineer-restore-drill-'));
chmodSync(work, 0o755);
const paths = {
  primary: join(work, 'primary'),
  archive: join(work, 'wal-archive'),
  stream: join(work, 'wal-stream'),
  base: join(work, 'base-backup'),
  restored: join(work, 'restored'),
  restoreWal: join(work, 'restore-wal'),
  sockets: join(work, 'sockets'),
  logs: join(work, 'logs'),
  record: join(work, 'record'),
  demo: join(work, 'demo-out'),
};
for (const path of [paths.archive, paths.stream, paths.sockets, paths.restoreWal, paths.logs])
  ownDirectory(path);

const STANDBY = 'drill_receivewal';
const primaryPort = await freePort();
const url = (port: number): string => `postgres://postgres@127.0.0.1:${port}/postgres`;

function startCluster(dataDirectory: string, port: number, extra: readonly string[]): void {
  pg('pg_ctl', [
    '-D',
    dataDirectory,
    '-l',
    join(paths.logs, `${port}.log`),
    '-w',
    '-t',
    '120',
    '-o',
    [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${paths.sockets}`,
      ...extra,
    ].join(' '),
    'start',
  ]);
}

let receivewal: ChildProcess | undefined;
let restoredPort: number | undefined;
const servers: RunningServer[] = [];
const measures: Record<string, number | string> = {};

async function cleanUp(): Promise<void> {
  for (const server of servers) await server.close().catch(() => undefined);
  receivewal?.kill('SIGTERM');
  for (const directory of [paths.primary, paths.restored])
    if (existsSync(join(directory, 'postmaster.pid')))
      try {
        pg('pg_ctl', ['-D', directory, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

/** Casts `plans` online, `concurrency` at once; the receipts of those the board accepted. */
async function castAll(
  live: LiveElection,
  plans: readonly VoterPlan[],
  concurrency: number,
  onReceipt?: (count: number) => void
): Promise<{ receipts: Receipt[]; failed: number }> {
  const group = await loadGroup('sodium');
  const client = new ServerClient(live.url);
  const setup = await loadVotingSetup(client, group, live.electionId);
  const receipts: Receipt[] = [];
  let failed = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const plan = plans[next++];
      if (plan === undefined) continue;
      const outcome = await castVote({
        server: client,
        electionId: live.electionId,
        code: plan.row.code,
        answers: answersOf(plan.row),
        choices: ['1'],
        group,
        setup,
      }).catch((error: unknown) => ({ ok: false as const, message: String(error) }));
      if (outcome.ok) {
        receipts.push(outcome.receipt);
        onReceipt?.(receipts.length);
      } else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { receipts, failed };
}

class DrillFinished extends Error {}

let ok = false;
try {
  // 1. The primary cluster with archiving and a synchronous WAL receiver.
  ownDirectory(paths.primary);
  pg('initdb', ['-D', paths.primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  writeFileSync(
    join(paths.primary, 'postgresql.auto.conf'),
    [
      'wal_level = replica',
      'archive_mode = on',
      `archive_command = 'test ! -f ${paths.archive}/%f && cp %p ${paths.archive}/%f'`,
      'archive_timeout = 60',
      'max_wal_senders = 4',
      `synchronous_standby_names = '${STANDBY}'`,
      '',
    ].join('\n')
  );
  ownTree(paths.primary);
  startCluster(paths.primary, primaryPort, []);
  receivewal = pgSpawn('pg_receivewal', [
    '-d',
    `host=127.0.0.1 port=${primaryPort} user=postgres application_name=${STANDBY}`,
    '-D',
    paths.stream,
    '--synchronous',
    '--no-loop',
  ]);
  log(`[${elapsed()}] drill cluster on port ${primaryPort} (${BIN}), WAL archived and streamed`);

  // 2–5. The election, then the drill while voting is open.
  await runDemo({
    voters: Number(values.voters),
    outDir: paths.demo,
    seed: 'restore-drill',
    pdfLimit: 0,
    database: url(primaryPort),
    log: (message) => log(`  demo: ${message}`),
    whileOpen: async (live) => {
      const waiting = live.plans.filter((plan) => plan.channel === 'none');
      const third = Math.floor(waiting.length / 3);
      const [before, between, during] = [
        waiting.slice(0, third),
        waiting.slice(third, 2 * third),
        waiting.slice(2 * third),
      ];
      const first = await castAll(live, before, 4);
      log(`[${elapsed()}] cast ${first.receipts.length} votes before the base backup`);

      const backupStart = performance.now();
      ownDirectory(paths.base);
      pg('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        paths.base,
        '-Fp',
        '-X',
        'stream',
        '-c',
        'fast',
      ]);
      measures['base backup (s)'] = seconds(backupStart);
      log(`[${elapsed()}] base backup taken in ${measures['base backup (s)']} s`);

      const second = await castAll(live, between, 4);
      log(`[${elapsed()}] cast ${second.receipts.length} votes after the base backup`);

      // Kill the cluster mid-vote: once some of the last batch have their receipts.
      let killed = false;
      const killAfter = Math.max(1, Math.floor(during.length / 3));
      const kill = (): void => {
        if (killed) return;
        killed = true;
        pg('pg_ctl', ['-D', paths.primary, '-m', 'immediate', 'stop']);
      };
      const third3 = await castAll(live, during, 4, (count) => {
        if (count >= killAfter) kill();
      });
      kill();
      log(
        `[${elapsed()}] killed the cluster mid-vote: ${third3.receipts.length} votes of the last batch got receipts, ${third3.failed} did not`
      );
      receivewal?.kill('SIGTERM');
      const receipts = [...first.receipts, ...second.receipts, ...third3.receipts];

      // Restore: base backup + WAL (archived segments, and the streamed partial one).
      const restoreStart = performance.now();
      for (const name of readdirSync(paths.stream))
        cpSync(join(paths.stream, name), join(paths.restoreWal, name.replace(/\.partial$/, '')));
      for (const name of readdirSync(paths.archive))
        cpSync(join(paths.archive, name), join(paths.restoreWal, name));
      ownTree(paths.restoreWal);
      cpSync(paths.base, paths.restored, { recursive: true });
      writeFileSync(join(paths.restored, 'recovery.signal'), '');
      writeFileSync(
        join(paths.restored, 'postgresql.auto.conf'),
        [
          'wal_level = replica',
          `restore_command = 'cp ${paths.restoreWal}/%f %p'`,
          "recovery_target_action = 'promote'",
          '',
        ].join('\n')
      );
      rmSync(join(paths.restored, 'postmaster.pid'), { force: true });
      ownTree(paths.restored);
      chmodSync(paths.restored, 0o700);
      restoredPort = await freePort();
      startCluster(paths.restored, restoredPort, []);
      // Recovery ends (and the cluster is promoted) once the WAL runs out.
      for (let i = 0; i < 600; i++) {
        const inRecovery = pg('psql', [
          '-h',
          '127.0.0.1',
          '-p',
          String(restoredPort),
          '-U',
          'postgres',
          '-Atc',
          'SELECT pg_is_in_recovery()',
        ]).trim();
        if (inRecovery === 'f') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      measures['restore and recovery (s)'] = seconds(restoreStart);
      log(
        `[${elapsed()}] restored into a new cluster on port ${restoredPort} in ${measures['restore and recovery (s)']} s`
      );

      // Check: every receipt is on the restored board; the record verifies.
      const restored = await startServer({
        database: url(restoredPort),
        port: 0,
        host: '127.0.0.1',
        logger: false,
      });
      servers.push(restored);
      const client = new ServerClient(restored.url);
      let missing = 0;
      const missingPositions: number[] = [];
      for (const receipt of receipts) {
        const found = await client
          .call('tracker', { params: { electionId: live.electionId, tracker: receipt.tracker } })
          .catch(() => null);
        if (
          found === null ||
          found.position !== receipt.position ||
          found.eventHash !== receipt.eventHash
        ) {
          missing++;
          missingPositions.push(receipt.position);
        }
      }
      if (missing > 0)
        log(
          `[${elapsed()}] missing receipts at positions ${missingPositions.join(', ')}; receipts issued at ${receipts.map((r) => r.position).join(', ')}`
        );
      await writeRecordFromServer(client, live.electionId, paths.record);
      const verifyStart = performance.now();
      const report = await verifyRecord(recordDirectory(paths.record));
      const failed = report.checks.filter((check) => check.status === 'failed');
      Object.assign(measures, {
        'receipts issued': receipts.length,
        'receipts missing after restore': missing,
        'casts in flight at the kill without a receipt': third3.failed,
        'events on the restored board': report.events,
        'record verifies': report.ok ? 'yes' : `NO (${failed.map((c) => c.id).join(', ')})`,
        'verification (s)': seconds(verifyStart),
      });
      ok = missing === 0 && report.ok;
      throw new DrillFinished();
    },
  });
} catch (error) {
  if (!(error instanceof DrillFinished)) {
    log(`restore drill failed: ${(error as Error).stack ?? String(error)}`);
    ok = false;
  }
} finally {
  await cleanUp();
}

log('');
log(`Restore drill (${new Date().toISOString()}), ${elapsed()} in all:`);
for (const [name, value] of Object.entries(measures)) log(`  ${name}: ${value}`);
log(ok ? 'PASSED' : 'FAILED');
process.exit(ok ? 0 : 1);
