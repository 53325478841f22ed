/**
 * @module `npm run generate-record -- --ballots N --candidates C --out DIR [--seed S] [--threads T]`
 *: writes a valid synthetic election record of that size, in the bundle format that
 * `scrutineer verify` reads (spec §9.1), for load tests and benchmarks. With `--ranked` (C
 * defaults to 5) its one contest is ranked (AV/IRV), with the whole ranked phase of spec §11:
 * mixes by 3 mix servers, the trustees' decryption round by round, the rankings and the count.
 * The same seed gives a byte-identical directory. Exit 0 written, 2 bad options.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { bytesToHex, randomBytes } from '@scrutineer/crypto';
import { generateRecord } from './record-generator.ts';

const MAX_BALLOTS = 10_000_000;
/** Spec §9.2.1: 2 ≤ candidates ≤ 50. */
const MIN_CANDIDATES = 2;
const MAX_CANDIDATES = 50;
/** Candidates of a ranked contest when `--candidates` is not given (the spec §11.7 example's 5). */
const RANKED_CANDIDATES = 5;
const PROGRESS_EVERY_MS = 2000;

function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

interface Options {
  readonly ballots: number;
  readonly candidates?: number;
  readonly ranked?: boolean;
  readonly out: string;
  readonly seed?: string;
  readonly threads?: number;
}

export function generateRecordCommand(): Command {
  return new Command('generate-record')
    .description(
      'write a valid synthetic election record (1-of-C contest, or with --ranked an AV/IRV contest mixed and decrypted per spec §11; every credential votes once) for load tests and benchmarks'
    )
    .requiredOption(
      '--ballots <n>',
      `ballots, one per credential (1–${MAX_BALLOTS.toLocaleString('en')})`,
      integerIn('--ballots', 1, MAX_BALLOTS)
    )
    .option(
      '--candidates <n>',
      `candidates of the contest (${MIN_CANDIDATES}–${MAX_CANDIDATES}; required, except with --ranked: default ${RANKED_CANDIDATES})`,
      integerIn('--candidates', MIN_CANDIDATES, MAX_CANDIDATES)
    )
    .option(
      '--ranked',
      'a ranked contest (AV/IRV): every ballot ranks the candidates (random orders, truncated at random), 3 mix servers mix them, 3 of the 5 trustees decrypt them round by round, and the rankings are counted'
    )
    .requiredOption('--out <dir>', 'the record bundle directory to create (must be new or empty)')
    .option(
      '--seed <text>',
      'same seed, byte-identical record (default: a random seed, printed on stderr)'
    )
    .option('--threads <n>', 'worker threads (default: all cores)', integerIn('--threads', 1, 256))
    .addHelpText(
      'after',
      '\nCredentials are random key pairs (no voting codes); 5 trustees, threshold 3, no postal votes.\n' +
        "With --ranked the manifest lists 3 mix servers; after the tally come each mix server's signed mix,\n" +
        "trustees 1, 3 and 5's decryption shares round by round until every ranking has reached its STOP,\n" +
        'the ranked-rankings and the ranked-result (the count with the seed of spec §12.3.1); the rankings\n' +
        'decrypted are checked against those cast.\n' +
        'Prints a JSON summary (intended votes per candidate, time, ballots/s; with --ranked, the first\n' +
        'preferences cast and who was elected) on stdout, progress on stderr.\n' +
        'Not a real election: the seed determines every secret. Check the output with `scrutineer verify DIR`.'
    )
    .action(async (options: Options) => {
      const candidates = options.candidates ?? (options.ranked ? RANKED_CANDIDATES : undefined);
      if (candidates === undefined) {
        process.stderr.write(
          "generate-record: required option '--candidates <n>' not specified (it defaults to 5 only with --ranked)\n"
        );
        process.exitCode = 2;
        return;
      }
      const refusal = outputProblem(options.out);
      if (refusal !== null) {
        process.stderr.write(`generate-record: ${refusal}\n`);
        process.exitCode = 2;
        return;
      }
      if (options.seed === '') {
        process.stderr.write('generate-record: --seed must not be empty\n');
        process.exitCode = 2;
        return;
      }
      const seed = options.seed ?? bytesToHex(randomBytes(16));
      if (options.seed === undefined) process.stderr.write(`generate-record: seed ${seed}\n`);
      mkdirSync(options.out, { recursive: true });
      const started = performance.now();
      let lastReport = started;
      const summary = await generateRecord({
        ballots: options.ballots,
        candidates,
        out: options.out,
        seed,
        threads: options.threads ?? availableParallelism(),
        ...(options.ranked ? { ranked: true } : {}),
        onProgress: (phase, done) => {
          const now = performance.now();
          if (now - lastReport < PROGRESS_EVERY_MS && done < options.ballots) return;
          lastReport = now;
          process.stderr.write(
            `generate-record: ${phase} ${done}/${options.ballots} (${((now - started) / 1000).toFixed(1)} s)\n`
          );
        },
        onStep: (message) =>
          process.stderr.write(
            `generate-record: ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`
          ),
      });
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `${JSON.stringify({
          out: options.out,
          ballots: options.ballots,
          candidates,
          seed,
          backend: summary.backend,
          events: summary.events,
          intended: summary.intended,
          ...(summary.ranked === undefined
            ? {}
            : {
                ranked: {
                  method: 'irv',
                  firstPreferences: summary.ranked.firstPreferences,
                  blank: summary.ranked.blank,
                  distinctRankings: summary.ranked.intended.size,
                  mixers: summary.ranked.mixers,
                  trustees: summary.ranked.trustees,
                  rounds: summary.ranked.rounds,
                  stages: summary.ranked.stages,
                  elected: summary.ranked.elected,
                },
              }),
          seconds: Number(seconds.toFixed(2)),
          ballotsPerSecond: Math.round(options.ballots / seconds),
        })}\n`
      );
    });
}

/** Why `dir` cannot receive a record, or null: it must not exist, or be an empty directory. */
function outputProblem(dir: string): string | null {
  if (!existsSync(dir)) return null;
  if (!statSync(dir).isDirectory()) return `--out ${dir} exists and is not a directory`;
  if (readdirSync(dir).length > 0)
    return `--out ${dir} is not empty; choose a new directory (nothing was written)`;
  return null;
}
