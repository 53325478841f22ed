/**
 * @module Disk full on the database: the run's database lives in a PostgreSQL tablespace
 * on a tmpfs of a few megabytes that this run mounts (root only). Ballots are cast until the
 * tablespace fills; from then on casting must fail closed (503, no receipt, nothing half-written)
 * until the tmpfs is grown again (`mount -o remount,size=…`), after which the same ballots, sent
 * again, are accepted. Afterwards the board is compared with the receipts as in every run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { TEST_DATABASE_URL } from '@scrutineer/testkit';
import { auditLoadRun } from './board-audit.ts';
import { runCasts } from './cast-driver.ts';
import { loadAverage, withLoadRun } from './load-run.ts';

const exec = promisify(execFile);
const TABLESPACE = 'scrutineer_tiny';

export interface DiskFullSummary {
  readonly date: string;
  readonly voters: number;
  readonly acknowledged: number;
  readonly acknowledgedBeforeFull: number;
  readonly acknowledgedWhileFull: number;
  readonly refusedWhileFull: number;
  readonly secondsFull: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly committedWithoutReceipt: number;
  readonly unresolved: number;
  readonly loadAverage: string;
  readonly ok: boolean;
}

async function sql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function runDiskFull(options: {
  readonly voters: number;
  readonly sizeMegabytes: number;
  /** How long to keep the disk full once casting fails. */
  readonly holdSeconds: number;
  readonly log: (line: string) => void;
}): Promise<DiskFullSummary> {
  const { log } = options;
  const mountPoint = await mkdtemp(join(tmpdir(), 'scrutineer-tiny-'));
  await exec('mount', ['-t', 'tmpfs', '-o', `size=${options.sizeMegabytes}m`, 'tmpfs', mountPoint]);
  try {
    await exec('chown', ['postgres:postgres', mountPoint]);
    await sql(`CREATE TABLESPACE ${TABLESPACE} LOCATION '${mountPoint}'`);
    try {
      return await withLoadRun(
        {
          database: 'scrutineer_disk_full',
          tablespace: TABLESPACE,
          voters: options.voters,
          verifyThreads: 1,
          maxCastsInFlight: 256,
          concurrency: 16,
          sessions: 'minted',
          log,
        },
        async (run) => {
          let fullSince: number | undefined;
          let grown = false;
          let acknowledgedBeforeFull = 0;
          let acknowledgedWhileFull = 0;
          let refusedWhileFull = 0;
          let secondsFull = 0;
          const result = await runCasts({
            target: run.target,
            client: run.client,
            electionId: run.prepared.election.electionId,
            tokens: run.tokens,
            bodies: run.prepared.bodies,
            members: run.prepared.bodies.map((_, i) => i),
            concurrency: 16,
            onSecond: (second, stats) => {
              if (fullSince === undefined) {
                acknowledgedBeforeFull += stats.acknowledged;
                if (stats.shed > 0) {
                  fullSince = second;
                  log(`[${second}s] the tablespace is full: casting refused (503)`);
                }
              } else if (!grown) {
                acknowledgedWhileFull += stats.acknowledged;
                refusedWhileFull += stats.shed;
                if (second - fullSince >= options.holdSeconds) {
                  grown = true;
                  secondsFull = second - fullSince;
                  log(`[${second}s] growing the tmpfs: space returns`);
                  void exec('mount', [
                    '-o',
                    `remount,size=${options.sizeMegabytes * 16}m`,
                    mountPoint,
                  ]);
                }
              }
            },
          });
          const audit = await auditLoadRun(run, result.receipts);
          const summary = {
            date: new Date().toISOString(),
            voters: options.voters,
            acknowledged: result.receipts.size,
            acknowledgedBeforeFull,
            acknowledgedWhileFull,
            refusedWhileFull,
            secondsFull,
            missing: audit.missing,
            duplicates: audit.duplicates,
            committedWithoutReceipt: audit.committedWithoutReceipt,
            unresolved: result.unresolved.length,
            loadAverage: loadAverage(),
          };
          return {
            ...summary,
            ok:
              grown &&
              summary.acknowledged === options.voters &&
              summary.missing === 0 &&
              summary.duplicates === 0 &&
              summary.committedWithoutReceipt === 0,
          };
        }
      );
    } finally {
      await sql(`DROP TABLESPACE IF EXISTS ${TABLESPACE}`).catch((error: unknown) =>
        log(`drop tablespace failed: ${String(error)}`)
      );
    }
  } finally {
    await exec('umount', [mountPoint]).catch((error: unknown) =>
      log(`umount failed: ${String(error)}`)
    );
    await rm(mountPoint, { recursive: true, force: true });
  }
}
