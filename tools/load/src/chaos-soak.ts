/**
 * @module The fault soak (docs/threat-model.md A25): while the generator casts, the server is
 * SIGKILLed at random intervals and started again on the same port, and (optionally) PostgreSQL
 * itself is restarted. Afterwards: every acknowledged ballot is on the board under its receipt's
 * hash (0 missing), no credential or tracker twice (0 duplicates), nothing committed without a
 * receipt, every retried or acknowledged ballot sent again gets the same receipt, the board is
 * closed, tallied and decrypted, the independent verifier (`scrutineer verify`, another process)
 * passes the published record, and the decrypted online counts equal the harness's receipts.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fetchAndAuditBoard } from './board-audit.ts';
import { type ReceiptFields, quantile, runCasts } from './cast-driver.ts';
import { closeAndTally, runVerifierCli } from './finish-election.ts';
import { type LoadRun, loadAverage, withLoadRun } from './load-run.ts';

export interface ChaosOptions {
  readonly voters: number;
  /** Seconds during which new ballots start (the run then finishes those in flight). */
  readonly durationSeconds: number;
  /** SIGKILL the server every [min, max] seconds, at random. */
  readonly killEverySeconds: readonly [number, number];
  /** PostgreSQL restarts, spread over the run (0 in the test suite: others share it). */
  readonly postgresRestarts: number;
  readonly concurrency: number;
  readonly verifyThreads: number;
  /** Offered ballots a second (undefined: as fast as concurrency allows). */
  readonly rate?: number;
  readonly database?: string;
  readonly sessions?: 'http' | 'minted';
  readonly log: (line: string) => void;
}

export interface ChaosSummary {
  readonly date: string;
  readonly seconds: number;
  readonly kills: number;
  readonly postgresRestarts: number;
  readonly ballotsSent: number;
  readonly acknowledged: number;
  readonly refused: number;
  readonly unresolved: number;
  readonly retriedBallots: number;
  readonly retriedAnsweredWithStoredReceipt: number;
  readonly resentChecked: number;
  readonly resentDifferentReceipt: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly committedWithoutReceipt: number;
  readonly tally: {
    readonly published: readonly number[];
    readonly fromReceipts: readonly number[];
  };
  readonly tallyMatches: boolean;
  readonly verifier: {
    readonly ok: boolean;
    readonly stage: string;
    readonly events: number;
    readonly failed: readonly string[];
  };
  readonly p99Ms: number;
  readonly loadAverage: string;
  readonly ok: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const run$ = promisify(execFile);

/** Restarts the machine's PostgreSQL cluster (Debian's pg_ctlcluster, as root). */
export async function restartPostgres(): Promise<void> {
  const versions = await readdir('/etc/postgresql');
  const version = versions[0];
  if (version === undefined) throw new Error('no PostgreSQL cluster in /etc/postgresql');
  await run$('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart']);
}

export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const { log } = options;
  return withLoadRun(
    {
      database: options.database ?? 'scrutineer_chaos',
      voters: options.voters,
      verifyThreads: options.verifyThreads,
      maxCastsInFlight: 256,
      concurrency: options.concurrency,
      ...(options.sessions === undefined ? {} : { sessions: options.sessions }),
      log,
    },
    (run) => soak(run, options)
  );
}

