/**
 * @module An HTTP client for the election server's API (apps/server/README.md): JSON in and out
 * through fetch, refusals raised as {@link ApiError} carrying the server's stable error code, and
 * the few reads every role needs (summary, manifest, all board events).
 */
import { type BoardEvent, type Manifest, parseBoardEvent, parseManifest } from '@scrutineer/record';
import {
  Backoff,
  type RetryPolicy,
  type TransientFailure,
  isTransientStatus,
  parseRetryAfter,
  withRetry,
} from './retry.ts';

/** A refusal or failure from the server: `code` is the catalogue's (`ballot/…`, `auth/…`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's Retry-After, in ms, on a 429 or 503. */
  readonly retryAfterMs: number | undefined;
  /** True when the request certainly did nothing and may be sent again (retry.ts). */
  readonly transient: boolean;
  constructor(
    status: number,
    code: string,
    message: string,
    options: { readonly retryAfterMs?: number | undefined; readonly transient?: boolean } = {}
  ) {
    super(`${code}: ${message}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.transient = options.transient ?? isTransientStatus(status);
  }
}

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

export interface ElectionSummary {
  readonly electionId: string;
  readonly stage: string;
  readonly size: number;
  readonly headHash: string;
  readonly electionKey: string | null;
  readonly baseHash: string | null;
  readonly fingerprint: string | null;
  readonly credentialCount: number | null;
  /** Replacement packs so far, by reason (spec §9.5). */
  readonly replacements?: { readonly total: number; readonly byReason: Record<string, number> };
  readonly manifestHash: string;
  readonly boardPublicKey: string;
}

export class ServerClient {
  readonly url: string;
  readonly #options: ClientOptions;
  constructor(url: string, options: ClientOptions = {}) {
    this.url = url.replace(/\/+$/, '');
    this.#options = options;
  }

  /**
   * A request; resolves to the parsed JSON (or text) of a 2xx answer, throws ApiError otherwise.
   * A 429 or 503, or a server not yet listening, is retried after Retry-After (retry.ts) until
   * the policy gives up; every other refusal is thrown at once.
   */
  request<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    options: { readonly body?: unknown; readonly token?: string } = {}
  ): Promise<T> {
    return withRetry(() => this.#requestOnce<T>(method, path, options), transientApiError, {
      onWait: this.#options.onWait ?? reportWait,
      ...this.#options.retry,
    });
  }

  async #requestOnce<T>(
    method: 'GET' | 'POST',
    path: string,
    options: { readonly body?: unknown; readonly token?: string }
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
    // Officers' POSTs without a body still send JSON: the server wants application/json.
    const body =
      options.body === undefined
        ? method === 'POST'
          ? '{}'
          : undefined
        : JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      // A refused connection sent nothing, so any request may go again (a restarting server); a
      // connection cut mid-request may have been acted on, so only a read is retried then.
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new ApiError(
        0,
        'client/unreachable',
        `cannot reach ${this.url}: ${(error as Error).message}`,
        { transient: cause === 'ECONNREFUSED' || method === 'GET' }
      );
    }
    const text = await response.text();
    const isJson = /^application\/json\b/.test(response.headers.get('content-type') ?? '');
    const value: unknown = isJson && text !== '' ? JSON.parse(text) : text;
    if (!response.ok) {
      const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      throw new ApiError(
        response.status,
        typeof error?.code === 'string' ? error.code : `http/${response.status}`,
        typeof error?.message === 'string' ? error.message : text.slice(0, 200),
        { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) }
      );
    }
    return value as T;
  }

  electionPath(electionId: string, rest = ''): string {
    return `/api/elections/${encodeURIComponent(electionId)}${rest}`;
  }

  summary(electionId: string): Promise<ElectionSummary> {
    return this.request<ElectionSummary>('GET', this.electionPath(electionId));
  }

  async manifest(electionId: string): Promise<Manifest> {
    const value = await this.request('GET', this.electionPath(electionId, '/manifest'));
    const parsed = parseManifest((value as { manifest?: unknown }).manifest ?? value);
    if (!parsed.ok) throw new ApiError(200, 'client/invalid-manifest', parsed.error.message);
    return parsed.value;
  }

  /** Every board event from `from` on, parsed by the record's decoder. */
  async events(electionId: string, from = 0): Promise<BoardEvent[]> {
    const events: BoardEvent[] = [];
    let next: number | null = from;
    while (next !== null) {
      const page: { events: unknown[]; next: number | null } = await this.request(
        'GET',
        this.electionPath(electionId, `/events?from=${next}&limit=1000`)
      );
      for (const event of page.events) {
        const parsed = parseBoardEvent(event);
        if (!parsed.ok) throw new ApiError(200, 'client/invalid-event', parsed.error.message);
        events.push(parsed.value);
      }
      next = page.events.length === 0 ? null : page.next;
    }
    return events;
  }

  /**
   * The setup events (spec §9.3.1): from position 0 up to and including `election-open`, or every
   * event if the board is not open yet — what a client recomputes the election key from.
   */
  async setupEvents(electionId: string): Promise<BoardEvent[]> {
    const events: BoardEvent[] = [];
    let next: number | null = 0;
    while (next !== null) {
      const page: { events: unknown[]; next: number | null } = await this.request(
        'GET',
        this.electionPath(electionId, `/events?from=${next}&limit=200`)
      );
      for (const event of page.events) {
        const parsed = parseBoardEvent(event);
        if (!parsed.ok) throw new ApiError(200, 'client/invalid-event', parsed.error.message);
        events.push(parsed.value);
        if (parsed.value.type === 'election-open') return events;
      }
      next = page.events.length === 0 ? null : page.next;
    }
    return events;
  }

  /** A record file (`format.json`, `board.jsonl`, `checkpoints.jsonl`) as text. */
  async recordFile(electionId: string, name: string): Promise<string> {
    const value = await this.request('GET', this.electionPath(electionId, `/record/${name}`));
    return typeof value === 'string' ? value : `${JSON.stringify(value)}\n`;
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
