/**
 * @module Security-answer checks off the event loop. One Argon2id check costs ~40 ms of CPU at the
 * production parameters; on the request thread ~25 sign-ins a second would stall every other
 * request, casting included. So the server checks answers on worker threads (answers-worker.ts),
 * started on the first sign-in, each holding one check at a time, with a bounded queue in front:
 * a check that would wait behind more than `maxWaiting` others is refused at once with
 * `server/unavailable` (503 + Retry-After), before its attempt is reserved, so shedding load never
 * spends a member's attempts. (Only a requester who signed the challenge with a key on the
 * published list reaches a check at all: sign-in.ts.)
 */
import { WorkerPool } from '@scrutineer/worker-pool';
import { ServiceError } from '../http-errors.ts';

export interface AnswersCheck {
  readonly questionIds: readonly string[];
  readonly answers: Readonly<Record<string, string>>;
  readonly storedHash: string;
}

export interface AnswersPoolOptions {
  /** Worker threads (default 1: on a small machine Argon2 must not take every core from casting). */
  readonly threads?: number;
  /** Checks that may wait for a thread; more are refused with 503 (default 32). */
  readonly maxWaiting?: number;
}

const ENTRY = new URL('./answers-worker.ts', import.meta.url);

export class AnswersPool {
  readonly #threads: number;
  readonly #maxWaiting: number;
  #pool: WorkerPool<AnswersCheck, boolean> | undefined;
  #closed = false;
  /** Sign-ins that took a place ({@link enter}) and have not left: checking, or about to. */
  #outstanding = 0;
  shedTotal = 0;
  /** Checks run (Argon2id computations). */
  checksTotal = 0;

  constructor(options: AnswersPoolOptions = {}) {
    this.#threads = Math.max(1, options.threads ?? 1);
    this.#maxWaiting = Math.max(0, options.maxWaiting ?? 32);
  }

  get outstanding(): number {
    return this.#outstanding;
  }

  /**
   * Takes a place for one sign-in's check, or refuses now with 503 if it would have to wait
   * behind the queue's bound: call before reserving anything the check would spend, and `leave`
   * once the sign-in is over (its check done, or not needed).
   */
  enter(): { leave(): void } {
    if (this.#outstanding >= this.#threads + this.#maxWaiting) {
      this.shedTotal++;
      throw new ServiceError(
        'server/unavailable',
        'Too many sign-ins are being checked at once; try again in a few seconds.'
      );
    }
    this.#outstanding++;
    let left = false;
    return {
      leave: () => {
        if (left) return;
        left = true;
        this.#outstanding--;
      },
    };
  }

  /** Whether the answers match the stored hash, computed on a worker thread. */
  async check(request: AnswersCheck): Promise<boolean> {
    if (this.#closed) throw new ServiceError('server/unavailable');
    this.#pool ??= new WorkerPool<AnswersCheck, boolean>({
      entry: ENTRY,
      threads: this.#threads,
      name: 'answers worker',
      awaitReady: true,
      inHand: 1,
      onLoss: 'replace',
    });
    this.checksTotal++;
    return this.#pool.run(request);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#pool?.close();
  }
}
