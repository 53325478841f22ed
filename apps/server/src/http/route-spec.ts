/**
 * @module The shape of every route: method, path, who may call it, zod schemas for its parameters,
 * query and body, a documented response, and a thin handler. Routes are data, so the same table
 * registers them with fastify (strict parsing, one error path) and generates the OpenAPI document
 * (openapi.ts): the description cannot drift from what is enforced.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ServiceError } from '../http-errors.ts';

export type Audience = 'public' | 'voter' | 'officer' | 'trustee' | 'operator';

export interface ParsedRequest<
  P = Record<string, string>,
  Q = Record<string, unknown>,
  B = unknown,
> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The bearer token or key of the Authorization header, if any. */
  readonly bearer: string | undefined;
  readonly ip: string;
}

/** What a route's `authorize` sees: no body yet. */
export interface AuthorizeRequest {
  readonly params: Record<string, string>;
  readonly bearer: string | undefined;
  /** The Content-Length header, if any (a chunked body has none: the route's body limit applies). */
  readonly contentLength: number | undefined;
  /** The client's address (through the trusted proxies only: client-address.ts). */
  readonly ip: string;
}

export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly summary: string;
  readonly audience: Audience;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The success body, for the OpenAPI document. */
  readonly response?: z.ZodType;
  /** Success status (default 200). */
  readonly status?: number;
  /** Success content type (default application/json). */
  readonly contentType?: string;
  /** Per-route rate limit, requests per minute per IP. */
  readonly perMinute?: number;
  /** This route's body limit in bytes, instead of its audience's. */
  readonly bodyLimit?: number;
  /**
   * Checked before the body is read or parsed (an `onRequest` hook): the caller's key or session,
   * and anything else that can refuse a request from its headers alone. A refusal here costs the
   * server no body bytes, so an unauthenticated client cannot make it read and parse megabytes.
   */
  readonly authorize?: (request: AuthorizeRequest) => Promise<void>;
  readonly handler: (
    request: ParsedRequest<never, never, never>,
    reply: FastifyReply
  ) => Promise<unknown>;
}

/** A route with typed handler arguments; erased to {@link RouteSpec} for the table. */
export function route<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
>(spec: {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  audience: Audience;
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  status?: number;
  contentType?: string;
  perMinute?: number;
  bodyLimit?: number;
  authorize?: (request: {
    readonly params: P extends z.ZodObject ? z.infer<P> : Record<string, never>;
    readonly bearer: string | undefined;
    readonly contentLength: number | undefined;
    readonly ip: string;
  }) => Promise<void>;
  handler: (
    request: ParsedRequest<
      P extends z.ZodObject ? z.infer<P> : Record<string, never>,
      Q extends z.ZodObject ? z.infer<Q> : Record<string, never>,
      B extends z.ZodType ? z.infer<B> : undefined
    >,
    reply: FastifyReply
  ) => Promise<unknown>;
}): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** zod failure → `request/unknown-field` for a strict object's extra key, else `request/invalid-*`. */
function parseWith(schema: z.ZodType, value: unknown, where: 'body' | 'parameter'): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? '' : `/${issue.path.map(String).join('/')}`;
  if (issue?.code === 'unrecognized_keys') {
    throw new ServiceError(
      'request/unknown-field',
      `${path === '/' ? '' : path}: unknown field(s) ${issue.keys.join(', ')}`
    );
  }
  const code = where === 'body' ? 'request/invalid-body' : 'request/invalid-parameter';
  throw new ServiceError(code, `${path}: ${issue?.message ?? 'invalid'}`);
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([\x21-\x7e]{1,4096})$/.exec(header);
  return match?.[1];
}

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly RouteSpec[],
  bodyLimit: (spec: RouteSpec) => number
): void {
  for (const spec of routes) {
    const authorize = spec.authorize;
    app.route({
      method: spec.method,
      url: spec.url,
      bodyLimit: spec.bodyLimit ?? bodyLimit(spec),
      ...(authorize === undefined
        ? {}
        : {
            onRequest: async (request: FastifyRequest) => {
              const length = request.headers['content-length'];
              await authorize({
                params: (spec.params === undefined
                  ? {}
                  : parseWith(spec.params, request.params, 'parameter')) as Record<string, string>,
                bearer: bearerOf(request),
                contentLength: length === undefined ? undefined : Number(length),
                ip: request.ip,
              });
            },
          }),
      config:
        spec.perMinute === undefined
          ? {}
          : { rateLimit: { max: spec.perMinute, timeWindow: 60_000 } },
      handler: async (request, reply) => {
        const parsed: ParsedRequest<never, never, never> = {
          params: (spec.params === undefined
            ? {}
            : parseWith(spec.params, request.params, 'parameter')) as never,
          query: (spec.query === undefined
            ? {}
            : parseWith(spec.query, request.query, 'parameter')) as never,
          body: (spec.body === undefined
            ? undefined
            : parseWith(spec.body, request.body, 'body')) as never,
          bearer: bearerOf(request),
          ip: request.ip,
        };
        const result = await spec.handler(parsed, reply);
        if (reply.sent) return reply;
        reply.code(spec.status ?? 200);
        if (spec.contentType !== undefined) reply.type(spec.contentType);
        return result;
      },
    });
  }
}
