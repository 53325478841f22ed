/**
 * Ranked contests at party scale (spec §11; results in docs/benchmarks.md): N ranked ballots of 5
 * candidates, a cascade of 3 mix servers, 3-of-5 trustees decrypting position by position, on the
 * native backend. Times each mixer's shuffle + proof, the verification of the whole cascade, every
 * trustee's decryption shares and the verification and combination of those shares, plus a sample
 * of ranked-ballot proofs decoded from hex and checked in the walk's batches (extrapolated to N).
 * Wall and CPU time for each step.
 *
 * Then the same work as the verifier and the trustees now run it on T threads (default: one a
 * core): the verifier's V10.2–V10.5 with its shuffles and share slices on its worker pool
 * (`verifyRankedContestWith`), the record walk's decoding of the mixes' rows and the shares (both
 * on the pool, from the record's hex; each shuffle proof decoded from its bytes on this thread
 * while the pool decodes that mix's rows, as the walk does; the cascade's input joined from the
 * ranked entries the ballot workers decoded for V10.1, whose decoding and packing the sample
 * times), and each trustee's rounds on
 * T threads (`rankedSharesOnAllCores`). CPU is the whole process's, worker threads included.
 *
 * With --pooled-only, only what the pooled verification needs: the input rows, the sample, the 3
 * mixes (timed), and each round's shares made on T threads (not targets). The one-thread checks
 * and the trustees' timings are skipped, and everything the verifier reads is turned into the
 * record's form (hex and bytes) before the in-memory rows, proofs and shares are let go, so that
 * N = 160,000 fits in memory. Then the pooled half as above, and the process's peak RSS. Run it
 * with NODE_OPTIONS=--expose-gc to collect those objects before the verification starts.
 *
 * Usage: npx tsx tools/bench/src/ranked-scale.ts [--ballots N] [--sample S] [--threads T] [--pooled-only]
 * The input rows are valid encryptions made by additions only (randomness r₀ + i), so that making
 * 160,000 of them does not dominate the run; their ballot proofs are not made (the sample's are).
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import {
  type CiphertextRow,
  type DecryptionCheckpoint,
  type DecryptionShare,
  type Group,
  type Point,
  batchHoldsUnsafe,
  bytesToHex,
  decodeShuffleProof,
  encodeCiphertext,
  encodeDecryptionShare,
  encodeShuffleProof,
  encodeU64,
  encryptRanking,
  evaluatePolynomial,
  joinPackedRanges,
  loadGroup,
  packPoints,
  packedPointCount,
  randomPolynomial,
  randomScalar,
  rankingVector,
} from '@scrutineer/crypto';
import {
  type MixStep,
  type RankedRound,
  combineRankedRound,
  firstFaultyMixer,
  mixRankedRows,
  rankingsOfPrefixes,
  roundTargets,
  trusteeRankedShares,
} from '@scrutineer/protocol';
import type { Manifest } from '@scrutineer/record';
import { rankedSharesOnAllCores } from '@scrutineer/cli';
import {
  type Rows,
  decodeRowsPooled,
  decodeSharesPooled,
  rankedEntryEquations,
  type RankedTaskRunner,
  pooledRankedWork,
  verifyRankedContestWith,
} from '@scrutineer/verifier';
import { workerPoolFactory } from '@scrutineer/verifier/node';

const { values } = parseArgs({
  options: {
    ballots: { type: 'string', default: '160000' },
    sample: { type: 'string', default: '2000' },
    threads: { type: 'string', default: String(availableParallelism()) },
    'pooled-only': { type: 'boolean', default: false },
  },
});
const THREADS = Number(values.threads);
const N = Number(values.ballots);
const SAMPLE = Math.min(N, Number(values.sample));
const POOLED_ONLY = values['pooled-only'];
const CANDIDATES = 5;
const MIXERS = [1, 2, 3];
const TRUSTEES = [1, 2, 3, 4, 5];
const PRESENT = [1, 3, 5];
const THRESHOLD = 3;
const contest = 0;

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}
const timings: { label: string; timing: Timing }[] = [];
const sum = (ts: readonly Timing[]): Timing => ({
  wall: ts.reduce((s, t) => s + t.wall, 0),
  cpu: ts.reduce((s, t) => s + t.cpu, 0),
});
function timed<T>(label: string, run: () => T): [T, Timing] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  return [value, record(label, start, cpu)];
}
async function timedAsync<T>(label: string, run: () => Promise<T>): Promise<[T, Timing]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  return [value, record(label, start, cpu)];
}
function record(label: string, start: number, cpu: NodeJS.CpuUsage): Timing {
  const used = process.cpuUsage(cpu);
  const timing = { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
  timings.push({ label, timing });
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  process.stdout.write(
    `${label.padEnd(58)} ${timing.wall.toFixed(1).padStart(8)} s wall ${timing.cpu.toFixed(1).padStart(8)} s CPU  (load ${load})\n`
  );
  return timing;
}

/** A reproducible ranking for ballot i: truncated at random, candidates in varied orders. */
function rankingOf(i: number): number[] {
  let state = (i * 2654435761) >>> 0;
  const next = (bound: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % bound;
  };
  const pool = Array.from({ length: CANDIDATES }, (_, c) => c + 1);
  const length = next(CANDIDATES + 1);
  const ranking: number[] = [];
  for (let k = 0; k < length; k++) ranking.push(pool.splice(next(pool.length), 1)[0] as number);
  return ranking;
}

