/**
 * @module Serves the built voter web app (apps/web/dist, `npm run build -w @scrutineer/web`):
 * `/assets/*` (hashed, immutable files) and the app's HTML for `/elections/:electionId` and its
 * pages, and the home page `/` (the list of elections), under `PAGE_CSP` (same-origin scripts, styles and workers only; no inline code) and
 * `PAGE_PERMISSIONS_POLICY` (this origin's camera, for the pack's QR code). The
 * HTML already carries Subresource Integrity for its script and stylesheet, and `/booth-digest.json`
 * lists every file served here (spec §10.7.1). All of it is public and the same for everyone, so
 * any origin may read it (`Access-Control-Allow-Origin: *`, no credentials): a booth-check page
 * hosted elsewhere fetches it to compare (spec §10.7.5). Without a build the
 * routes answer 404, so the API works without the web app.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../http-errors.ts';
import { PAGE_CSP, PAGE_PERMISSIONS_POLICY } from './security-headers.ts';

// Found through the server's declared dependency on @scrutineer/web (its `exports` publishes the
// build as `./dist/*`), not a path between folders, so `npm run boundaries` sees the edge.
const DEFAULT_DIST = fileURLToPath(
  new URL('./', import.meta.resolve('@scrutineer/web/dist/index.html'))
);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  json: 'application/json',
  wasm: 'application/wasm', // the verifier's ristretto255 backend (spec §2.9)
};

const ASSET_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css|svg|png|woff2|json|wasm)$/;
const PAGES = new Set(['tracker', 'pack', 'turnout', 'result', 'board', 'verify', 'roll']);

export function registerWebPages(app: FastifyInstance, distDirectory = DEFAULT_DIST): void {
  const cache = new Map<string, Buffer | null>();
  const load = async (relative: string): Promise<Buffer | null> => {
    if (!cache.has(relative)) {
      try {
        cache.set(relative, await readFile(distDirectory + relative));
      } catch {
        // Not cached on failure: a build made after start is picked up.
        return null;
      }
    }
    return cache.get(relative) ?? null;
  };
  const notFound = (reply: FastifyReply): FastifyReply =>
    reply.code(404).send(errorBody('request/not-found'));

  const page = async (reply: FastifyReply): Promise<FastifyReply> => {
    const html = await load('index.html');
    if (html === null) return notFound(reply);
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-security-policy', PAGE_CSP)
      .header('permissions-policy', PAGE_PERMISSIONS_POLICY)
      .header('content-type', CONTENT_TYPES['html'])
      .send(html);
  };

  // The home page lists the server's elections (the web app renders it from /api/elections).
  app.get('/', (_request, reply) => page(reply));
  app.get('/elections/:electionId', (_request, reply) => page(reply));
  // The returning officer's console (spec §10.8): the same app; the key never enters a URL.
  app.get('/console', (_request, reply) => page(reply));
  app.get('/console/:electionId', (_request, reply) => page(reply));
  app.get<{ Params: { electionId: string; page: string } }>(
    '/elections/:electionId/:page',
    (request, reply) => (PAGES.has(request.params.page) ? page(reply) : notFound(reply))
  );
  // Browsers ask for it on every page; the build copies it from apps/web/public. It is a file of
  // the booth (§10.7.1), so readable from any origin like the others, for booth-check pages.
  app.get('/favicon.ico', async (_request, reply) => {
    const body = await load('favicon.ico');
    if (body === null) return notFound(reply);
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-type', 'image/x-icon')
      .header('cache-control', 'public, max-age=86400')
      .send(body);
  });
  // A trustee's page (spec §7.9.2): the ceremony, rehearsal and decryption share in the browser.
  app.get('/trustee/:electionId/:trustee', (_request, reply) => page(reply));
  // Spec §10.7.1: the booth digest and its files, for booth-check to name a file that differs.
  app.get('/booth-digest.json', async (_request, reply) => {
    const body = await load('booth-digest.json');
    if (body === null) return notFound(reply);
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-type', CONTENT_TYPES['json'])
      .send(body);
  });
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const match = ASSET_NAME.exec(request.params.file);
    const extension = match?.[1];
    if (extension === undefined) return notFound(reply);
    const body = await load(`assets/${request.params.file}`);
    if (body === null) return notFound(reply);
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-type', CONTENT_TYPES[extension])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', PAGE_CSP)
      .send(body);
  });
}
