/**
 * @module The load generator's HTTP client: node:http over one keep-alive agent, bodies sent as
 * pre-serialised strings, responses read as text. Lighter than fetch, so the generator leaves
 * the shared cores to the server; loopback targets only.
 */
import http from 'node:http';

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** Seconds from Retry-After, if the server sent one. */
  readonly retryAfter: number | undefined;
}

export class LoadClient {
  readonly #agent: http.Agent;

  constructor(maxSockets: number) {
    this.#agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Rejects on a network failure (refused, reset, timeout): the request's fate is unknown. */
  request(
    base: string,
    method: 'GET' | 'POST',
    path: string,
    options: { readonly token?: string; readonly body?: string; readonly timeoutMs?: number } = {}
  ): Promise<Answer> {
    const url = new URL(path, base);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
      throw new Error(`load targets loopback only, not ${url.hostname}`);
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    return new Promise((resolve, reject) => {
      const request = http.request(
        url,
        { method, headers, agent: this.#agent, timeout: options.timeoutMs ?? 30_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const retryAfter = response.headers['retry-after'];
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfter: retryAfter === undefined ? undefined : Number(retryAfter),
            });
          });
        }
      );
      request.on('timeout', () => request.destroy(new Error('request timed out')));
      request.on('error', reject);
      request.end(options.body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
