/**
 * @module Ballot verification off the event loop (issue 7). Checking a ballot's proofs is pure CPU
 * (~4 ms with the sodium backend); on the request thread it stalls every other request, so with
 * `verifyThreads` > 0 the cast path sends each ballot to one of N worker threads, the least busy,
 * and awaits the same verdict `verifyBallotAlone` gives inline. A worker that dies fails its
 * pending ballots (the voter gets a 503 and retries; nothing was written) and is replaced.
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

/** A message to a worker; `context` travels only the first time a worker sees the election. */
export interface VerifyRequest {
  readonly id: number;
  readonly electionId: string;
  readonly context?: VerifyContextData;
  readonly ballot: unknown;
}

export type VerifyVerdict =
  { readonly ok: true } | { readonly ok: false; readonly fault: BallotFault };

interface Reply {
  readonly id?: number;
  readonly ready?: true;
  readonly ok?: boolean;
  readonly fault?: BallotFault;
  readonly error?: string;
}

interface Slot {
  worker: Worker;
  readonly known: Set<string>;
  readonly pending: Map<number, { resolve(v: VerifyVerdict): void; reject(e: Error): void }>;
}

const ENTRY = new URL('./verify-worker-entry.mjs', import.meta.url);

export class VerifyPool {
  readonly #backend: Backend;
  readonly #slots: Slot[] = [];
  #nextId = 0;
  #closed = false;

  private constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** Starts `threads` workers and waits until each has loaded its group backend. */
  static async start(threads: number, backend: Backend = 'sodium'): Promise<VerifyPool> {
    const pool = new VerifyPool(backend);
    await Promise.all(Array.from({ length: threads }, () => pool.#spawn()));
    return pool;
  }

  get threads(): number {
    return this.#slots.length;
  }

  async #spawn(slot?: Slot): Promise<void> {
    const worker = new Worker(ENTRY, { workerData: { backend: this.#backend } });
    const target: Slot = slot ?? { worker, known: new Set(), pending: new Map() };
    target.worker = worker;
    target.known.clear();
    if (slot === undefined) this.#slots.push(target);
    const failAll = (error: Error): void => {
      for (const entry of target.pending.values()) entry.reject(error);
      target.pending.clear();
    };
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if (reply.ready === true) return resolve();
        const entry = reply.id === undefined ? undefined : target.pending.get(reply.id);
        if (entry === undefined || reply.id === undefined) return;
        target.pending.delete(reply.id);
        if (reply.error !== undefined) entry.reject(new Error(`verify worker: ${reply.error}`));
        else if (reply.ok === true) entry.resolve({ ok: true });
        else if (reply.fault !== undefined) entry.resolve({ ok: false, fault: reply.fault });
      });
      worker.once('error', (error) => {
        reject(error);
        failAll(error);
      });
      worker.once('exit', (code) => {
        failAll(new Error(`verify worker exited with ${code}`));
        if (!this.#closed && target.worker === worker)
          void this.#spawn(target).catch(() => undefined);
      });
    });
    await ready;
  }

  /** The verifier's single-ballot verdict on `ballot`, computed on a worker thread. */
  verify(electionId: string, context: VerifyContextData, ballot: unknown): Promise<VerifyVerdict> {
    if (this.#closed) return Promise.reject(new Error('verify pool closed'));
    const slot = this.#slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.#nextId++;
    const first = !slot.known.has(electionId);
    slot.known.add(electionId);
    const request: VerifyRequest = { id, electionId, ballot, ...(first ? { context } : {}) };
    return new Promise<VerifyVerdict>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
