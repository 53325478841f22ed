/**
 * @module Cross-origin access to the API for booths served from independent mirrors (spec
 * §10.7.4), and only for the origins the operator names (SCRUTINEER_BOOTH_ORIGINS): an allowed
 * origin's requests to `/api/` get `Access-Control-Allow-Origin` with that origin (never `*`,
 * never credentials: the booth sends its session as a bearer header, not a cookie), and its
 * preflights are answered here. Any other origin gets no CORS header, so its pages cannot read
 * an answer. The manifest alone is readable from any origin (`*`, no credentials): it is public,
 * the same for everyone, and what a booth-check page hosted anywhere compares the booth with.
 */
import type { FastifyInstance } from 'fastify';

const ALLOWED_HEADERS = 'authorization, content-type';
const ALLOWED_METHODS = 'GET, POST';

/** Parses a comma-separated origin list; throws on an entry that is not an origin. */
export function parseBoothOrigins(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const origin = new URL(entry).origin;
      if (origin !== entry) throw new Error(`not an origin (scheme://host[:port]): ${entry}`);
      return origin;
    });
}

const MANIFEST = /^\/api\/elections\/[a-z0-9-]+\/manifest$/;

export function allowBoothOrigins(app: FastifyInstance, origins: readonly string[]): void {
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined || !request.url.startsWith('/api/')) return;
    if (!allowed.has(origin)) {
      if (request.method === 'GET' && MANIFEST.test(request.url))
        reply.header('access-control-allow-origin', '*');
      return;
    }
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      await reply
        .code(204)
        .header('access-control-allow-methods', ALLOWED_METHODS)
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
