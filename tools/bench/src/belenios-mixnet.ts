/**
 * Belenios' mix-net on the ranked shape (docs/benchmarks.md): N ballots of one 5-candidate
 * non-homomorphic (ranked) question, 3 trustees who each shuffle and decrypt, timed with Debian's
 * `belenios-tool` 2.0 (its own command line only: the steps of its demo-stv.sh example). Belenios
 * packs a whole ranking into one ciphertext of its 2048-bit group; Ed25519 is not in 2.0.
 *
 * Usage: npx tsx tools/bench/src/belenios-mixnet.ts [--ballots N]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type RunTime,
  belenios,
  beleniosTimed,
  castBeleniosBallot,
  ensureBelenios,
  generateBeleniosBallotWith,
  setupBeleniosElection,
} from './belenios-tool.ts';

const { values } = parseArgs({ options: { ballots: { type: 'string', default: '1000' } } });
const N = Number(values.ballots);
const CANDIDATES = 5;
/** The group of Belenios 2.0 with an embedding for non-homomorphic answers (its STV demo's). */
const GROUP = 'RFC-3526-2048';

const available = ensureBelenios();
if (!available.ok) {
  process.stdout.write(`Belenios not run: ${available.reason}\n`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'belenios-mixnet-'));
const report = (label: string, t: RunTime): void => {
  process.stdout.write(
    `${label.padEnd(44)} ${t.wallS.toFixed(1).padStart(8)} s wall ${t.cpuS.toFixed(1).padStart(8)} s CPU  ${((t.cpuS / N) * 1000).toFixed(2).padStart(7)} ms CPU a ballot  (load ${loadavg()[0]?.toFixed(1)})\n`
  );
};
process.stdout.write(
  `Belenios ${available.version}, ${GROUP}, N = ${N} ranked ballots of ${CANDIDATES} candidates, 3 trustees, ${new Date().toISOString()}\n`
);

const credentials = setupBeleniosElection(dir, N, {
  group: GROUP,
  questions: [
    {
      type: 'NonHomomorphic',
      value: {
        question: 'Leader',
        answers: Array.from({ length: CANDIDATES }, (_, c) => `Candidate ${c + 1}`),
      },
      extra: { method: 'STV' },
    },
  ],
});

/** Ranks per candidate (1 = first), a different permutation for each ballot. */
function ranksOf(i: number): number[] {
  const order = Array.from({ length: CANDIDATES }, (_, c) => c);
  let state = (i * 2654435761) >>> 0;
  for (let k = CANDIDATES - 1; k > 0; k--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = (state >>> 8) % (k + 1);
    [order[k], order[j]] = [order[j] as number, order[k] as number];
  }
  const ranks = new Array<number>(CANDIDATES);
  order.forEach((candidate, position) => (ranks[candidate] = position + 1));
  return ranks;
}

const started = performance.now();
const ballots: string[] = new Array<string>(N);
let next = 0;
const worker = async (slot: number): Promise<void> => {
  for (let i = next++; i < N; i = next++)
    ballots[i] = await generateBeleniosBallotWith(
      dir,
      credentials[i] as string,
      [ranksOf(i)],
      slot
    );
};
await Promise.all([worker(0), worker(1)]);
process.stdout.write(
  `generated ${N} ballots in ${((performance.now() - started) / 1000).toFixed(0)} s (not a target)\n`
);
for (const ballot of ballots) castBeleniosBallot(dir, ballot);
belenios(dir, ['archive', 'add-event', '--type=EndBallots'], '');
const tally = belenios(dir, ['election', 'compute-encrypted-tally']);
belenios(dir, ['archive', 'add-event', '--type=EncryptedTally'], tally);
const verifyBallots = beleniosTimed(dir, ['election', 'verify']);
report('verify (ballots and encrypted tally)', verifyBallots);

for (const trustee of [1, 2, 3]) {
  const shuffle = beleniosTimed(dir, ['election', 'shuffle', `--trustee-id=${trustee}`]);
  report(`shuffle + prove, trustee ${trustee}`, shuffle);
  belenios(dir, ['archive', 'add-event', '--type=Shuffle'], shuffle.stdout);
}
belenios(dir, ['archive', 'add-event', '--type=EndShuffles'], '');
const keys = readdirSync(dir)
  .filter((f) => f.endsWith('.privkey'))
  .sort();
keys.forEach((key, i) => {
  const share = beleniosTimed(dir, [
    'election',
    'decrypt',
    `--privkey=${key}`,
    `--trustee-id=${i + 1}`,
  ]);
  report(`decrypt (shares + proofs), trustee ${i + 1}`, share);
  belenios(dir, ['archive', 'add-event', '--type=PartialDecryption'], share.stdout);
});
const result = beleniosTimed(dir, ['election', 'compute-result']);
report('compute the result (combine)', result);
belenios(dir, ['archive', 'add-event', '--type=Result'], result.stdout);
const verifyAll = beleniosTimed(dir, ['election', 'verify']);
report('verify (everything)', verifyAll);
report('verify shuffles + decryptions (difference)', {
  wallS: verifyAll.wallS - verifyBallots.wallS,
  cpuS: verifyAll.cpuS - verifyBallots.cpuS,
});
const archive = readdirSync(dir).find((f) => f.endsWith('.bel'));
process.stdout.write(
  `archive ${archive === undefined ? '?' : (readFileSync(join(dir, archive)).length / 2 ** 20).toFixed(1)} MiB\n`
);
rmSync(dir, { recursive: true, force: true });
