/**
 * @module How every long-running client waits (docs/operations.md "Busy servers"): one policy for
 * the trustee ceremony and decryption, the officer's tools, postal and scanner uploads and the
 * vote client. A refusal that says "not now" — 429 (rate limit) or 503 (busy or restarting
 * store) — is retried after the server's Retry-After, never sooner, plus a random jitter so that
 * five trustees refused together do not come back together; without Retry-After the wait grows
 * exponentially ("full jitter", as AWS's architecture blog recommends) up to a cap. A client never
 * gives up on such a refusal before `giveUpAfterMs`; a refusal of the request itself (4xx) is
 * final at once. Polling backs off the same way (see {@link Backoff}).
 */

/** The refusals that say "come back later": the request was not acted on. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 503;
}

export interface RetryPolicy {
  /** The first wait without Retry-After (default 500 ms). */
  readonly baseMs: number;
  /** No single wait is longer, whatever Retry-After says (default 60 s). */
  readonly capMs: number;
  /** Stop retrying once this long has passed since the first attempt (default 30 min). */
  readonly giveUpAfterMs: number;
  /** How to wait (tests pass a fake). */
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) (tests pass a fixed one). */
  readonly random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 500,
  capMs: 60_000,
  giveUpAfterMs: 30 * 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export { parseRetryAfter } from '@scrutineer/api-contract';

/**
 * The wait before retry number `attempt` (0-based): at least Retry-After when the server gave one
 * (plus up to 25% jitter), else a full-jitter exponential wait; never above the cap.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: Pick<RetryPolicy, 'baseMs' | 'capMs' | 'random'> = DEFAULT_RETRY_POLICY
): number {
  if (retryAfterMs !== undefined)
    return Math.min(policy.capMs, retryAfterMs + policy.random() * (retryAfterMs / 4 + 250));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 20));
  return Math.max(policy.baseMs / 2, policy.random() * ceiling);
}

/** What {@link withRetry} needs to know of a failure. */
export interface TransientFailure {
  /** Undefined: not transient, rethrow. */
  readonly retryAfterMs: number | undefined;
}

/**
 * Runs `attempt` until it succeeds; when it throws an error for which `transient` returns a
 * {@link TransientFailure}, waits and tries again (`onWait` is told, for a progress line), until
 * `giveUpAfterMs`; any other error is thrown at once.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  transient: (error: unknown) => TransientFailure | undefined,
  options: Partial<RetryPolicy> & { readonly onWait?: (ms: number, error: unknown) => void } = {}
): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options };
  const started = Date.now();
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const failure = transient(error);
      if (failure === undefined) throw error;
      // Never before giveUpAfterMs: the last wait may end past it (it still honours Retry-After).
      if (Date.now() - started >= policy.giveUpAfterMs) throw error;
      const wait = retryDelay(tries, failure.retryAfterMs, policy);
      options.onWait?.(wait, error);
      await policy.sleep(wait);
    }
  }
}

/**
 * A polling interval that starts short and grows by half each time nothing changed, up to a cap,
 * and starts short again on progress: a waiting trustee asks about four times in the first two
 * seconds, then every `capMs` (default 5 s), so six parties behind one address stay far below the
 * server's default 600 requests a minute.
 */
export class Backoff {
  readonly #firstMs: number;
  readonly #capMs: number;
  readonly #random: () => number;
  #next: number;
  constructor(firstMs = 250, capMs = 5_000, random: () => number = Math.random) {
    this.#firstMs = firstMs;
    this.#capMs = capMs;
    this.#random = random;
    this.#next = firstMs;
  }
  /** The wait before the next poll (with ±20% jitter), and grows the one after. */
  next(): number {
    const wait = this.#next * (0.8 + 0.4 * this.#random());
    this.#next = Math.min(this.#capMs, this.#next * 1.5);
    return wait;
  }
  /** Something changed: poll soon again. */
  reset(): void {
    this.#next = this.#firstMs;
  }
}