/** Rows of Enc(vᵢₖ; r₀ + i·w + k) made by additions only: valid ciphertexts, cheap in bulk. */
function inputRows(
  group: Group,
  publicKey: Point
): { rows: CiphertextRow[]; rankings: number[][] } {
  const r0 = randomScalar();
  let alpha = group.multiplyBase(r0);
  let mask = group.multiply(publicKey, r0);
  const plain: Point[] = [group.identity];
  for (let m = 1; m <= CANDIDATES; m++)
    plain.push(group.add(plain[m - 1] as Point, group.generator));
  const rows: CiphertextRow[] = [];
  const rankings: number[][] = [];
  for (let i = 0; i < N; i++) {
    const ranking = rankingOf(i);
    rankings.push(ranking);
    rows.push(
      rankingVector(CANDIDATES, ranking).map((m) => {
        const c = { alpha, beta: group.add(plain[m] as Point, mask) };
        alpha = group.add(alpha, group.generator);
        mask = group.add(mask, publicKey);
        return c;
      })
    );
  }
  return { rows, rankings };
}

const group = await loadGroup('native');
const baseHash = new Uint8Array(32).fill(7);
const polynomial = randomPolynomial(THRESHOLD);
const secretShares = TRUSTEES.map((l) => evaluatePolynomial(polynomial, l));
const verificationKeys = secretShares.map((x) => group.multiplyBase(x));
const publicKey = group.prepareFixedBase(group.multiplyBase(evaluatePolynomial(polynomial, 0)));
const checkpoint: DecryptionCheckpoint = { size: 1, root: new Uint8Array(32) };
const trustee = (l: number): Parameters<typeof trusteeRankedShares>[2] => ({
  trustee: l,
  secretShare: secretShares[l - 1] as bigint,
  checkpoint,
});

/** What the verifier reads, in the record's form: hex and bytes, no decoded objects. */
interface RecordForm {
  /**
   * The cascade's input rows as the walk's ballot workers hand them over, having decoded them for
   * V10.1 (the sample times that): one packing a batch of {@link BALLOT_BATCH} ballots.
   */
  readonly inputs: readonly Uint8Array[];
  /** Each mix's output rows: each ciphertext's encoding in hex. */
  readonly rows: readonly (readonly (readonly string[])[])[];
  readonly proofs: readonly { readonly mixer: number; readonly bytes: Uint8Array }[];
  readonly rounds: readonly Round<readonly string[]>[];
  readonly rankings: readonly (readonly number[])[];
}
interface Round<Shares> {
  readonly position: number;
  readonly submissions: readonly { readonly trustee: number; readonly shares: Shares }[];
}

