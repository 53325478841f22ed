/**
 * @module The load generator's HTTP client: undici (Node's own HTTP/1.1 client, the engine behind
 * `fetch`), one connection pool per target, bodies sent as pre-serialised strings, responses read
 * as text. It costs the shared cores well under half of what node:http did per request (~0.45 ms
 * here), which leaves them to the server under test; loopback targets only.
 */
import { Pool } from 'undici';

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** Seconds from Retry-After, if the server sent one. */
  readonly retryAfter: number | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class LoadClient {
  readonly #connections: number;
  readonly #pools = new Map<string, Pool>();

  constructor(connections: number) {
    this.#connections = connections;
  }

  #pool(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, { connections: this.#connections, pipelining: 1 });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  /** Rejects on a network failure (refused, reset, timeout): the request's fate is unknown. */
  async request(
    base: string,
    method: 'GET' | 'POST',
    path: string,
    options: { readonly token?: string; readonly body?: string; readonly timeoutMs?: number } = {}
  ): Promise<Answer> {
    const url = new URL(path, base);
    if (!LOOPBACK.has(url.hostname))
      throw new Error(`load targets loopback only, not ${url.hostname}`);
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = options.timeoutMs ?? 30_000;
    const response = await this.#pool(url.origin).request({
      method,
      path: url.pathname + url.search,
      headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.statusCode,
      body: await response.body.text(),
      retryAfter: typeof retryAfter === 'string' ? Number(retryAfter) : undefined,
    };
  }

  close(): void {
    for (const pool of this.#pools.values()) void pool.destroy().catch(() => undefined);
    this.#pools.clear();
  }
}
