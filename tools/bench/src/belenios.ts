/**
 * @module Scrutineer and Belenios side by side, one run, same shape and size: a 1-of-2
 * election with N ballots (1,000 with --quick, else 10,000). For each system it times encrypting
 * one ballot (proofs and credential signature included), verifying one ballot, and verifying the
 * whole final record with the system's own command-line verifier, and prints ours / theirs (below
 * 1 means Scrutineer is faster). Belenios is run from its Debian package; none of its code is used.
 *
 * Per-ballot verification is measured the same way for both: (time to verify the final N-ballot
 * record − time to verify a record without the ballots) / N, one thread (`belenios-tool` is single
 * threaded; ours in-process on one thread there), and the full record with each CLI as shipped
 * (ours on every core, start-up included).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Group,
  hexToBytes,
  loadGroup,
  NativeBackendUnavailable,
  nobleGroup,
} from '@scrutineer/crypto';
import { encryptBallot } from '@scrutineer/protocol';
import { simulateElection } from '@scrutineer/testkit';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import {
  BELENIOS_GROUP,
  beleniosResult,
  beleniosTimed,
  castBeleniosBallot,
  ensureBelenios,
  generateBeleniosBallot,
  generateBeleniosBallotTimed,
  setupBeleniosElection,
  tallyBeleniosElection,
} from './belenios-tool.ts';

type Recorder = (name: string, value: number, unit: string) => void;

const cli = new URL('../../../apps/cli/bin/scrutineer.mjs', import.meta.url).pathname;
/** The dev-only record generator (tools/record-generator), run as its own command. */
const generator = new URL('../../record-generator/generate-record.ts', import.meta.url).pathname;
/** Ballots timed one at a time for the encryption figure (the rest are generated in parallel). */
const TIMED_BALLOTS = 50;

function seconds<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, (performance.now() - started) / 1000];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function scrutineer(args: readonly string[]): string {
  return runNode([cli, ...args], `scrutineer ${args[0]}`);
}

function generateRecord(args: readonly string[]): string {
  return runNode(['--import', 'tsx', generator, ...args], 'generate-record');
}

