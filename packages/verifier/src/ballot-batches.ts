/**
 * @module The ballot side of the one streaming pass (docs/spec/verification.md V5–V7): ballots go
 * to a {@link BallotRunner} in batches, at most a few batches in flight (memory stays bounded
 * however long the log), and the counted ciphertexts are summed as results come back, for the
 * encrypted tally (V8.1).
 */
import {
  type Ciphertext,
  type Group,
  addCiphertexts,
  decodeCiphertext,
  hexToBytes,
  scaleCiphertext,
  zeroCiphertext,
} from '@scrutineer/crypto';
import type { EventBody, Manifest } from '@scrutineer/record';
import {
  type BallotRunner,
  type BallotRunnerContext,
  type BallotRunnerFactory,
  type WireRankedEntries,
  decodeAggregate,
} from './ballot-runner.ts';
import type { BallotBatchItem } from './checks/ballot-crypto.ts';
import type { RankedTaskRunner } from './ranked/ranked-pool.ts';
import type { RecordSource } from './record-source.ts';
import type { ReportBuilder } from './report.ts';

export interface BatchLimits {
  readonly batchSize: number;
  /** Batches queued for the runner at once. */
  readonly maxInFlight: number;
}

/** A sum of zero ballots: one zero ciphertext per candidate of each contest. */
export function zeroAggregate(group: Group, manifest: Manifest): Ciphertext[][] {
  return manifest.contests.map((c) => c.candidates.map(() => zeroCiphertext(group)));
}

export class BallotBatches {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #report: ReportBuilder;
  readonly #limits: BatchLimits;
  readonly #onVerified: (ballotsVerified: number) => void;
  readonly #onRanked: (entries: WireRankedEntries) => void;
  #runner: BallotRunner | null = null;
  #batch: BallotBatchItem[] = [];
  readonly #inFlight: Promise<void>[] = [];
  #aggregate: Ciphertext[][] | null = null;
  #verified = 0;
  #from: number | null = null;

  constructor(
    group: Group,
    manifest: Manifest,
    report: ReportBuilder,
    limits: BatchLimits,
    onVerified: (ballotsVerified: number) => void,
    /** Each batch's decoded ranked entries, as its result comes back (the ranked walk's input). */
    onRanked: (entries: WireRankedEntries) => void = () => undefined
  ) {
    this.#group = group;
    this.#manifest = manifest;
    this.#report = report;
    this.#limits = limits;
    this.#onVerified = onVerified;
    this.#onRanked = onRanked;
  }

  /** Whether ballots are being verified (a runner started at a valid `election-open`). */
  get started(): boolean {
    return this.#runner !== null;
  }

  get verified(): number {
    return this.#verified;
  }

  /** Where the ranked checks' heavy work can run beside the ballots (the runner's threads). */
  get rankedTasks(): RankedTaskRunner | undefined {
    const runner = this.#runner;
    return runner?.runRanked === undefined
      ? undefined
      : (task) => runner.runRanked?.(task) as ReturnType<RankedTaskRunner>;
  }

  /** Position of the `election-open` from which ballots went to the runner (null before). */
  get batchedFrom(): number | null {
    return this.#from;
  }

  /** Starts the runner at the first open with a usable key; a later open keeps it. */
  async start(
    factory: BallotRunnerFactory,
    context: BallotRunnerContext,
    position: number
  ): Promise<void> {
    this.#from ??= position;
    this.#runner ??= await factory(context);
  }