async function soak(run: LoadRun, options: ChaosOptions): Promise<ChaosSummary> {
  const { log } = options;
  const { election } = run.prepared;
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  let kills = 0;
  let restarts = 0;
  let casting = true;
  const casts = runCasts({
    target: run.target,
    client: run.client,
    electionId: election.electionId,
    tokens: run.tokens,
    bodies: run.prepared.bodies,
    members: run.prepared.bodies.map((_, i) => i),
    concurrency: options.concurrency,
    durationSeconds: options.durationSeconds,
    ...(options.rate === undefined ? {} : { rateAt: () => options.rate as number }),
  }).finally(() => (casting = false));

  const restartAt = Array.from(
    { length: options.postgresRestarts },
    (_, i) => ((i + 1) * options.durationSeconds) / (options.postgresRestarts + 1)
  );
  const [low, high] = options.killEverySeconds;
  let nextKill = low + Math.random() * (high - low);
  while (casting) {
    await Promise.race([sleep(250), casts]);
    if (!casting) break;
    if (elapsed() >= nextKill) {
      log(`[${elapsed().toFixed(0)}s] SIGKILL server (pid ${run.server().child.pid}) and restart`);
      await run.restart();
      kills++;
      nextKill = elapsed() + low + Math.random() * (high - low);
    }
    if (restartAt[restarts] !== undefined && elapsed() >= (restartAt[restarts] as number)) {
      log(`[${elapsed().toFixed(0)}s] restarting PostgreSQL`);
      await restartPostgres();
      restarts++;
    }
  }
  const result = await casts;
  log(
    `casting done: ${result.receipts.size} acknowledged, ${result.refusals.size} refused, ${result.unresolved.length} unresolved, ${result.retried.size} retried (${elapsed().toFixed(0)} s)`
  );

  // Every retried ballot and a sample of the others, sent again: the same receipt, byte for byte.
  const resend = [
    ...new Set([...result.retried, ...[...result.receipts.keys()].filter((_, i) => i % 20 === 0)]),
  ];
  let different = 0;
  let checked = 0;
  const path = `/api/elections/${election.electionId}/ballots`;
  for (const member of resend) {
    const receipt = result.receipts.get(member);
    const answer = await run.client.request(run.target.url, 'POST', path, {
      token: run.tokens[member] as string,
      body: run.prepared.bodies[member] as string,
    });
    checked++;
    const same =
      receipt !== undefined &&
      answer.status === 200 &&
      sameReceipt(JSON.parse(answer.body) as ReceiptFields, receipt);
    // A member without a receipt must have had a definite refusal, and must get one again.
    const refusedAgain = receipt === undefined && answer.status >= 400 && answer.status < 500;
    if (!same && !refusedAgain) {
      different++;
      log(`  member ${member}: resent, got ${answer.status} ${answer.body.slice(0, 200)}`);
    }
  }

  const fromReceipts = election.manifest.contests[0]?.candidates.map(() => 0) ?? [];
  for (const member of result.receipts.keys()) {
    const choice = run.prepared.choices[member] as number;
    fromReceipts[choice] = (fromReceipts[choice] ?? 0) + 1;
  }
  const published = await closeAndTally(run.client, run.target, election);
  const directory = await mkdtemp(join(tmpdir(), 'scrutineer-chaos-'));
  try {
    const audit = await fetchAndAuditBoard(
      run.client,
      run.target,
      election.electionId,
      directory,
      result.receipts,
      election.voters.map((v) => v.credential)
    );
    const verifier = await runVerifierCli(directory);
    const tallyMatches = JSON.stringify(published) === JSON.stringify(fromReceipts);
    const summary = {
      date: new Date().toISOString(),
      seconds: Number(elapsed().toFixed(1)),
      kills,
      postgresRestarts: restarts,
      ballotsSent: result.receipts.size + result.refusals.size + result.unresolved.length,
      acknowledged: result.receipts.size,
      refused: result.refusals.size,
      unresolved: result.unresolved.length,
      retriedBallots: result.retried.size,
      retriedAnsweredWithStoredReceipt: result.replayedAfterRetry,
      resentChecked: checked,
      resentDifferentReceipt: different,
      missing: audit.missing,
      duplicates: audit.duplicates,
      committedWithoutReceipt: audit.committedWithoutReceipt,
      tally: { published, fromReceipts },
      tallyMatches,
      verifier,
      p99Ms: Number(quantile(result.latencies, 0.99).toFixed(1)),
      loadAverage: loadAverage(),
    };
    return {
      ...summary,
      ok:
        summary.missing === 0 &&
        summary.duplicates === 0 &&
        summary.committedWithoutReceipt === 0 &&
        summary.unresolved === 0 &&
        summary.refused === 0 &&
        different === 0 &&
        tallyMatches &&
        verifier.ok,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function sameReceipt(a: ReceiptFields, b: ReceiptFields): boolean {
  return (
    a.tracker === b.tracker &&
    a.position === b.position &&
    a.eventHash === b.eventHash &&
    a.time === b.time &&
    a.signature === b.signature &&
    a.election === b.election
  );
}