const batchesPacked = (rows: readonly CiphertextRow[]): Uint8Array[] =>
  Array.from({ length: Math.ceil(rows.length / BALLOT_BATCH) }, (_, b) =>
    packPoints(
      group,
      rows
        .slice(b * BALLOT_BATCH, (b + 1) * BALLOT_BATCH)
        .flatMap((row) => row.flatMap((c) => [c.alpha, c.beta]))
    )
  );
const hexOfRows = (rows: readonly CiphertextRow[]): string[][] =>
  rows.map((row) => row.map((c) => bytesToHex(encodeCiphertext(group, c))));
const hexOfShares = (shares: readonly DecryptionShare[]): string[] =>
  shares.map((d) => bytesToHex(encodeDecryptionShare(group, d)));

function makeInputRows(): { rows: CiphertextRow[]; rankings: number[][] } {
  return timed('make the input rows (not a target)', () => inputRows(group, publicKey))[0];
}

/** Ballots a batch of the record walk's ballot workers holds (`verifyRecord`'s default batchSize). */
const BALLOT_BATCH = 128;
/** Sample ballots checked before the timed pass, so that it times compiled code. */
const WARM_UP = Math.min(SAMPLE, 1024);

/**
 * Ranked-ballot proofs (V10.1): a sample made in the booth's way and turned into the record's form
 * (each position's ciphertext and the proof in hex), then timed as the walk's ballot workers check
 * them — decoded and made into equations by the verifier's own `rankedEntryEquations` — in
 * batches of {@link BALLOT_BATCH}.
 */
function verifySample(): Timing {
  const sample = Array.from({ length: SAMPLE }, (_, i) => {
    const credential = encodeU64(i);
    const context = { baseHash, bindings: [credential, encodeU64(contest)] };
    const ballot = encryptRanking(group, publicKey, context, CANDIDATES, rankingOf(i));
    return {
      credential,
      ranked: {
        ciphertexts: ballot.ciphertexts.map((c) => bytesToHex(encodeCiphertext(group, c))),
        proof: bytesToHex(encodeShuffleProof(group, ballot.proof)),
      },
    };
  });
  const check = (ballots: typeof sample): void => {
    for (let start = 0; start < ballots.length; start += BALLOT_BATCH) {
      const entries = ballots
        .slice(start, start + BALLOT_BATCH)
        .map(({ credential, ranked }) =>
          rankedEntryEquations(
            { group, electionKey: publicKey, baseHash },
            credential,
            contest,
            CANDIDATES,
            ranked
          )
        );
      if (
        !batchHoldsUnsafe(
          group,
          entries.flatMap((e) => e.equations)
        )
      )
        throw new Error('a ranked-ballot proof failed');
      // As a ballot worker answers its batch: the positions packed for the ranked walk.
      packPoints(
        group,
        entries.flatMap((e) => e.positions.flatMap((c) => [c.alpha, c.beta]))
      );
    }
  };
  // A walk of N ballots is warm (compiled) after its first few thousand; so is the sample, once
  // its first WARM_UP ballots have been checked untimed.
  check(sample.slice(0, WARM_UP));
  return timed(
    `verify ${SAMPLE} ranked-ballot proofs from hex (decode + V10.1 + pack the positions), batches of ${BALLOT_BATCH}, after ${WARM_UP} untimed`,
    () => check(sample)
  )[1];
}

/**
 * The cascade, each step handed to `each` before the next mixer starts; returns the last mix's
 * rows. `rows` is reassigned so that, unless `each` keeps them, a mix's inputs can be collected.
 */
function mixCascade(
  rows: readonly CiphertextRow[],
  each: (step: MixStep) => void
): readonly CiphertextRow[] {
  for (const mixer of MIXERS) {
    const [step] = timed(`mixer ${mixer}: shuffle + prove`, () =>
      mixRankedRows(group, { baseHash, publicKey, contest, mixer, inputs: rows })
    );
    each(step);
    rows = step.outputs;
  }
  return rows;
}

