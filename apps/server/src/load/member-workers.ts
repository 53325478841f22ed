/**
 * @module Worker threads for the per-member work of preparing a load election (issue 7): a
 * 300,000-member run needs 300,000 credential keys, Argon2id answer hashes and encrypted ballots,
 * each pure CPU, so they are spread over one thread a core (member-worker.ts) while the main
 * thread loads credentials into the database. Jobs go to whichever thread is free, so a thread
 * slowed by other load on the machine takes fewer.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Manifest } from '@scrutineer/record';
import type { TestVoter } from '../test-support/test-election.ts';

/** A message to a thread; every one is answered with a {@link MemberReply} of the same `job`. */
export type MemberRequest =
  | {
      readonly kind: 'key';
      readonly job: number;
      readonly electionId: string;
      /** Members `from` … `from + count - 1`. */
      readonly from: number;
      readonly count: number;
    }
  | {
      readonly kind: 'open';
      readonly job: number;
      readonly manifest: Manifest;
      readonly electionKeyHex: string;
      readonly baseHashHex: string;
    }
  | {
      readonly kind: 'encrypt';
      readonly job: number;
      readonly voters: readonly TestVoter[];
      /** The candidate each of `voters` chooses. */
      readonly choices: readonly number[];
    };

export interface MemberReply {
  /** -1: the thread has loaded its group backend and libsodium. */
  readonly job: number;
  readonly voters?: TestVoter[];
  readonly answersHashes?: string[];
  readonly bodies?: string[];
  readonly error?: string;
}

/** A request before the pool numbers it. */
type Job = MemberRequest extends infer R
  ? R extends MemberRequest
    ? Omit<R, 'job'>
    : never
  : never;

interface Pending {
  readonly request: MemberRequest;
  /** A job for this thread only (a broadcast). */
  readonly only?: Thread;
  resolve(reply: MemberReply): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  /** Jobs sent and not yet answered, by job number. */
  readonly sent: Map<number, Pending>;
}

const ENTRY = new URL('./member-worker-entry.mjs', import.meta.url);
/**
 * Jobs a thread holds at once: the next one waits in its port, so it need not idle while this
 * thread is busy loading credentials before it can hand out more.
 */
const JOBS_IN_HAND = 2;

/** Threads to use: one a core, at least one. */
export function memberThreadCount(): number {
  return Math.max(1, availableParallelism());
}

export class MemberWorkers {
  readonly #threads: Thread[] = [];
  readonly #queue: Pending[] = [];
  #nextJob = 0;
  #failure: Error | undefined;

  /** Starts `threads` threads; jobs queue until they have loaded. */
  constructor(threads: number = memberThreadCount()) {
    for (let i = 0; i < threads; i++) {
      const thread: Thread = { worker: new Worker(ENTRY), ready: false, sent: new Map() };
      this.#threads.push(thread);
      thread.worker.on('message', (reply: MemberReply) => {
        if (reply.job === -1) {
          thread.ready = true;
        } else {
          const pending = thread.sent.get(reply.job);
          thread.sent.delete(reply.job);
          if (reply.error !== undefined) pending?.reject(new Error(reply.error));
          else pending?.resolve(reply);
        }
        this.#dispatch();
      });
      // Any thread lost fails every job: the run cannot be prepared without its members.
      thread.worker.on('error', (error) => this.#fail(error));
      thread.worker.on('exit', (code) => this.#fail(new Error(`a member thread exited (${code})`)));
    }
  }

  get threads(): number {
    return this.#threads.length;
  }

  /** Queues a job; resolves with its reply, rejects if the thread reports an error or dies. */
  run(job: Job): Promise<MemberReply> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise<MemberReply>((resolve, reject) => {
      const request = { ...job, job: this.#nextJob++ } as MemberRequest;
      this.#queue.push({ request, resolve, reject });
      this.#dispatch();
    });
  }

  /** Sends `job` to every thread (each answers once) after the jobs queued before it. */
  broadcast(job: Job): Promise<unknown> {
    return Promise.all(
      this.#threads.map((thread) => {
        if (this.#failure !== undefined) return Promise.reject(this.#failure);
        return new Promise<MemberReply>((resolve, reject) => {
          const request = { ...job, job: this.#nextJob++ } as MemberRequest;
          this.#queue.push({ request, only: thread, resolve, reject });
          this.#dispatch();
        });
      })
    );
  }

  async close(): Promise<void> {
    this.#fail(new Error('the member threads were closed'));
    await Promise.all(this.#threads.map((thread) => thread.worker.terminate()));
  }

  #dispatch(): void {
    for (const thread of this.#threads) {
      while (thread.ready && thread.sent.size < JOBS_IN_HAND) {
        const index = this.#queue.findIndex(
          (pending) => pending.only === undefined || pending.only === thread
        );
        const [pending] = index < 0 ? [] : this.#queue.splice(index, 1);
        if (pending === undefined) break;
        thread.sent.set(pending.request.job, pending);
        thread.worker.postMessage(pending.request);
      }
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#queue.splice(0)) pending.reject(this.#failure);
    for (const thread of this.#threads) {
      for (const pending of thread.sent.values()) pending.reject(this.#failure);
      thread.sent.clear();
    }
  }
}
