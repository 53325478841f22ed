/**
 * Ranked contests at party scale (spec §11; results in docs/benchmarks.md): N ranked ballots of 5
 * candidates, a cascade of 3 mix servers, 3-of-5 trustees decrypting position by position, on the
 * native backend. Times each mixer's shuffle + proof, the verification of the whole cascade, every
 * trustee's decryption shares and the verification and combination of those shares, plus a sample
 * of ranked-ballot proofs checked in batches (extrapolated to N). Wall and CPU time for each step.
 *
 * Then the same work as the verifier and the trustees now run it on T threads (default: one a
 * core): the verifier's V10.2–V10.5 with its shuffles and share slices on its worker pool
 * (`verifyRankedContestWith`), the record walk's decoding of the rows and the shares (both on the
 * pool, from the record's hex; the proofs decoded from their bytes), and each trustee's rounds on
 * T threads (`rankedSharesOnAllCores`). CPU is the whole process's, worker threads included.
 *
 * Usage: npx tsx tools/bench/src/ranked-scale.ts [--ballots N] [--sample S] [--threads T]
 * The input rows are valid encryptions made by additions only (randomness r₀ + i), so that making
 * 160,000 of them does not dominate the run; their ballot proofs are not made (the sample's are).
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import {
  type CiphertextRow,
  type DecryptionCheckpoint,
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
  loadGroup,
  randomPolynomial,
  randomScalar,
  rankedBallotEquations,
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
  type RankedContestRecord,
  decodeRowsPooled,
  decodeSharesPooled,
  pooledRankedWork,
  verifyRankedContestWith,
} from '@scrutineer/verifier';
import { workerPoolFactory } from '@scrutineer/verifier/node';

const { values } = parseArgs({
  options: {
    ballots: { type: 'string', default: '160000' },
    sample: { type: 'string', default: '2000' },
    threads: { type: 'string', default: String(availableParallelism()) },
  },
});
const THREADS = Number(values.threads);
const N = Number(values.ballots);
const SAMPLE = Math.min(N, Number(values.sample));
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

process.stdout.write(
  `ranked contest at scale: N = ${N} ballots × ${CANDIDATES + 1} ciphertexts, ${MIXERS.length} mixers, ` +
    `${THRESHOLD}-of-${TRUSTEES.length} trustees, native backend; ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`
);

const [{ rows: ballots, rankings }] = timed('make the input rows (not a target)', () =>
  inputRows(group, publicKey)
);

// Ranked-ballot proofs: a sample made in the booth's way, checked in batches of 500 as the verifier does.
const sample = Array.from({ length: SAMPLE }, (_, i) => {
  const context = { baseHash, bindings: [encodeU64(i), encodeU64(contest)] };
  return { context, ballot: encryptRanking(group, publicKey, context, CANDIDATES, rankingOf(i)) };
});
const [, ballotProofs] = timed(`verify ${SAMPLE} ranked-ballot proofs, batches of 500`, () => {
  for (let start = 0; start < SAMPLE; start += 500) {
    const equations = sample
      .slice(start, start + 500)
      .flatMap(({ context, ballot }) =>
        rankedBallotEquations(
          group,
          publicKey,
          context,
          CANDIDATES,
          ballot.ciphertexts,
          ballot.proof
        )
      );
    if (!batchHoldsUnsafe(group, equations)) throw new Error('a ranked-ballot proof failed');
  }
});

const steps: MixStep[] = [];
let rows: readonly CiphertextRow[] = ballots;
for (const mixer of MIXERS) {
  const [step] = timed(`mixer ${mixer}: shuffle + prove`, () =>
    mixRankedRows(group, { baseHash, publicKey, contest, mixer, inputs: rows })
  );
  steps.push(step);
  rows = step.outputs;
}
const [faulty, verifyMixes] = timed(
  `verify the ${MIXERS.length} shuffles (inputs chained, proofs)`,
  () => firstFaultyMixer(group, baseHash, publicKey, contest, ballots, steps)
);
if (faulty !== null) throw new Error(`mixer ${faulty} failed`);

// Decryption, round by round: each present trustee's shares, then the check and combination.
let prefixes: (readonly number[])[] = rows.map(() => []);
const trusteeSeconds = new Map<number, Timing>(PRESENT.map((l) => [l, { wall: 0, cpu: 0 }]));
let combine: Timing = { wall: 0, cpu: 0 };
let targets = 0;
const rounds: RankedContestRecord['rounds'][number][] = [];
const roundInputs: RankedRound[] = [];
for (let position = 0; position <= CANDIDATES; position++) {
  const round: RankedRound = { contest, rows, prefixes, position };
  const submissions = PRESENT.map((l) => {
    const [shares, t] = timed(`position ${position + 1}: trustee ${l}'s shares`, () =>
      trusteeRankedShares(
        group,
        baseHash,
        { trustee: l, secretShare: secretShares[l - 1] as bigint, checkpoint },
        round
      )
    );
    const sum = trusteeSeconds.get(l) as Timing;
    trusteeSeconds.set(l, { wall: sum.wall + t.wall, cpu: sum.cpu + t.cpu });
    return { trustee: l, shares };
  });
  targets += submissions[0]?.shares.length ?? 0;
  rounds.push({ position, submissions });
  roundInputs.push(round);
  const [outcome, t] = timed(`position ${position + 1}: verify + combine the shares`, () =>
    combineRankedRound(group, {
      baseHash,
      threshold: THRESHOLD,
      verificationKeys,
      candidates: CANDIDATES,
      round,
      submissions,
    })
  );
  combine = { wall: combine.wall + t.wall, cpu: combine.cpu + t.cpu };
  if (!outcome.ok) throw new Error(outcome.code);
  prefixes = outcome.prefixes.map((p) => [...p]);
  if (outcome.done) break;
}
const published = rankingsOfPrefixes(CANDIDATES, prefixes);
const key = (r: readonly number[]): string => r.join('>');
if (published === null || published.map(key).sort().join() !== rankings.map(key).sort().join())
  throw new Error('the decrypted rankings are not the cast multiset');

// The same verification as the verifier now runs it: its ranked checks on its worker pool.
const runner = await workerPoolFactory({ threads: THREADS, backend: 'native' })({
  manifest: { contests: [] } as unknown as Manifest, // read for ballot batches only
  electionKeyHex: bytesToHex(group.encodePoint(publicKey)),
  baseHashHex: bytesToHex(baseHash),
});
// Started before the clock: each worker loads its backend (and, under tsx, compiles) once.
await Promise.all(Array.from({ length: THREADS }, () => runner.run([])));
const runRanked = runner.runRanked?.bind(runner);
if (runRanked === undefined) throw new Error('the pool runs no ranked tasks');
const decodedRows: CiphertextRow[][] = [];
// What the record walk decodes before those checks: the counted entries' and every mix's rows
// (on the pool), and every share's D, A₁, A₂ (on its main thread), from the record's encodings.
const hexRows = [ballots, ...steps.map((step) => step.outputs)].map((rows) =>
  rows.map((row) => row.map((c) => bytesToHex(encodeCiphertext(group, c))))
);
const [, decodingRows] = await timedAsync(
  `walk: decode the input and the ${MIXERS.length} mixes' rows on ${THREADS} threads`,
  async () => {
    for (const rows of hexRows)
      decodedRows.push((await decodeRowsPooled(group, runRanked, rows)).rows);
  }
);
// Each trustee's shares of each round, as the record's hex, decoded on the pool as the walk does.
const [decodedRounds, decodingShares] = await timedAsync(
  `walk: decode every trustee's shares of every round on ${THREADS} threads`,
  () =>
    Promise.all(
      rounds.map(async (r) => ({
        position: r.position,
        submissions: await Promise.all(
          r.submissions.map(async (s) => ({
            trustee: s.trustee,
            shares: await decodeSharesPooled(
              group,
              runRanked,
              TRUSTEES.length,
              checkpoint,
              s.shares.map((d) => bytesToHex(encodeDecryptionShare(group, d)))
            ),
          }))
        ),
      }))
    )
);
// The proofs as the walk has them: decoded from the record's bytes (so their encodings are known).
const decodedProofs = steps.map((step) =>
  decodeShuffleProof(
    group,
    encodeShuffleProof(group, step.proof),
    step.outputs.length,
    CANDIDATES + 1
  )
);
const decodedSteps = steps.map((step, m) => ({
  ...step,
  inputs: decodedRows[m] as CiphertextRow[],
  outputs: decodedRows[m + 1] as CiphertextRow[],
  proof: decodedProofs[m] as MixStep['proof'],
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
        rankings: published,
        firstInputs: decodedRows[0] as CiphertextRow[],
      },
      pooledRankedWork(group, runRanked)
    )
);
const work = pooledRankedWork(group, runRanked);
const [, pooledCombine] = await timedAsync(
  `verify + combine all shares on ${THREADS} worker threads`,
  async () => {
    for (const [r, round] of roundInputs.entries()) {
      const outcome = await work.combine({
        baseHash,
        threshold: THRESHOLD,
        verificationKeys,
        targets: roundTargets(round),
        submissions: decodedRounds[r]?.submissions ?? [],
        scaled: true,
      });
      if (!outcome.ok) throw new Error(outcome.error.code);
    }
  }
);
const decoding = sum([decodingRows, decodingShares]);
await runner.close();
const failed = verdicts.filter((v) => v.status === 'failed');
if (failed.length > 0)
  throw new Error(`the pooled checks failed ${failed.map((v) => v.id).join()}`);

// Each trustee's rounds on THREADS threads of its machine, one trustee after another.
const trusteesOnCores: Timing[] = [];
for (const l of PRESENT) {
  const [, t] = await timedAsync(`trustee ${l}: all its shares on ${THREADS} threads`, async () => {
    for (const round of roundInputs)
      await rankedSharesOnAllCores(
        group,
        baseHash,
        { trustee: l, secretShare: secretShares[l - 1] as bigint, checkpoint },
        round,
        { threads: THREADS, backend: 'native' }
      );
  });
  trusteesOnCores.push(t);
}

const mixes = timings.filter((t) => t.label.endsWith('shuffle + prove')).map((t) => t.timing);
const trustees = [...trusteeSeconds.values()];
const perBallot = (t: Timing): string => `${((t.cpu / SAMPLE) * 1000).toFixed(2)} ms CPU`;
const row = (label: string, t: Timing): void => {
  process.stdout.write(`| ${label} | ${t.wall.toFixed(1)} s | ${t.cpu.toFixed(1)} s |\n`);
};
const ballotsAtN: Timing = {
  wall: (ballotProofs.wall / SAMPLE) * N,
  cpu: (ballotProofs.cpu / SAMPLE) * N,
};
process.stdout.write(`\n${targets} positions decrypted (${(targets / N).toFixed(2)} a ballot)\n`);
process.stdout.write(`ranked-ballot proof, batched: ${perBallot(ballotProofs)} a ballot\n\n`);
process.stdout.write('| step | wall | CPU |\n|---|---:|---:|\n');
mixes.forEach((t, i) => row(`mixer ${i + 1}: shuffle + prove`, t));
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
row(`verifier: V10.2–V10.5 on ${THREADS} threads (shuffles + shares)`, pooledChecks);
row(`walk: decode the input and mixes' rows (${THREADS} threads)`, decodingRows);
row(`walk: decode the shares (${THREADS} threads)`, decodingShares);
row(
  `verify the ranked part, pooled: ballot proofs / ${THREADS} + decode + V10.2–V10.5 (wall from CPU)`,
  {
    wall: ballotsAtN.cpu / THREADS + decoding.wall + pooledChecks.wall,
    cpu: ballotsAtN.cpu + decoding.cpu + pooledChecks.cpu,
  }
);
trusteesOnCores.forEach((t, i) =>
  row(`trustee ${PRESENT[i]}: all its shares on ${THREADS} threads`, t)
);
row(
  `decrypt all ballots: k trustees one after another on ${THREADS} threads each + combine on the pool`,
  sum([...trusteesOnCores, pooledCombine])
);