/**
 * Decryption, round by round: each present trustee's shares (from `share`, which also returns
 * what to keep of them), then the check and combination on this thread, timed as `combineLabel`.
 */
async function decryptRounds<Kept>(
  rows: readonly CiphertextRow[],
  share: (
    round: RankedRound,
    trustee: number
  ) => Promise<{ shares: readonly DecryptionShare[]; kept: Kept }>,
  combineLabel: string
): Promise<{
  prefixes: (readonly number[])[];
  targets: number;
  combine: Timing;
  rounds: Round<Kept>[];
  roundInputs: RankedRound[];
}> {
  let prefixes: (readonly number[])[] = rows.map(() => []);
  let combine: Timing = { wall: 0, cpu: 0 };
  let targets = 0;
  const rounds: Round<Kept>[] = [];
  const roundInputs: RankedRound[] = [];
  for (let position = 0; position <= CANDIDATES; position++) {
    const round: RankedRound = { contest, rows, prefixes, position };
    const submissions: { trustee: number; shares: readonly DecryptionShare[] }[] = [];
    const kept: { trustee: number; shares: Kept }[] = [];
    for (const l of PRESENT) {
      const made = await share(round, l);
      submissions.push({ trustee: l, shares: made.shares });
      kept.push({ trustee: l, shares: made.kept });
    }
    targets += submissions[0]?.shares.length ?? 0;
    rounds.push({ position, submissions: kept });
    roundInputs.push(round);
    const [outcome, t] = timed(`position ${position + 1}: ${combineLabel}`, () =>
      combineRankedRound(group, {
        baseHash,
        threshold: THRESHOLD,
        verificationKeys,
        candidates: CANDIDATES,
        round,
        submissions,
      })
    );
    combine = sum([combine, t]);
    if (!outcome.ok) throw new Error(outcome.code);
    prefixes = outcome.prefixes.map((p) => [...p]);
    if (outcome.done) break;
  }
  return { prefixes, targets, combine, rounds, roundInputs };
}

/** The published rankings, checked against the cast ones as a multiset. */
function publishedRankings(
  prefixes: readonly (readonly number[])[],
  rankings: readonly (readonly number[])[]
): (readonly number[])[] {
  const published = rankingsOfPrefixes(CANDIDATES, prefixes);
  const key = (r: readonly number[]): string => r.join('>');
  if (published === null || published.map(key).sort().join() !== rankings.map(key).sort().join())
    throw new Error('the decrypted rankings are not the cast multiset');
  return published;
}

/** The verifier's worker pool, its workers started (and, under tsx, compiled) before any clock. */
async function startPool(): Promise<{ close: () => Promise<void>; runRanked: RankedTaskRunner }> {
  const runner = await workerPoolFactory({ threads: THREADS, backend: 'native' })({
    manifest: { contests: [] } as unknown as Manifest, // read for ballot batches only
    electionKeyHex: bytesToHex(group.encodePoint(publicKey)),
    baseHashHex: bytesToHex(baseHash),
  });
  await Promise.all(Array.from({ length: THREADS }, () => runner.run([])));
  const runRanked = runner.runRanked?.bind(runner);
  if (runRanked === undefined) throw new Error('the pool runs no ranked tasks');
  return { close: () => runner.close(), runRanked };
}

/**
 * The verification as the verifier now runs it, from the record's form: the record walk's
 * decoding of the rows and the shares on the pool, the proofs decoded from their bytes, then its
 * ranked checks on its worker pool.
 */
