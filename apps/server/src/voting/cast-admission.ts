/**
 * @module Admission control for casting (docs/threat-model.md A23). At most `limit` casts are
 * verified and appended at once; up to `queue` more wait for a slot, first come first served;
 * beyond that a cast is refused with 503 and Retry-After, before anything is read or written —
 * so overload can delay a voter but never yields a receipt without a commit, or a commit
 * without a receipt on retry. `isFull` lets the HTTP layer refuse before even reading the body
 * (build-app.ts), so that refusing stays cheap when most requests are refused.
 */
import { ServiceError } from '../http-errors.ts';

export const DEFAULT_MAX_CASTS_IN_FLIGHT = 64;
/** Waiting casts allowed per cast in flight: absorbs bursts without unbounded queueing. */
const QUEUE_PER_SLOT = 3;
/** Seconds a refused client should wait: a bounded queue drains in well under a second. */
export const ADMISSION_RETRY_AFTER_SECONDS = 1;

/** The refusal at the door: `server/unavailable`, with how soon to retry. */
export class AdmissionRefusal extends ServiceError {
  readonly retryAfterSeconds = ADMISSION_RETRY_AFTER_SECONDS;
  constructor() {
    super(
      'server/unavailable',
      'Too many ballots are being checked right now; nothing was recorded. Try again shortly.'
    );
  }
}

export class CastAdmission {
  readonly limit: number;
  readonly queue: number;
  #inFlight = 0;
  readonly #waiting: (() => void)[] = [];
  /** Casts refused at the door since start (the /metrics counter). */
  refusedTotal = 0;

  constructor(limit: number = DEFAULT_MAX_CASTS_IN_FLIGHT, queue: number = limit * QUEUE_PER_SLOT) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`maxCastsInFlight must be a positive integer, not ${limit}`);
    this.limit = limit;
    this.queue = queue;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** No slot and no room to wait: a cast arriving now would be refused. */
  get isFull(): boolean {
    return this.#inFlight >= this.limit && this.#waiting.length >= this.queue;
  }

  /** Refuses (counted) if full. */
  refuseIfFull(): void {
    if (this.isFull) {
      this.refusedTotal++;
      throw new AdmissionRefusal();
    }
  }

  /** Runs `work` in a slot, after waiting for one if needed; refuses without running it if full. */
  async admit<T>(work: () => Promise<T>): Promise<T> {
    this.refuseIfFull();
    if (this.#inFlight >= this.limit)
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#inFlight++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.#waiting.shift();
      if (next === undefined) this.#inFlight--;
      else next();
    }
  }
}
