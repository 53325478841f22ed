/**
 * @module A bulletin board held in memory (spec §9.5, §10): appends chained events and signs
 * checkpoints exactly as the server does, for demos, fixtures and tests. The server keeps the
 * same log in PostgreSQL.
 */
import { type Group, bytesToHex, utf8 } from '@scrutineer/crypto';
import {
  type BoardEvent,
  type Checkpoint,
  type EventBody,
  type EventType,
  MerkleAccumulator,
  canonicalize,
  checkpointMessage,
  eventHash,
  hashLeaf,
  makeBoardEvent,
  signStatement,
} from '@scrutineer/record';

export class MemoryBoard {
  readonly events: BoardEvent[] = [];
  readonly lines: string[] = [];
  readonly checkpoints: Checkpoint[] = [];
  readonly #merkle = new MerkleAccumulator();
  #head: { position: number; hash: string } | null = null;

  /** Appends an event at board time `time` (RFC 3339 UTC, whole seconds) and returns it with its hash. */
  append<T extends EventType>(
    type: T,
    time: string,
    body: EventBody<T>
  ): { readonly event: BoardEvent; readonly hash: string } {
    const event = makeBoardEvent(this.#head, type, time, body);
    const line = canonicalize(event);
    const hash = eventHash(event);
    this.events.push(event);
    this.lines.push(line);
    this.#merkle.append(hashLeaf(utf8(line)));
    this.#head = { position: event.position, hash };
    return { event, hash };
  }

  get size(): number {
    return this.events.length;
  }

  /** Signs a checkpoint of the whole log (spec §10.3) with the board's secret key. */
  checkpoint(
    group: Group,
    electionId: string,
    manifestHash: string,
    boardSecretKey: bigint,
    time: string
  ): Checkpoint {
    const unsigned = { size: this.#merkle.size, root: bytesToHex(this.#merkle.root()), time };
    const signature = signStatement(
      group,
      manifestHash,
      boardSecretKey,
      checkpointMessage(electionId, unsigned)
    );
    const checkpoint = { ...unsigned, signature };
    this.checkpoints.push(checkpoint);
    return checkpoint;
  }

  /** The record bundle's files (spec §9.1) as text. */
  toFiles(): {
    readonly 'format.json': string;
    readonly 'board.jsonl': string;
    readonly 'checkpoints.jsonl': string;
  } {
    const jsonl = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');
    return {
      'format.json': `${canonicalize({ format: 'scrutineer-record', version: 1 })}\n`,
      'board.jsonl': jsonl(this.lines),
      'checkpoints.jsonl': jsonl(this.checkpoints.map((c) => canonicalize(c))),
    };
  }
}

/** `instant` + `seconds`, as RFC 3339 UTC at whole seconds (no clock is read). */
export function addSeconds(instant: string, seconds: number): string {
  return new Date(Date.parse(instant) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
