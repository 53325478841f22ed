/**
 * `npm run bench [-- --out FILE] [-- --quick]`: the numbers docs/benchmarks.md records. Prints a
 * table; with --out also writes `{ metric: { value, unit } }` JSON. Benchmarks, never timed tests.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import {
  type Group,
  createDecryptionShares,
  discreteLogUnsafe,
  hexToBytes,
  loadFastestGroup,
  loadGroup,
  nobleGroup,
} from '@scrutineer/crypto';
import { simulateElection } from '@scrutineer/testkit';
import { type Choices, encryptBallot } from '@scrutineer/protocol';
import type { Ballot } from '@scrutineer/record';
import {
  memoryRecordSource,
  verifyBallotAlone,
  verifyBallotBatch,
  verifyRecord,
} from '@scrutineer/verifier';
import { workerPoolFactory } from '@scrutineer/verifier/node';
import { benchGroup } from './src/crypto/group.ts';
import { type BenchResult, measure } from './src/crypto/measure.ts';
import { benchBelenios } from './src/belenios.ts';
import { benchCastThroughput } from './src/bench-cast.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    ballots: { type: 'string', default: '2000' },
  },
});
const minMs = values.quick ? 200 : 1000;
const results: { name: string; value: number; unit: string }[] = [];
const record = (name: string, value: number, unit: string): void => {
  results.push({ name, value, unit });
  process.stdout.write(
    `${name.padEnd(58)} ${value.toFixed(value < 10 ? 2 : 0).padStart(12)} ${unit}\n`
  );
};
const fromBench = (r: BenchResult): void => record(r.name, r.opsPerSecond, r.unit);

process.stdout.write(
  `Scrutineer benchmarks on ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}\n\n`
);
for (const r of await benchGroup({ minMs })) fromBench(r);

const sodium = await loadGroup('sodium');
// Party scale: the native backend (libdecaf addon) when `npm run build:native` has built it.
const fastest = await loadFastestGroup();
const verifierGroups =
  fastest.backend === 'native' ? [nobleGroup, sodium, fastest] : [nobleGroup, sodium];
/** An election of `options` candidates, its encryption setup and a few ballots to verify. */
function ballotSetup(group: Group, options: number) {
  const candidates = Array.from({ length: options }, (_, i) => `Candidate ${i + 1}`);
  const sim = simulateElection({
    group,
    voters: 64,
    trustees: 1,
    threshold: 1,
    stopAfter: 'open',
    contests: [{ id: 'leader', title: 'Leader', minSelections: 1, maxSelections: 1, candidates }],
  });
  const electionKey = group.prepareFixedBase(
    group.decodePoint(hexToBytes(sim.electionKeyHex as string))
  );
  const setup = {
    group,
    manifest: sim.manifest,
    electionKey,
    baseHash: hexToBytes(sim.baseHashHex as string),
  };
  return { sim, setup };
}
for (const options of [2, 10]) {
  const { sim, setup } = ballotSetup(nobleGroup, options);
  const voter = sim.voters[0];
  if (voter === undefined) throw new Error('no voter');
  const choices: Choices = [[options - 1]];
  fromBench(
    measure(
      `encrypt+prove 1-of-${options} ballot (noble, booth)`,
      () => encryptBallot(setup, voter, choices),
      { minMs }
    )
  );
  const ballots: Ballot[] = sim.voters.map(
    (v, i) => encryptBallot(setup, v, [[i % options]]).ballot
  );
  for (const group of verifierGroups) {
    const context = {
      ...setup,
      group,
      electionKey: group.decodePoint(hexToBytes(sim.electionKeyHex as string)),
    };
    let i = 0;
    fromBench(
      measure(
        `verify 1-of-${options} ballot one by one (${group.backend})`,
        () => verifyBallotAlone(context, ballots[i++ % ballots.length] as Ballot),
        { minMs }
      )
    );
    const items = ballots.map((ballot, position) => ({
      kind: 'cast' as const,
      position,
      ballot,
      counted: true,
    }));
    fromBench(
      measure(
        `verify 1-of-${options} ballots in batches of 64 (${group.backend})`,
        () => verifyBallotBatch(context, items),
        { minMs, operationsPerCall: items.length }
      )
    );
  }
}
{
  const { sim } = ballotSetup(sodium, 2);
  const target = {
    ciphertext: { alpha: sodium.multiplyBase(12345n), beta: sodium.multiplyBase(67890n) },
    bindings: [],
  };
  const share = sim.trusteeShares.get(1) as bigint;
  fromBench(
    measure(
      'decryption share + proof per aggregate (sodium)',
      () =>
        createDecryptionShares(
          sodium,
          new Uint8Array(32),
          {
            trustee: 1,
            secretShare: share,
            checkpoint: { size: 1, root: new Uint8Array(32) },
          },
          [target]
        ),
      { minMs }
    )
  );
  const m = sodium.multiplyBase(9_999_999n);
  discreteLogUnsafe(sodium, m, 10_000_000n);
  fromBench(
    measure(
      'bounded discrete log of 9,999,999 (table built)',
      () => discreteLogUnsafe(sodium, m, 10_000_000n),
      { minMs }
    )
  );
}
{
  const ballots = Number.parseInt(values.ballots, 10);
  const started = performance.now();
  const sim = simulateElection({ group: sodium, voters: ballots, onlineChoice: (i) => [[i % 2]] });
  record(
    `simulate a ${ballots}-ballot election (sodium, one core)`,
    (performance.now() - started) / 1000,
    's'
  );
  const files = sim.board.toFiles();
  const source = memoryRecordSource({
    format: files['format.json'],
    board: files['board.jsonl'],
    checkpoints: files['checkpoints.jsonl'],
  });
  for (const [label, runners] of [
    ['one core', undefined],
    [`${availableParallelism()} worker threads`, workerPoolFactory({ backend: fastest.backend })],
  ] as const) {
    const t = performance.now();
    const report = await verifyRecord(source, {
      group: fastest,
      ...(runners === undefined ? {} : { runners }),
    });
    if (!report.ok) throw new Error('benchmark record did not verify');
    const seconds = (performance.now() - t) / 1000;
    const where = `${label}, ${fastest.backend}`;
    record(`verify + tally a ${ballots}-ballot record (${where})`, seconds, 's');
    record(`  = ballots per second (${where})`, ballots / seconds, 'ballots/s');
  }
}
await benchBelenios({ quick: values.quick, record });
// Casting: the server as a process on PostgreSQL, ballots over loopback HTTP (docs/benchmarks.md).
await benchCastThroughput({ quick: values.quick, record });
if (values.out !== undefined) {
  const json = Object.fromEntries(results.map((r) => [r.name, { value: r.value, unit: r.unit }]));
  writeFileSync(values.out, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\nwrote ${values.out}\n`);
}
