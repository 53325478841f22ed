/**
 * @module The CLI's client of the election server: the contract's typed client
 * (@scrutineer/api-contract `apiClient`, calls by endpoint name, answers parsed by their schemas,
 * refusals raised as {@link ApiError} with the catalogue's code), plus the few reads every role
 * needs (summary, manifest, all board events, the record's files). Every call waits out a 429 or
 * 503 (and a server not yet listening) after Retry-After (retry.ts), so no long-running party
 * exits on a transient refusal.
 */
import {
  ApiError,
  type ApiClient,
  type ElectionSummary,
  type EventPage,
  RECORD_FILE_ENDPOINTS,
  type RecordFileName,
  apiClient,
} from '@scrutineer/api-contract';
import { type BoardEvent, type Manifest, parseBoardEvent, parseManifest } from '@scrutineer/record';
import { Backoff, type RetryPolicy, type TransientFailure, withRetry } from './retry.ts';

export { ApiError, type ElectionSummary };

/** A transient ApiError as retry.ts wants it; anything else is final. */
export function transientApiError(error: unknown): TransientFailure | undefined {
  return error instanceof ApiError && error.transient
    ? { retryAfterMs: error.retryAfterMs }
    : undefined;
}

/** What a client does while the server refuses with 429/503: tell the person, by default. */
export interface ClientOptions {
  readonly retry?: Partial<RetryPolicy>;
  readonly onWait?: (ms: number, error: unknown) => void;
}

const reportWait = (ms: number, error: unknown): void =>
  void process.stderr.write(
    `the server is busy (${(error as ApiError).code}); trying again in ${(ms / 1000).toFixed(1)} s\n`
  );

export class ServerClient {
  readonly url: string;
  /**
   * Calls an endpoint of the contract by name (typed by it); throws {@link ApiError}. A 429 or
   * 503, or a server not yet listening, is retried after Retry-After until the policy gives up.
   */
  readonly call: ApiClient['call'];

  constructor(url: string, options: ClientOptions = {}) {
    const client = apiClient({ baseUrl: url });
    this.url = client.baseUrl;
    const retry = { onWait: options.onWait ?? reportWait, ...options.retry };
    this.call = ((name: never, args: never) =>
      withRetry(
        () => client.call(name, args),
        transientApiError,
        retry
      )) as unknown as ApiClient['call'];
  }

  summary(electionId: string): Promise<ElectionSummary> {
    return this.call('summary', { params: { electionId } });
  }

  async manifest(electionId: string): Promise<Manifest> {
    const parsed = parseManifest(await this.call('manifest', { params: { electionId } }));
    if (!parsed.ok) throw new ApiError(200, 'client/invalid-response', parsed.error.message);
    return parsed.value;
  }

  /**
   * The board's events from `from` on, parsed by the record's decoder, page by page, until the
   * last page or until `stop` says an event is the last one wanted.
   */
  async #pages(
    electionId: string,
    from: number,
    limit: number,
    stop: (event: BoardEvent) => boolean = () => false
  ): Promise<BoardEvent[]> {
    const events: BoardEvent[] = [];
    let next: number | null = from;
    while (next !== null) {
      const page: EventPage = await this.call('events', {
        params: { electionId },
        query: { from: next, limit },
      });
      for (const event of page.events) {
        const parsed = parseBoardEvent(event);
        if (!parsed.ok) throw new ApiError(200, 'client/invalid-response', parsed.error.message);
        events.push(parsed.value);
        if (stop(parsed.value)) return events;
      }
      next = page.events.length === 0 ? null : page.next;
    }
    return events;
  }

  /** Every board event from `from` on, parsed by the record's decoder. */
  events(electionId: string, from = 0): Promise<BoardEvent[]> {
    return this.#pages(electionId, from, 1000);
  }

  /**
   * The setup events (spec §9.3.1): from position 0 up to and including `election-open`, or every
   * event if the board is not open yet — what a client recomputes the election key from.
   */
  setupEvents(electionId: string): Promise<BoardEvent[]> {
    return this.#pages(electionId, 0, 200, (event) => event.type === 'election-open');
  }

  /** A record file (`format.json`, `board.jsonl`, `checkpoints.jsonl`) as text. */
  recordFile(electionId: string, name: RecordFileName): Promise<string> {
    return this.call(RECORD_FILE_ENDPOINTS[name], { params: { electionId } });
  }
}

/** Thrown when a wait runs out: nothing was left half-done, so the same command resumes. */
export class WaitTimeoutError extends Error {
  constructor(what: string) {
    super(`timed out waiting for ${what}; nothing is lost: run the same command again to go on`);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Waits until `probe` returns a value, polling first after `intervalMs` (default 250 ms) and
 * then less often (retry.ts {@link Backoff}, up to `maxIntervalMs`, default 5 s), or throws
 * {@link WaitTimeoutError} after `timeoutMs`.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: {
    readonly intervalMs?: number;
    readonly maxIntervalMs?: number;
    readonly timeoutMs?: number;
  } = {}
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const backoff = new Backoff(options.intervalMs ?? 250, options.maxIntervalMs ?? 5_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new WaitTimeoutError(what);
    await new Promise((resolve) => setTimeout(resolve, backoff.next()));
  }
}
