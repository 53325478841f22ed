/**
 * @module Ballot verification off the event loop. Checking a ballot's proofs is pure CPU
 * (~4 ms with the sodium backend); on the request thread it stalls every other request, so with
 * `verifyThreads` > 0 the cast path sends each ballot to one of N worker threads, the least busy,
 * and awaits the same verdict `verifyBallotAlone` gives inline. A worker that dies fails its
 * pending ballots (the voter gets a 503 and retries; nothing was written) and is replaced.
 *
 * Ballots go in batches: a ballot for an idle worker leaves at the end of the current tick (with
 * any others of that tick), and ballots that arrive while its batch is being checked wait and go
 * together as the next one. The worker checks a batch in one weighted multi-scalar multiplication
 * (`verifyBallotsAlone`, spec §5.6: ~0.45 ms a ballot instead of ~0.75 ms) and the main thread
 * pays one message per batch, not per ballot; an idle server adds no latency.
 */
import type { Backend } from '@scrutineer/crypto';
import type { BallotFault, BallotRunnerContext } from '@scrutineer/verifier';
import { type Waiter, WorkerPool } from '@scrutineer/worker-pool';

/** What a worker needs to check ballots of one election, as plain data. */
export type VerifyContextData = BallotRunnerContext;

/** One ballot of a batch; `context` travels only the first time a worker sees the election. */
export interface VerifyRequestItem {
  readonly id: number;
  readonly electionId: string;
  readonly context?: VerifyContextData;
  /**
   * The ballot, or its JSON text: the cast path sends the text, which crosses to the worker as
   * one flat copy (~3 µs) where a ballot object is cloned field by field (~40 µs) on the main
   * thread.
   */
  readonly ballot: unknown;
}

/** A message to a worker: a batch of ballots, possibly of several elections. */
export type VerifyRequest = readonly VerifyRequestItem[];

export type VerifyVerdict =
  { readonly ok: true } | { readonly ok: false; readonly fault: BallotFault };

/** A worker's answer for one ballot: its verdict, or the error its check threw (a bug). */
export type VerifyReplyItem =
  ({ readonly id: number } & VerifyVerdict) | { readonly id: number; readonly error: string };

/** A worker's answer to a batch: one item per ballot. */
export type VerifyReply = readonly VerifyReplyItem[];

/** Ballots in one message at most: a bounded batch bounds the latency of its last ballot. */
export const MAX_BATCH = 64;

interface Slot {
  /** The worker's index in the pool. */
  readonly index: number;
  readonly known: Set<string>;
  /** Every ballot given to this worker and not yet answered, queued or sent. */
  readonly pending: Map<number, Waiter<VerifyVerdict>>;
  /** Ballots waiting for the worker to finish its batch in flight. */
  queue: VerifyRequestItem[];
  /** A batch is in the worker (or will be at the end of this tick). */
  busy: boolean;
  /** Workers this slot has lost: a send planned for an earlier one is dropped. */
  losses: number;
}

export interface VerifyPoolStats {
  /** Batches posted to workers. */
  readonly batches: number;
  /** Ballots posted to workers. */
  readonly ballots: number;
}

const ENTRY = new URL('./verify-worker.ts', import.meta.url);

/** Fails every ballot given to `slot`'s worker, which is lost: its successor knows no context. */
function failSlot(slot: Slot, error: Error): void {
  const waiters = [...slot.pending.values()];
  slot.pending.clear();
  slot.queue = [];
  slot.busy = false;
  slot.known.clear();
  slot.losses++;
  for (const waiter of waiters) waiter.reject(error);
}

export class VerifyPool {
  readonly #workers: WorkerPool<VerifyRequest, VerifyReply>;
  readonly #slots: Slot[];
  #nextId = 0;
  #closed = false;
  #batches = 0;
  #ballots = 0;

  private constructor(workers: WorkerPool<VerifyRequest, VerifyReply>, slots: Slot[]) {
    this.#workers = workers;
    this.#slots = slots;
  }