async function verifyPooled(
  form: RecordForm,
  runRanked: RankedTaskRunner
): Promise<{
  decodedRounds: Round<DecryptionShare[]>[];
  decodingRows: Timing;
  decodingShares: Timing;
  pooledChecks: Timing;
}> {
  // As the walk does: the input rows first, then each mix's rows on the pool while this thread
  // decodes that mix's proof (its row count is the input's: a shuffle keeps the count).
  const decodedRows: Rows[] = [];
  const proofs: ReturnType<typeof decodeShuffleProof>[] = [];
  const width = CANDIDATES + 1;
  const [, decodingRows] = await timedAsync(
    `walk: join the ballots' decoded entries, decode the ${form.rows.length} mixes' row sets on ${THREADS} threads and the proofs meanwhile`,
    async () => {
      // As the walk's `decoded` and `#decodedRows`: a range of a batch's packing per ballot.
      const ranges = form.inputs.flatMap((packed) =>
        Array.from({ length: packedPointCount(packed) / (2 * width) }, (_, i) => ({
          packed,
          from: 2 * width * i,
          count: 2 * width,
        }))
      );
      decodedRows.push({ count: ranges.length, width, points: joinPackedRanges(ranges) });
      for (const [m, rows] of form.rows.entries()) {
        const pending = decodeRowsPooled(group, runRanked, rows);
        const bytes = form.proofs[m]?.bytes ?? new Uint8Array();
        proofs.push(decodeShuffleProof(group, bytes, rows.length, width));
        decodedRows.push((await pending).rows);
      }
    }
  );
  const [decodedRounds, decodingShares] = await timedAsync(
    `walk: decode every trustee's shares of every round on ${THREADS} threads`,
    () =>
      Promise.all(
        form.rounds.map(async (r) => ({
          position: r.position,
          submissions: await Promise.all(
            r.submissions.map(async (s) => ({
              trustee: s.trustee,
              shares: await decodeSharesPooled(
                group,
                runRanked,
                TRUSTEES.length,
                checkpoint,
                s.shares
              ),
            }))
          ),
        }))
      )
  );
  const decodedSteps = form.proofs.map(({ mixer }, m) => ({
    mixer,
    inputs: decodedRows[m] as Rows,
    outputs: decodedRows[m + 1] as Rows,
    proof: proofs[m] as ReturnType<typeof decodeShuffleProof>,
  }));
  const [verdicts, pooledChecks] = await timedAsync(
    `verifier: V10.2–V10.5 on ${THREADS} worker threads`,
    () =>
      verifyRankedContestWith(
        group,
        {
          baseHash,
          publicKey,
          contest,
          candidates: CANDIDATES,
          threshold: THRESHOLD,
          verificationKeys,
          ballots: [],
          mixes: decodedSteps,
          rounds: decodedRounds,
          rankings: form.rankings,
          firstInputs: decodedRows[0] as Rows,
        },
        pooledRankedWork(group, runRanked)
      )
  );
  const failed = verdicts.filter((v) => v.status === 'failed');
  if (failed.length > 0)
    throw new Error(`the pooled checks failed ${failed.map((v) => v.id).join()}`);
  return { decodedRounds, decodingRows, decodingShares, pooledChecks };
}

const perBallot = (t: Timing): string => `${((t.cpu / SAMPLE) * 1000).toFixed(2)} ms CPU`;
const row = (label: string, t: Timing): void => {
  process.stdout.write(`| ${label} | ${t.wall.toFixed(1)} s | ${t.cpu.toFixed(1)} s |\n`);
};
const atN = (ballotProofs: Timing): Timing => ({
  wall: (ballotProofs.wall / SAMPLE) * N,
  cpu: (ballotProofs.cpu / SAMPLE) * N,
});
const mixTimings = (): Timing[] =>
  timings.filter((t) => t.label.endsWith('shuffle + prove')).map((t) => t.timing);
function printHead(targets: number, ballotProofs: Timing): void {
  process.stdout.write(`\n${targets} positions decrypted (${(targets / N).toFixed(2)} a ballot)\n`);
  process.stdout.write(`ranked-ballot proof, batched: ${perBallot(ballotProofs)} a ballot\n\n`);
  process.stdout.write('| step | wall | CPU |\n|---|---:|---:|\n');
  mixTimings().forEach((t, i) => row(`mixer ${i + 1}: shuffle + prove`, t));
}
function printPooled(
  ballotProofs: Timing,
  verified: Awaited<ReturnType<typeof verifyPooled>>
): void {
  const { decodingRows, decodingShares, pooledChecks } = verified;
  const decoding = sum([decodingRows, decodingShares]);
  const ballotsAtN = atN(ballotProofs);
  row(`verifier: V10.2–V10.5 on ${THREADS} threads (shuffles + shares)`, pooledChecks);
  row(
    `walk: join the input, decode the mixes' rows (${THREADS} threads) and the proofs meanwhile`,
    decodingRows
  );
  row(`walk: decode the shares (${THREADS} threads)`, decodingShares);
  row(
    `verify the ranked part, pooled: ballot proofs from hex / ${THREADS} + decode (rows and proofs, shares) + V10.2–V10.5 (wall from CPU)`,
    {
      wall: ballotsAtN.cpu / THREADS + decoding.wall + pooledChecks.wall,
      cpu: ballotsAtN.cpu + decoding.cpu + pooledChecks.cpu,
    }
  );
}

