/**
 * @module Ballot verification off the event loop (issue 7). Checking a ballot's proofs is pure CPU
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
import { Worker } from 'node:worker_threads';
import type { Backend } from '@scrutineer/crypto';
import type { Manifest } from '@scrutineer/record';
import type { BallotFault } from '@scrutineer/verifier';

/** What a worker needs to check ballots of one election, as plain data. */
export interface VerifyContextData {
  readonly manifest: Manifest;
  readonly electionKeyHex: string;
  readonly baseHashHex: string;
}

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
export interface VerifyRequest {
  readonly items: readonly VerifyRequestItem[];
}

export type VerifyVerdict =
  { readonly ok: true } | { readonly ok: false; readonly fault: BallotFault };

/** A worker's answer for one ballot: its verdict, or the error its check threw (a bug). */
export type VerifyReplyItem =
  ({ readonly id: number } & VerifyVerdict) | { readonly id: number; readonly error: string };

/** A message from a worker: ready once its backend has loaded, then one reply per batch. */
export type VerifyReply = { readonly ready: true } | { readonly items: readonly VerifyReplyItem[] };

/** Ballots in one message at most: a bounded batch bounds the latency of its last ballot. */
export const MAX_BATCH = 64;

interface Waiter {
  resolve(verdict: VerifyVerdict): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  readonly known: Set<string>;
  /** Every ballot given to this worker and not yet answered, queued or sent. */
  readonly pending: Map<number, Waiter>;
  /** Ballots waiting for the worker to finish its batch in flight. */
  queue: VerifyRequestItem[];
  /** A batch is in the worker (or will be at the end of this tick). */
  busy: boolean;
}

export interface VerifyPoolStats {
  /** Batches posted to workers. */
  readonly batches: number;
  /** Ballots posted to workers. */
  readonly ballots: number;
}

const ENTRY = new URL('./verify-worker-entry.mjs', import.meta.url);

export class VerifyPool {
  readonly #backend: Backend;
  readonly #entry: URL;
  readonly #slots: Slot[] = [];
  #nextId = 0;
  #closed = false;
  #batches = 0;
  #ballots = 0;

  private constructor(backend: Backend, entry: URL) {
    this.#backend = backend;
    this.#entry = entry;
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
    const pool = new VerifyPool(backend, entry);
    await Promise.all(Array.from({ length: threads }, () => pool.#spawn()));
    return pool;
  }

  get threads(): number {
    return this.#slots.length;
  }

  get stats(): VerifyPoolStats {
    return { batches: this.#batches, ballots: this.#ballots };
  }

  async #spawn(slot?: Slot): Promise<void> {
    const worker = new Worker(this.#entry, { workerData: { backend: this.#backend } });
    const target: Slot = slot ?? {
      worker,
      known: new Set(),
      pending: new Map(),
      queue: [],
      busy: false,
    };
    target.worker = worker;
    target.known.clear();
    if (slot === undefined) this.#slots.push(target);
    const failAll = (error: Error): void => {
      const waiters = [...target.pending.values()];
      target.pending.clear();
      target.queue = [];
      target.busy = false;
      for (const waiter of waiters) waiter.reject(error);
    };
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: VerifyReply) => {
        if ('ready' in reply) return resolve();
        if (target.worker !== worker) return;
        for (const item of reply.items) this.#settle(target, item);
        target.busy = false;
        this.#send(target);
      });
      worker.once('error', (error) => {
        reject(error);
        if (target.worker === worker) failAll(error);
      });
      worker.once('exit', (code) => {
        if (target.worker !== worker) return;
        failAll(new Error(`verify worker exited with ${code}`));
        if (!this.#closed) void this.#spawn(target).catch(() => undefined);
      });
    });
    await ready;
  }

  #settle(slot: Slot, item: VerifyReplyItem): void {
    const waiter = slot.pending.get(item.id);
    if (waiter === undefined) return;
    slot.pending.delete(item.id);
    if ('error' in item) waiter.reject(new Error(`verify worker: ${item.error}`));
    else waiter.resolve(item.ok ? { ok: true } : { ok: false, fault: item.fault });
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
    const request: VerifyRequest = { items: withContexts };
    try {
      slot.worker.postMessage(request);
    } catch (error) {
      // A ballot that cannot be cloned (never one parsed from JSON): fail this batch, not the
      // process (this runs in a microtask or a message handler, where a throw is uncaught).
      for (const item of items) {
        slot.pending.get(item.id)?.reject(error as Error);
        slot.pending.delete(item.id);
        slot.known.delete(item.electionId);
      }
      slot.busy = false;
      return this.#send(slot);
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
      const worker = slot.worker;
      queueMicrotask(() => {
        if (slot.worker === worker && slot.queue.length > 0) this.#send(slot);
      });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
