/**
 * @module V2.6–V2.7: the board's checkpoints are signed by the board key and each states the
 * Merkle root of the log prefix of its size (spec §10.2–§10.3). The verifier holds the whole log,
 * so it recomputes every root while streaming; two checkpoints with recomputed roots are
 * consistent by construction.
 */
import type { Group } from '@scrutineer/crypto';
import { bytesToHex, hexToBytes } from '@scrutineer/crypto';
import {
  type Checkpoint,
  type Manifest,
  manifestHash,
  MerkleAccumulator,
  checkpointMessage,
  hashLeaf,
  parseCanonicalJson,
  parseCheckpoint,
  verifyStatement,
} from '@scrutineer/record';
import type { ReportBuilder } from '../report.ts';

export class CheckpointChecker {
  readonly #report: ReportBuilder;
  readonly #pending: Checkpoint[] = [];
  readonly #accumulator = new MerkleAccumulator();
  #next = 0;
  /** Checkpoints whose size was reached, waiting for the time of their last event. */
  readonly #awaitingTime: Checkpoint[] = [];
  /** The latest board time of the events read so far. */
  #latestTime = '';

  private constructor(report: ReportBuilder) {
    this.#report = report;
  }

  /** Reads and orders the checkpoints (V2.7 sizes increase) before the log streams past. */
  static async read(
    lines: AsyncIterable<string>,
    report: ReportBuilder
  ): Promise<CheckpointChecker> {
    const checker = new CheckpointChecker(report);
    let lastSize = 0;
    let index = 0;
    for await (const line of lines) {
      index++;
      const json = parseCanonicalJson(line);
      const parsed = json.ok ? parseCheckpoint(json.value) : json;
      if (!parsed.ok) {
        report.fail(
          'V2.7',
          `checkpoint line ${index}: ${parsed.error.code}: ${parsed.error.message}`
        );
        continue;
      }
      report.check(
        'V2.7',
        parsed.value.size > lastSize,
        () => `checkpoint line ${index}: size ${parsed.value.size} does not increase`
      );
      lastSize = Math.max(lastSize, parsed.value.size);
      checker.#pending.push(parsed.value);
    }
    checker.#pending.sort((a, b) => a.size - b.size);
    return checker;
  }

  get count(): number {
    return this.#pending.length;
  }

  /**
   * The board time of the event just read (well-formed lines only). Spec §10.3: a checkpoint is
   * signed after the events it covers, so its time is not before any of theirs (V2.7).
   */
  noteEventTime(time: string): void {
    if (time > this.#latestTime) this.#latestTime = time;
  }

  /** Checks the time of the checkpoints whose last covered line has been read (and timed). */
  #checkTimes(): void {
    for (const checkpoint of this.#awaitingTime.splice(0)) {
      const latest = this.#latestTime;
      this.#report.check(
        'V2.7',
        checkpoint.time >= latest,
        () =>
          `checkpoint at size ${checkpoint.size} is dated ${checkpoint.time}, before the event at ${latest} it covers`,
        checkpoint.size - 1
      );
    }
  }

  /**
   * Whether the record holds a checkpoint of exactly this size and root (spec §8.2: what a
   * decryption share binds). Its signature and root are V2.6–V2.7's to check, like every other's.
   */
  /**
   * Spec §12.3.1: the root of the first checkpoint whose size covers the event at `position`
   * (size > position), or null if none does.
   */
  firstRootCovering(position: number): string | null {
    return this.#pending.find((c) => c.size > position)?.root ?? null;
  }

  holds(size: number, root: string): boolean {
    return this.#pending.some((c) => c.size === size && c.root === root);
  }

  /** The next board line, as its UTF-8 bytes (the Merkle leaf, spec §10.2); checks every checkpoint whose size is reached. */
  addLine(bytes: Uint8Array): void {
    this.#checkTimes();
    this.#accumulator.append(hashLeaf(bytes));
    const size = this.#accumulator.size;
    while (
      this.#next < this.#pending.length &&
      (this.#pending[this.#next] as Checkpoint).size === size
    ) {
      const checkpoint = this.#pending[this.#next] as Checkpoint;
      const root = bytesToHex(this.#accumulator.root());
      this.#report.check(
        'V2.7',
        root === checkpoint.root,
        () => `checkpoint at size ${size}: root is not the log's Merkle root`,
        size - 1
      );
      this.#awaitingTime.push(checkpoint);
      this.#next++;
    }
  }

  /** After the log: no checkpoint may claim more than was read; every signature is the board's. */
  finish(group: Group, manifest: Manifest, final: boolean): void {
    this.#checkTimes();
    const mHash = manifestHash(manifest);
    this.#report.reach('V2.6');
    this.#report.reach('V2.7');
    // A published final record must be sealed: its last checkpoint covers every event, so no
    // event after the last checkpoint can be swapped without breaking a signature (spec §10.3).
    if (final) {
      const last = this.#pending.at(-1)?.size ?? 0;
      const size = this.#accumulator.size;
      this.#report.check(
        'V2.7',
        last === size,
        () => `the final record has ${size} events but its last checkpoint covers ${last}`
      );
    }
    for (const checkpoint of this.#pending.slice(this.#next)) {
      this.#report.fail(
        'V2.7',
        `checkpoint claims size ${checkpoint.size}, log has ${this.#accumulator.size} events`
      );
    }
    let boardKey;
    try {
      boardKey = group.decodePoint(hexToBytes(manifest.board.publicKey));
    } catch {
      this.#report.fail('V2.6', 'the manifest board key is not a valid point');
      return;
    }
    for (const checkpoint of this.#pending) {
      const { signature, ...unsigned } = checkpoint;
      const ok = verifyStatement(
        group,
        mHash,
        boardKey,
        checkpointMessage(manifest.electionId, unsigned),
        signature
      );
      this.#report.check(
        'V2.6',
        ok,
        () => `checkpoint at size ${checkpoint.size}: bad board signature`
      );
    }
  }
}
