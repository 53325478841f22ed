/**
 * @module Test helper: a static host on another loopback port, as an independent mirror of the
 * booth would be (spec §10.7.4): it serves a build directory as the server does (the HTML for `/`
 * and `/elections/…`, `/assets/*`, `/booth-digest.json`) under a CSP like the server's page CSP,
 * except that the page may connect to the board's API origin. Which directory is served can be
 * changed between tests.
 */
import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  wasm: 'application/wasm',
};

export interface StaticHost {
  readonly origin: string;
  /** The directory served from now on. */
  serve(directory: string, apiOrigin: string): void;
  close(): Promise<void>;
}

export async function startStaticHost(): Promise<StaticHost> {
  let directory = '';
  let api = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const file = path === '/' || path.startsWith('/elections/') ? 'index.html' : path.slice(1);
    let body: Buffer;
    try {
      if (file.includes('..')) throw new Error('no');
      body = readFileSync(join(directory, file));
    } catch {
      response.writeHead(404).end();
      return;
    }
    const csp = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ${api}`,
      "worker-src 'self' blob:",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    response
      .writeHead(200, {
        'content-type': TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'cache-control': 'no-store',
        // Public files, as the server sends them: a booth-check page elsewhere may read them.
        'access-control-allow-origin': '*',
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(next, apiOrigin) {
      directory = next;
      api = apiOrigin;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
