/**
 * @module Test fixture: a malicious server, simulated as a loopback HTTP proxy in front of a real
 * one. Every request goes to the real server unchanged; `rewrite` may replace the JSON body of an
 * answer (by method and path), as a server that lies about what its board holds would. The real
 * board refuses these lies itself, so a client's own checks can only be tested through such a proxy.
 */
import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Returns the body to send instead, or undefined to pass the real one through. */
export type Rewrite = (request: { method: string; path: string }, body: unknown) => unknown;

export interface RewritingProxy {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startRewritingProxy(
  target: string,
  rewrite: Rewrite
): Promise<RewritingProxy> {
  const server = createServer((request, response) => {
    void (async () => {
      const method = request.method ?? 'GET';
      const path = request.url ?? '/';
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const body = await readBody(request);
      const answer = await fetch(`${target}${path}`, {
        method,
        headers,
        ...(body.length === 0 ? {} : { body: body.toString('utf8') }),
      });
      const type = answer.headers.get('content-type') ?? 'application/octet-stream';
      let text = await answer.text();
      if (/^application\/json\b/.test(type) && text !== '') {
        const replaced = rewrite({ method, path }, JSON.parse(text));
        if (replaced !== undefined) text = JSON.stringify(replaced);
      }
      response.writeHead(answer.status, { 'content-type': type });
      response.end(text);
    })().catch((error: unknown) => {
      response.writeHead(502);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      ),
  };
}