  /**
   * Starts `threads` workers and waits until each has loaded its group backend. `entry` is the
   * worker's script (tests stand in a worker of their own).
   */
  static async start(
    threads: number,
    backend: Backend = 'sodium',
    entry: URL = ENTRY
  ): Promise<VerifyPool> {
    // Filled once every worker is ready: a worker lost before that fails the start instead.
    const slots: Slot[] = [];
    const workers = await WorkerPool.start<VerifyRequest, VerifyReply>({
      entry,
      threads,
      workerData: { backend },
      name: 'verify worker',
      awaitReady: true,
      onLoss: 'replace',
      lost: (index, error) => {
        const slot = slots[index];
        if (slot !== undefined) failSlot(slot, error);
      },
    });
    for (let index = 0; index < workers.threads; index++) {
      slots.push({
        index,
        known: new Set(),
        pending: new Map(),
        queue: [],
        busy: false,
        losses: 0,
      });
    }
    return new VerifyPool(workers, slots);
  }

  get threads(): number {
    return this.#slots.length;
  }

  get stats(): VerifyPoolStats {
    return { batches: this.#batches, ballots: this.#ballots };
  }

  #settle(slot: Slot, replies: VerifyReply): void {
    for (const item of replies) {
      const waiter = slot.pending.get(item.id);
      if (waiter === undefined) continue;
      slot.pending.delete(item.id);
      if ('error' in item) waiter.reject(new Error(`verify worker: ${item.error}`));
      else waiter.resolve(item.ok ? { ok: true } : { ok: false, fault: item.fault });
    }
    slot.busy = false;
    this.#send(slot);
  }

  /** Fails a batch not sent, or not answered (its check threw), then sends the next one. */
  #failBatch(slot: Slot, items: readonly VerifyRequestItem[], error: Error): void {
    for (const item of items) {
      slot.pending.get(item.id)?.reject(error);
      slot.pending.delete(item.id);
      // The context may not have reached the worker: it goes again with the election's next ballot.
      slot.known.delete(item.electionId);
    }
    slot.busy = false;
    this.#send(slot);
  }

  /** Posts the next batch of `slot`'s queue (at most {@link MAX_BATCH} ballots), if any. */
  #send(slot: Slot): void {
    if (slot.queue.length === 0) return;
    const items = slot.queue.slice(0, MAX_BATCH);
    slot.queue = slot.queue.slice(MAX_BATCH);
    // The election's context goes with its first ballot to reach this worker (since it started).
    const withContexts = items.map((item) => {
      if (item.context === undefined || !slot.known.has(item.electionId)) {
        slot.known.add(item.electionId);
        return item;
      }
      return { id: item.id, electionId: item.electionId, ballot: item.ballot };
    });
    try {
      this.#workers.post(slot.index, withContexts, {
        resolve: (replies) => this.#settle(slot, replies),
        reject: (error) => this.#failBatch(slot, items, error),
      });
    } catch (error) {
      // A ballot that cannot be cloned (never one parsed from JSON): fail this batch, not the
      // process (this runs in a microtask or a message handler, where a throw is uncaught).
      return this.#failBatch(slot, items, error as Error);
    }
    slot.busy = true;
    this.#batches++;
    this.#ballots += items.length;
  }

  /**
   * The verifier's single-ballot verdict on `ballot` (a ballot, or its JSON text), computed on a
   * worker thread.
   */
  verify(electionId: string, context: VerifyContextData, ballot: unknown): Promise<VerifyVerdict> {
    if (this.#closed) return Promise.reject(new Error('verify pool closed'));
    const slot = this.#slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.#nextId++;
    return new Promise<VerifyVerdict>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.queue.push({ id, electionId, context, ballot });
      if (slot.busy) return;
      // An idle worker gets the ballot at the end of this tick, with any others of the same tick.
      slot.busy = true;
      const losses = slot.losses;
      queueMicrotask(() => {
        if (slot.losses === losses && slot.queue.length > 0) this.#send(slot);
      });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const error = new Error('verify pool closed');
    for (const slot of this.#slots) failSlot(slot, error);
    await this.#workers.close();
  }
}