/** Everything: the one-thread steps as targets, then the pooled ones, then the trustees on T threads. */
async function fullRun(): Promise<void> {
  const { rows: ballots, rankings } = makeInputRows();
  const ballotProofs = verifySample();
  const steps: MixStep[] = [];
  const last = mixCascade(ballots, (step) => steps.push(step));
  const [faulty, verifyMixes] = timed(
    `verify the ${MIXERS.length} shuffles (inputs chained, proofs)`,
    () => firstFaultyMixer(group, baseHash, publicKey, contest, ballots, steps)
  );
  if (faulty !== null) throw new Error(`mixer ${faulty} failed`);

  const trusteeSeconds = new Map<number, Timing>(PRESENT.map((l) => [l, { wall: 0, cpu: 0 }]));
  const { prefixes, targets, combine, rounds, roundInputs } = await decryptRounds(
    last,
    (round, l) => {
      const [shares, t] = timed(`position ${round.position + 1}: trustee ${l}'s shares`, () =>
        trusteeRankedShares(group, baseHash, trustee(l), round)
      );
      trusteeSeconds.set(l, sum([trusteeSeconds.get(l) as Timing, t]));
      return Promise.resolve({ shares, kept: shares });
    },
    'verify + combine the shares'
  );
  const published = publishedRankings(prefixes, rankings);

  const pool = await startPool();
  const verified = await verifyPooled(
    {
      inputs: batchesPacked(ballots),
      rows: steps.map((step) => step.outputs).map(hexOfRows),
      proofs: steps.map((step) => ({
        mixer: step.mixer,
        bytes: encodeShuffleProof(group, step.proof),
      })),
      rounds: rounds.map((r) => ({
        position: r.position,
        submissions: r.submissions.map((s) => ({
          trustee: s.trustee,
          shares: hexOfShares(s.shares),
        })),
      })),
      rankings: published,
    },
    pool.runRanked
  );
  const work = pooledRankedWork(group, pool.runRanked);
  const [, pooledCombine] = await timedAsync(
    `verify + combine all shares on ${THREADS} worker threads`,
    async () => {
      for (const [r, round] of roundInputs.entries()) {
        const outcome = await work.combine({
          baseHash,
          threshold: THRESHOLD,
          verificationKeys,
          targets: roundTargets(round),
          submissions: verified.decodedRounds[r]?.submissions ?? [],
          scaled: true,
        });
        if (!outcome.ok) throw new Error(outcome.error.code);
      }
    }
  );
  await pool.close();

  // Each trustee's rounds on THREADS threads of its machine, one trustee after another.
  const trusteesOnCores: Timing[] = [];
  for (const l of PRESENT) {
    const [, t] = await timedAsync(
      `trustee ${l}: all its shares on ${THREADS} threads`,
      async () => {
        for (const round of roundInputs)
          await rankedSharesOnAllCores(group, baseHash, trustee(l), round, {
            threads: THREADS,
            backend: 'native',
          });
      }
    );
    trusteesOnCores.push(t);
  }

  const trustees = [...trusteeSeconds.values()];
  const ballotsAtN = atN(ballotProofs);
  printHead(targets, ballotProofs);
  row('verify 3 shuffles', verifyMixes);
  row(`ranked-ballot proofs, ${N} (extrapolated from ${SAMPLE})`, ballotsAtN);
  row('verify + combine all decryption shares', combine);
  row(
    'verify the ranked part (ballot proofs + shuffles + shares)',
    sum([ballotsAtN, verifyMixes, combine])
  );
  trustees.forEach((t, i) => row(`trustee ${PRESENT[i]}: all its shares`, t));
  row('decrypt all ballots: k trustees one after another + combine', sum([...trustees, combine]));
  row(
    'decrypt all ballots: k trustees in parallel (slowest) + combine',
    sum([trustees.reduce((a, b) => (b.cpu > a.cpu ? b : a)), combine])
  );
  printPooled(ballotProofs, verified);
  trusteesOnCores.forEach((t, i) =>
    row(`trustee ${PRESENT[i]}: all its shares on ${THREADS} threads`, t)
  );
  row(
    `decrypt all ballots: k trustees one after another on ${THREADS} threads each + combine on the pool`,
    sum([...trusteesOnCores, pooledCombine])
  );
}

