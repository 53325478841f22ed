/**
 * @module Writes a record bundle (spec §9.1) to disk as it is produced: each board event is
 * appended to `board.jsonl` in buffered synchronous writes, the hash chain (§9.5) and the Merkle
 * log (§10.2) are kept in O(log n) memory, and checkpoints (§10.3) are signed with the board key.
 * Nothing holds the log itself, so a million-ballot record needs no more memory than a small one.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Group } from '@scrutineer/crypto';
import {
  type EventBody,
  type EventType,
  GENESIS_PREVIOUS,
  MerkleAccumulator,
  canonicalize,
  checkpointMessage,
  signStatement,
} from '@scrutineer/record';

const FLUSH_BYTES = 4 * 1024 * 1024;
const LEAF_PREFIX = new Uint8Array([0]);

export interface BoardSigner {
  readonly group: Group;
  readonly electionId: string;
  readonly manifestHash: string;
  readonly secretKey: bigint;
}

export class BoardWriter {
  readonly #dir: string;
  readonly #board: number;
  readonly #merkle = new MerkleAccumulator();
  readonly #checkpoints: string[] = [];
  #pending: string[] = [];
  #pendingBytes = 0;
  #previous = GENESIS_PREVIOUS;
  #time = '';
  #signer: BoardSigner | undefined;
  #lastCheckpointSize = 0;

  /** Creates `dir/format.json` and an empty `dir/board.jsonl`; the directory must exist. */
  constructor(dir: string) {
    this.#dir = dir;
    writeFileSync(
      join(dir, 'format.json'),
      `${canonicalize({ format: 'scrutineer-record', version: 1 })}\n`
    );
    this.#board = openSync(join(dir, 'board.jsonl'), 'w');
  }

  get size(): number {
    return this.#merkle.size;
  }

  /** The key that signs checkpoints, known once the manifest (event 0) exists. */
  setSigner(signer: BoardSigner): void {
    this.#signer = signer;
  }

  append<T extends EventType>(type: T, time: string, body: EventBody<T>): void {
    this.appendCanonical(type, time, canonicalize(body));
  }

  /**
   * Appends an event whose body is already canonical JSON (ballots come from the workers so).
   * The event's other members are a number and plain ASCII strings, and the keys below are in
   * RFC 8785 order, so the line is canonical exactly when the body is (spec §10.1).
   */
  appendCanonical(type: EventType, time: string, bodyJson: string): void {
    if (time < this.#time) throw new Error(`board time went backwards: ${time} < ${this.#time}`);
    this.#time = time;
    const line = `{"body":${bodyJson},"position":${this.size},"previous":"${this.#previous}","time":"${time}","type":"${type}"}`;
    const bytes = Buffer.from(line, 'utf8');
    this.#previous = createHash('sha256').update(bytes).digest('hex');
    this.#merkle.append(createHash('sha256').update(LEAF_PREFIX).update(bytes).digest());
    this.#pending.push(line, '\n');
    this.#pendingBytes += bytes.length + 1;
    if (this.#pendingBytes >= FLUSH_BYTES) this.#flush();
  }

  /**
   * Signs a checkpoint of the whole log so far (spec §10.3), unless one already covers it; returns
   * the size and root it covers (what a trustee's decryption share binds, §8.2).
   */
  checkpoint(): { size: number; root: string } {
    const signer = this.#signer;
    if (signer === undefined) throw new Error('checkpoint before the board key is known');
    const root = Buffer.from(this.#merkle.root()).toString('hex');
    if (this.size === this.#lastCheckpointSize) return { size: this.size, root };
    this.#lastCheckpointSize = this.size;
    const unsigned = { size: this.size, root, time: this.#time };
    const signature = signStatement(
      signer.group,
      signer.manifestHash,
      signer.secretKey,
      checkpointMessage(signer.electionId, unsigned)
    );
    this.#checkpoints.push(`${canonicalize({ ...unsigned, signature })}\n`);
    return { size: this.size, root };
  }

  /** Flushes the log and writes `checkpoints.jsonl` (a few lines: one per stage and per batch). */
  close(): void {
    this.#flush();
    closeSync(this.#board);
    writeFileSync(join(this.#dir, 'checkpoints.jsonl'), this.#checkpoints.join(''));
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    writeSync(this.#board, this.#pending.join(''));
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}
