/**
 * @module Security headers on every response. The API answers JSON and text only, so its CSP
 * forbids everything; `PAGE_CSP` is the strict policy for the booth's pages (same-origin scripts
 * and styles only, no inline code, no framing), for the web app to serve them under.
 */
import type { FastifyInstance } from 'fastify';

export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'", // compiling the verifier's WebAssembly (spec §2.9); no eval
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // blob: for the booth's workers, started from bytes checked against their integrity (spec §10.7.3).
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  'upgrade-insecure-requests',
].join('; ');

/**
 * The booth's pages may use this origin's camera, to read the voting code from the pack's QR code
 * (nothing else: no microphone, location or payment); the API keeps `camera=()`.
 */
export const PAGE_PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=()';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': API_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'cache-control': 'no-store',
};

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
}