/**
 * The input rows, the sample, the mixes and the rounds, returned in the record's form only: the
 * mixes' rows and proofs and the trustees' shares are encoded as soon as they are made, and none
 * of the in-memory objects outlives this call.
 */
async function recordForm(
  runRanked: RankedTaskRunner
): Promise<{ form: RecordForm; ballotProofs: Timing; targets: number }> {
  let ballotProofs: Timing = { wall: 0, cpu: 0 };
  const rows: string[][][] = [];
  const proofs: { mixer: number; bytes: Uint8Array }[] = [];
  let inputs: Uint8Array[] = [];
  // The cascade's input rows live in this function only, so they go before the rounds start.
  const cascade = (): { rankings: number[][]; last: readonly CiphertextRow[] } => {
    const input = makeInputRows();
    // The sample's objects are dropped before the mixes start.
    ballotProofs = verifySample();
    inputs = batchesPacked(input.rows);
    const last = mixCascade(input.rows, (step) => {
      if (step.mixer > 1) rows.push(hexOfRows(step.inputs));
      proofs.push({ mixer: step.mixer, bytes: encodeShuffleProof(group, step.proof) });
    });
    return { rankings: input.rankings, last };
  };
  const { rankings, last } = cascade();
  rows.push(hexOfRows(last));
  // The shares as the trustees make them, on T threads (hex); decoded on the pool for the
  // combination, which yields the next round's prefixes.
  const { prefixes, targets, rounds } = await decryptRounds(
    last,
    async (round, l) => {
      const hex = await rankedSharesOnAllCores(group, baseHash, trustee(l), round, {
        threads: THREADS,
        backend: 'native',
      });
      const shares = await decodeSharesPooled(group, runRanked, TRUSTEES.length, checkpoint, hex);
      return { shares, kept: hex };
    },
    'verify + combine the shares (not a target)'
  );
  const form = { inputs, rows, proofs, rounds, rankings: publishedRankings(prefixes, rankings) };
  return { form, ballotProofs, targets };
}

/** Only the pooled verification, from the record's form, with the in-memory objects let go. */
async function pooledRun(): Promise<void> {
  const pool = await startPool();
  const { form, ballotProofs, targets } = await recordForm(pool.runRanked);
  // Collects the dropped rows, proofs and shares when run with --expose-gc; otherwise V8 does
  // when it needs the room.
  globalThis.gc?.();
  const verified = await verifyPooled(form, pool.runRanked);
  await pool.close();
  printHead(targets, ballotProofs);
  row(`ranked-ballot proofs, ${N} (extrapolated from ${SAMPLE})`, atN(ballotProofs));
  printPooled(ballotProofs, verified);
  const peak = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  process.stdout.write(`\npeak RSS ${peak.toFixed(0)} MiB\n`);
}

process.stdout.write(
  `ranked contest at scale: N = ${N} ballots × ${CANDIDATES + 1} ciphertexts, ${MIXERS.length} mixers, ` +
    `${THRESHOLD}-of-${TRUSTEES.length} trustees, native backend; ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`
);
await (POOLED_ONLY ? pooledRun() : fullRun());