  add(item: BallotBatchItem): void {
    if (this.#runner !== null) this.#batch.push(item);
  }

  /** Sends a full batch; waits for the oldest when too many are in flight (backpressure). */
  async flushIfFull(): Promise<void> {
    if (this.#batch.length < this.#limits.batchSize) return;
    this.#flush();
    // Reading outpaces verifying, so wait for the oldest batch rather than queueing the whole
    // log in memory.
    if (this.#inFlight.length >= this.#limits.maxInFlight) await this.#inFlight.shift();
  }

  /** Sends what is batched and waits for every result. */
  async drain(): Promise<void> {
    this.#flush();
    await Promise.all(this.#inFlight.splice(0));
  }

  async close(): Promise<void> {
    await this.drain();
    await this.#runner?.close();
  }

  /** The sum of the counted ballots verified so far (all drained). */
  get aggregate(): Ciphertext[][] {
    return this.#aggregate ?? zeroAggregate(this.#group, this.#manifest);
  }

  /** Takes the ballots at `positions` (batched as counted, superseded later) out of the sum. */
  async subtract(
    source: RecordSource,
    positions: readonly number[],
    termsAt: (position: number) => CountedTerms | undefined = () => undefined
  ): Promise<void> {
    this.#aggregate = await subtractBallots(
      this.#group,
      source,
      positions,
      this.aggregate,
      termsAt
    );
  }

  #flush(): void {
    if (this.#runner === null || this.#batch.length === 0) return;
    const items = this.#batch;
    this.#batch = [];
    this.#inFlight.push(
      this.#runner.run(items).then((result) => {
        this.#report.merge(result.outcome);
        this.#onRanked(result.ranked);
        const partial = decodeAggregate(this.#group, result.aggregate);
        const sums = (this.#aggregate ??= zeroAggregate(this.#group, this.#manifest));
        partial.forEach((row, c) =>
          row.forEach((ct, j) => {
            const sumRow = sums[c] as Ciphertext[];
            sumRow[j] = addCiphertexts(this.#group, sumRow[j] as Ciphertext, ct);
          })
        );
        this.#verified += items.length;
        this.#onVerified(this.#verified);
      })
    );
  }
}

/** Spec §13.6: the contests (manifest indexes, per entry) and weight a ballot was counted with. */
export interface CountedTerms {
  readonly contests: readonly number[];
  readonly weight: number;
}

/**
 * Under last-ballot-counts a ballot can be superseded after it was batched as counted: a second
 * streaming pass reads just those lines back and takes their ciphertexts out of `sums`.
 */
async function subtractBallots(
  group: Group,
  source: RecordSource,
  positions: readonly number[],
  sums: Ciphertext[][],
  termsAt: (position: number) => CountedTerms | undefined
): Promise<Ciphertext[][]> {
  const wanted = new Set(positions);
  for await (const line of source.boardLines()) {
    // Matched by the position the event claims, as the first pass booked it; a line that does not
    // parse, or a ballot whose ciphertexts never decoded (so never entered the sums), is skipped.
    // With broken positions (V2.2) this is best effort; it must not throw.
    let ciphertexts: Ciphertext[][];
    let terms: CountedTerms | undefined;
    try {
      const event = JSON.parse(line) as {
        type?: unknown;
        position?: unknown;
        body: EventBody<'ballot-cast'>;
      };
      if (
        event.type !== 'ballot-cast' ||
        typeof event.position !== 'number' ||
        !wanted.has(event.position)
      )
        continue;
      wanted.delete(event.position);
      terms = termsAt(event.position);
      ciphertexts = event.body.ballot.contests.map((contest) =>
        contest.selections.map((selection) =>
          decodeCiphertext(group, hexToBytes(selection.ciphertext), { allowIdentity: false })
        )
      );
    } catch {
      continue;
    }
    const weight = BigInt(terms?.weight ?? 1);
    ciphertexts.forEach((options, e) =>
      options.forEach((unweighted, j) => {
        const ct = scaleCiphertext(group, unweighted, weight);
        const row = sums[terms === undefined ? e : (terms.contests[e] ?? -1)];
        const sum = row?.[j];
        if (row === undefined || sum === undefined) return;
        row[j] = {
          alpha: group.subtract(sum.alpha, ct.alpha),
          beta: group.subtract(sum.beta, ct.beta),
        };
      })
    );
  }
  return sums;
}
