/**
 * @module The load generator's HTTP client: undici (Node's own HTTP/1.1 client, the engine behind
 * `fetch`), one connection pool per target, bodies sent as pre-serialised strings, responses read
 * as text. It costs the shared cores well under half of what node:http did per request (~0.45 ms
 * here), which leaves them to the server under test; loopback targets only.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
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

  #loopback(base: string, path: string): URL {
    const url = new URL(path, base);
    if (!LOOPBACK.has(url.hostname))
      throw new Error(`load targets loopback only, not ${url.hostname}`);
    return url;
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
    const url = this.#loopback(base, path);
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

  /**
   * GETs `path` into `file`, streamed: a record of hundreds of thousands of ballots is larger than
   * a JavaScript string may be. Rejects on a status other than 200.
   */
  async download(base: string, path: string, file: string, timeoutMs = 600_000): Promise<void> {
    const url = this.#loopback(base, path);
    const response = await this.#pool(url.origin).request({
      method: 'GET',
      path: url.pathname + url.search,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    if (response.statusCode !== 200)
      throw new Error(`${path}: ${response.statusCode} ${await response.body.text()}`);
    await pipeline(response.body, createWriteStream(file));
  }

  close(): void {
    for (const pool of this.#pools.values()) void pool.destroy().catch(() => undefined);
    this.#pools.clear();
  }
}
