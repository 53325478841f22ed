/**
 * @module Worker threads for the per-member work of preparing a load election: a
 * 300,000-member run needs 300,000 credential keys, Argon2id answer hashes and encrypted ballots,
 * each pure CPU, so they are spread over one thread a core (member-worker.ts) while the main
 * thread loads credentials into the database. Jobs go to whichever thread is free, so a thread
 * slowed by other load on the machine takes fewer.
 */
import { availableParallelism } from 'node:os';
import type { Manifest } from '@scrutineer/record';
import { WorkerPool } from '@scrutineer/worker-pool';
import type { TestVoter } from '@scrutineer/testkit';

/** A job for a thread; every one is answered with a {@link MemberReply}. */
export type MemberRequest =
  | {
      readonly kind: 'key';
      readonly electionId: string;
      /** Members `from` … `from + count - 1`. */
      readonly from: number;
      readonly count: number;
    }
  | {
      readonly kind: 'open';
      readonly manifest: Manifest;
      readonly electionKeyHex: string;
      readonly baseHashHex: string;
    }
  | {
      readonly kind: 'encrypt';
      readonly voters: readonly TestVoter[];
      /** The candidate each of `voters` chooses. */
      readonly choices: readonly number[];
    };

export interface MemberReply {
  readonly voters?: TestVoter[];
  readonly answersHashes?: string[];
  readonly bodies?: string[];
}

const ENTRY = new URL('./member-worker.ts', import.meta.url);
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
  readonly #pool: WorkerPool<MemberRequest, MemberReply>;

  /**
   * Starts `threads` threads; jobs queue until they have loaded. Any thread lost fails every job:
   * the run cannot be prepared without its members.
   */
  constructor(threads: number = memberThreadCount()) {
    this.#pool = new WorkerPool({
      entry: ENTRY,
      threads,
      name: 'member thread',
      awaitReady: true,
      inHand: JOBS_IN_HAND,
    });
  }

  get threads(): number {
    return this.#pool.threads;
  }

  /** Queues a job; resolves with its reply, rejects if the thread reports an error or dies. */
  run(job: MemberRequest): Promise<MemberReply> {
    return this.#pool.run(job);
  }

  /** Sends `job` to every thread (each answers once) after the jobs queued before it. */
  broadcast(job: MemberRequest): Promise<unknown> {
    return Promise.all(
      Array.from({ length: this.threads }, (_, thread) => this.#pool.run(job, thread))
    );
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
