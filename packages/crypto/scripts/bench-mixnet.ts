/**
 * Mix-net benchmark (spec §11; results in docs/benchmarks.md): one mix server's shuffle + proof and
 * its verification for N ranked ballots of 5 candidates (rows of 6 ciphertexts) on the native
 * backend, ranked-ballot proof checks, and the booth's cost to encrypt and prove a 10-candidate
 * ranking on the noble backend. Usage: npx tsx packages/crypto/scripts/bench-mixnet.ts [N]
 */
import { cpus, loadavg } from 'node:os';
import {
  MIX_SHUFFLE_TAGS,
  encryptRanking,
  encodeU64,
  loadGroup,
  mixProofContext,
  nobleGroup,
  proveShuffle,
  randomScalar,
  shuffleGenerators,
  shuffleRows,
  verifyRankedBallot,
  rankedBallotEquations,
  batchHoldsUnsafe,
  verifyShuffle,
  encryptWithRandomness,
  type CiphertextRow,
} from '../src/index.ts';

const rows = Number(process.argv[2] ?? 1000);
const candidates = 5;
const width = candidates + 1;
const group = await loadGroup('native');
const baseHash = new Uint8Array(32).fill(1);
const key = group.multiplyBase(randomScalar());
const fixedKey = group.prepareFixedBase(key);

const time = <T>(label: string, f: () => T): T => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = f();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  // CPU time as well as wall time: on a shared machine the wall time measures the load.
  console.log(
    `${label}: ${(ms / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU (${((cpuMs * 1000) / rows).toFixed(0)} µs CPU per row)`
  );
  return value;
};

console.log(
  `N = ${rows} rows × ${width} ciphertexts, native backend, ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${new Date().toISOString()}`
);
const inputs: CiphertextRow[] = time('encrypt inputs (not part of the targets)', () =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: width }, (_, k) =>
      encryptWithRandomness(group, fixedKey, BigInt((i + k) % width), randomScalar())
    )
  )
);
time('derive generators H₀…H_N', () => shuffleGenerators(group, baseHash, rows));
const context = mixProofContext(baseHash, 0, 1);
const { outputs, witness } = time('shuffle (re-encrypt + permute)', () =>
  shuffleRows(group, key, inputs)
);
const statement = { publicKey: key, inputs, outputs };
const proof = time('prove (variable-time sums)', () =>
  proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, witness, {
    secretSums: 'variable-time',
  })
);
const ok = time('verify (one batched MSM, generators derived)', () =>
  verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof)
);
if (!ok) throw new Error('the honest proof did not verify');

const sample = Math.min(rows, 500);
const ballotContext = { baseHash, bindings: [new Uint8Array(32), encodeU64(0)] };
const ballots = Array.from({ length: sample }, () =>
  encryptRanking(group, key, ballotContext, candidates, [2, 4, 1])
);
const start = performance.now();
const ballotCpu = process.cpuUsage();
for (const b of ballots)
  if (!verifyRankedBallot(group, key, ballotContext, candidates, b.ciphertexts, b.proof))
    throw new Error('ballot');
const cpuMsPer = (since: NodeJS.CpuUsage): string => {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1000 / sample).toFixed(2);
};
console.log(
  `ranked-ballot proof check (5 candidates): ${((performance.now() - start) / sample).toFixed(2)} ms wall, ${cpuMsPer(ballotCpu)} ms CPU per ballot (${sample} ballots)`
);

const batchStart = performance.now();
const batchCpu = process.cpuUsage();
const equations = ballots.flatMap((b) =>
  rankedBallotEquations(group, key, ballotContext, candidates, b.ciphertexts, b.proof)
);
if (!batchHoldsUnsafe(group, equations)) throw new Error('batch');
console.log(
  `ranked-ballot proof checks batched (${sample} ballots, one MSM): ${((performance.now() - batchStart) / sample).toFixed(2)} ms wall, ${cpuMsPer(batchCpu)} ms CPU per ballot`
);

const nobleKey = nobleGroup.multiplyBase(randomScalar());
const boothRuns = 10;
encryptRanking(nobleGroup, nobleKey, ballotContext, 10, [3, 1, 7]); // warm-up
const boothStart = performance.now();
const boothCpu = process.cpuUsage();
for (let i = 0; i < boothRuns; i++)
  encryptRanking(nobleGroup, nobleKey, ballotContext, 10, [3, 1, 7, 10, 2]);
const boothUsed = process.cpuUsage(boothCpu);
console.log(
  `booth, noble, Node: encrypt + prove a 10-candidate ranking: ${((performance.now() - boothStart) / boothRuns).toFixed(0)} ms wall, ${((boothUsed.user + boothUsed.system) / 1000 / boothRuns).toFixed(0)} ms CPU`
);