function runNode(args: readonly string[], name: string): string {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0)
    throw new Error(`${name} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return run.stdout;
}

/** Wall-clock and CPU milliseconds per call of `fn`, over `calls` calls on this thread. */
function perCall(calls: number, fn: (i: number) => unknown): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) fn(i);
  const used = process.cpuUsage(cpu);
  return {
    wallMs: (performance.now() - started) / calls,
    cpuMs: (used.user + used.system) / 1000 / calls,
  };
}

/** Encrypt+prove+sign of one 1-of-2 ballot in-process with `group`. */
function scrutineerEncrypt(group: Group, ballots: number): { wallMs: number; cpuMs: number } {
  const sim = simulateElection({
    group,
    voters: 4,
    trustees: 1,
    threshold: 1,
    stopAfter: 'open',
  });
  const setup = {
    group,
    manifest: sim.manifest,
    electionKey: group.prepareFixedBase(group.decodePoint(hexToBytes(sim.electionKeyHex ?? ''))),
    baseHash: hexToBytes(sim.baseHashHex ?? ''),
  };
  const voter = sim.voters[0];
  if (voter === undefined) throw new Error('no voter');
  encryptBallot(setup, voter, [[0]]);
  return perCall(ballots, (i) => encryptBallot(setup, voter, [[i % 2]]));
}

interface SystemTimes {
  readonly encryptMs: number;
  readonly encryptCpuMs: number;
  readonly verifyBallotMs: number;
  readonly verifyBallotCpuMs: number;
  readonly verifyRecordS: number;
}

async function measureBelenios(
  dir: string,
  ballots: number,
  record: Recorder
): Promise<SystemTimes> {
  const [credentials, setupS] = seconds(() => setupBeleniosElection(dir, ballots));
  record(`belenios: set up ${ballots}-voter election (${BELENIOS_GROUP})`, setupS, 's');
  const empty = beleniosTimed(dir, ['election', 'verify']);
  // Process start-up, subtracted from each timed ballot: what a long-lived booth would not pay.
  const startups = Array.from({ length: 10 }, () => beleniosTimed(dir, ['sha256-b64'], ''));
  const startupWall = median(startups.map((s) => s.wallS));
  const startupCpu = median(startups.map((s) => s.cpuS));
  const generated = new Array<string>(ballots);
  const timed = Array.from({ length: Math.min(TIMED_BALLOTS, ballots) }, (_, i) => {
    const run = generateBeleniosBallotTimed(dir, credentials[i] ?? '', i % 2);
    generated[i] = run.stdout;
    return { wallS: run.wallS - startupWall, cpuS: run.cpuS - startupCpu };
  });
  // The rest in parallel, one process per core: they only depend on the election parameters.
  let next = timed.length;
  await Promise.all(
    Array.from({ length: availableParallelism() }, async (_, slot) => {
      for (let i = next++; i < ballots; i = next++)
        generated[i] = await generateBeleniosBallot(dir, credentials[i] ?? '', i % 2, slot);
    })
  );
  for (const ballot of generated) castBeleniosBallot(dir, ballot);
  tallyBeleniosElection(dir);
  const full = beleniosTimed(dir, ['election', 'verify']);
  const result = beleniosResult(dir);
  const expected = [Math.ceil(ballots / 2), Math.floor(ballots / 2)];
  if (result.join() !== expected.join())
    throw new Error(`Belenios result ${result.join()} ≠ expected ${expected.join()}`);
  return {
    encryptMs: median(timed.map((t) => t.wallS)) * 1000,
    // GNU time counts CPU in 10 ms steps: the mean over the sample resolves finer than one run.
    encryptCpuMs: (timed.reduce((sum, t) => sum + t.cpuS, 0) * 1000) / timed.length,
    verifyBallotMs: ((full.wallS - empty.wallS) * 1000) / ballots,
    verifyBallotCpuMs: ((full.cpuS - empty.cpuS) * 1000) / ballots,
    verifyRecordS: full.wallS,
  };
}

async function measureScrutineer(
  dir: string,
  ballots: number,
  group: Group,
  record: Recorder
): Promise<SystemTimes> {
  const generate = (out: string, n: number): void =>
    void generateRecord([
      ...['--ballots', String(n), '--candidates', '2', '--out', out, '--seed', 'bench'],
    ]);
  const [, generateS] = seconds(() => generate(join(dir, 'full'), ballots));
  record(
    `generate-record ${ballots} 1-of-2 ballots (${availableParallelism()} threads, tools/record-generator)`,
    ballots / generateS,
    'ballots/s'
  );
  generate(join(dir, 'one'), 1);
  // In-process on this thread (no worker pool, no CLI start-up): the per-ballot cost alone.
  const verifyInProcess = async (bundle: string): Promise<{ wallS: number; cpuS: number }> => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await verifyRecord(recordDirectory(bundle), { group });
    if (!report.ok) throw new Error(`generated record ${bundle} did not verify`);
    const used = process.cpuUsage(cpu);
    return { wallS: (performance.now() - started) / 1000, cpuS: (used.user + used.system) / 1e6 };
  };
  const one = await verifyInProcess(join(dir, 'one'));
  const full = await verifyInProcess(join(dir, 'full'));
  const [, cliS] = seconds(() => scrutineer(['verify', join(dir, 'full'), '--json']));
  const encrypt = scrutineerEncrypt(group, ballots >= 10_000 ? 400 : 100);
  return {
    encryptMs: encrypt.wallMs,
    encryptCpuMs: encrypt.cpuMs,
    verifyBallotMs: ((full.wallS - one.wallS) * 1000) / (ballots - 1),
    verifyBallotCpuMs: ((full.cpuS - one.cpuS) * 1000) / (ballots - 1),
    verifyRecordS: cliS,
  };
}

/** Runs both systems and records every time and ratio; prints why when Belenios is skipped. */
export async function benchBelenios(options: {
  quick: boolean;
  record: Recorder;
  /** Overrides the size (for trying the comparison out quickly). */
  ballots?: number;
}): Promise<void> {
  const { record } = options;
  const tool = ensureBelenios();
  if (!tool.ok) {
    process.stdout.write(`\nBelenios comparison skipped: ${tool.reason}\n`);
    return;
  }
  const ballots = options.ballots ?? (options.quick ? 1000 : 10_000);
  process.stdout.write(
    `\nScrutineer vs Belenios ${tool.version} (group ${BELENIOS_GROUP}; 2.0 has no Ed25519), ${ballots} 1-of-2 ballots\n`
  );
  const root = mkdtempSync(join(tmpdir(), 'bench-belenios-'));
  try {
    const native = await loadGroup('native').catch((error: unknown) => {
      if (error instanceof NativeBackendUnavailable) return loadGroup('sodium');
      throw error;
    });
    const ours = await measureScrutineer(root, ballots, native, record);
    const booth = scrutineerEncrypt(nobleGroup, options.quick ? 20 : 100);
    const beleniosDir = join(root, 'belenios');
    mkdirSync(beleniosDir);
    const theirs = await measureBelenios(beleniosDir, ballots, record);
    const encrypt = `encrypt+prove+sign one ballot (ours ${native.backend}, belenios-tool)`;
    const rows: [string, number, number, string][] = [
      [`${encrypt}, wall`, ours.encryptMs, theirs.encryptMs, 'ms'],
      [`${encrypt}, CPU`, ours.encryptCpuMs, theirs.encryptCpuMs, 'ms'],
      [
        'encrypt+prove+sign one ballot (ours noble = the booth), CPU',
        booth.cpuMs,
        theirs.encryptCpuMs,
        'ms',
      ],
      ['verify one ballot (one thread), wall', ours.verifyBallotMs, theirs.verifyBallotMs, 'ms'],
      [
        'verify one ballot (one thread), CPU',
        ours.verifyBallotCpuMs,
        theirs.verifyBallotCpuMs,
        'ms',
      ],
      [
        `verify the final ${ballots}-ballot record (CLI), wall`,
        ours.verifyRecordS,
        theirs.verifyRecordS,
        's',
      ],
    ];
    for (const [name, our, their, unit] of rows) {
      record(`scrutineer: ${name}`, our, unit);
      record(`belenios: ${name}`, their, unit);
      record(`ratio scrutineer/belenios: ${name}`, our / their, 'x');
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
