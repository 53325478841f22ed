/**
 * @module How the server implements the endpoint table of @scrutineer/api-contract: each route
 * names its endpoint and gives a handler typed by it (parsed parameters, query and body in, the
 * endpoint's response out), and `registerRoutes` registers them all with fastify: strict parsing
 * through the contract's schemas, one error path, and the caller's audience checked by one gate
 * per audience (audiences.ts) before the body is read. Under test it also checks every answer
 * against the endpoint's response schema, so a handler that breaks the contract fails loudly.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type Audience,
  type BodyOf,
  type Endpoint,
  type EndpointName,
  type Endpoints,
  type ParamsOf,
  type QueryOf,
  type ResponseInput,
  endpointList,
  endpoints,
} from '@scrutineer/api-contract';
import type { Session } from '../auth/hmac-stamps.ts';
import { ServiceError } from '../http-errors.ts';

/** What an audience's gate sees: the request's headers, no body yet. */
export interface GateRequest {
  readonly params: Record<string, string>;
  readonly bearer: string | undefined;
  /** The client's address (through the trusted proxies only: client-address.ts). */
  readonly ip: string;
  /** The raw request, for the gates that look at the connection itself (metrics). */
  readonly raw: FastifyRequest;
}

/**
 * The check of each audience, run before the body is read or parsed (an `onRequest` hook): a
 * refusal here costs the server no body bytes, so an outsider cannot make it read megabytes (F8).
 * The voter's gate answers the session it checked.
 */
export type AudienceGates = {
  readonly [A in Audience]: (request: GateRequest) => Promise<A extends 'voter' ? Session : void>;
};

export interface ParsedRequest<E extends Endpoint> {
  readonly params: ParamsOf<E>;
  readonly query: QueryOf<E>;
  readonly body: BodyOf<E>;
  /** The bearer token or key of the Authorization header, if any. */
  readonly bearer: string | undefined;
  readonly ip: string;
  /** The signed-in member's session, checked by the voter gate (voter endpoints only). */
  readonly session: E['audience'] extends 'voter' ? Session : undefined;
}

/** A handler of endpoint `E`: its answer is the endpoint's response (any text if not JSON). */
export type Handler<E extends Endpoint> = (
  request: ParsedRequest<E>,
  reply: FastifyReply
) => Promise<ResponseInput<E>>;

export interface RouteSpec {
  readonly name: EndpointName;
  readonly endpoint: Endpoint;
  /** Per-route rate limit, requests per minute per IP. */
  readonly perMinute?: number | undefined;
  /** This route's body limit in bytes, instead of its audience's. */
  readonly bodyLimit?: number | undefined;
  /** A check of this route's own, run after the audience's gate and before the body is read. */
  readonly beforeBody?: ((request: GateRequest) => Promise<void>) | undefined;
  readonly handler: Handler<Endpoint>;
}

/** The server's implementation of endpoint `name` (erased to {@link RouteSpec} for the list). */
export function implement<N extends EndpointName>(
  name: N,
  handler: Handler<Endpoints[N]>,
  options: {
    readonly perMinute?: number;
    readonly bodyLimit?: number;
    readonly beforeBody?: (request: GateRequest) => Promise<void>;
  } = {}
): RouteSpec {
  return { name, endpoint: endpoints[name], ...options, handler: handler };
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

/** A handler's answer that breaks its endpoint's response schema or status (a server bug). */
export class ContractBreach extends Error {
  constructor(name: string, detail: string) {
    super(`the answer of ${name} breaks the API contract: ${detail}`);
    this.name = 'ContractBreach';
  }
}

/** Checks an answer as the client will read it: the JSON text, through the response schema. */
function checkAnswer(route: RouteSpec, status: number, result: unknown): void {
  const spec = route.endpoint;
  const statuses = [spec.status ?? 200, ...(spec.alsoStatus ?? [])];
  if (!statuses.includes(status))
    throw new ContractBreach(route.name, `status ${status}, not ${statuses.join(' or ')}`);
  if (spec.response === undefined) return;
  const parsed = spec.response.safeParse(JSON.parse(JSON.stringify(result ?? null)));
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : `/${issue.path.map(String).join('/')}`;
  throw new ContractBreach(route.name, `${where}: ${issue?.message ?? 'invalid'}`);
}

export interface RegisterOptions {
  readonly gates: AudienceGates;
  /** The body limit of a route without its own, by its audience. */
  readonly bodyLimit: (audience: Audience) => number;
  /** Check every answer against its endpoint's response schema (tests: build-app.ts). */
  readonly checkResponses: boolean;
}

/** Every endpoint of the table needs exactly one route; a missing or extra one is a startup error. */
function checkCoverage(routes: readonly RouteSpec[]): void {
  const implemented = new Map<string, number>();
  for (const route of routes) implemented.set(route.name, (implemented.get(route.name) ?? 0) + 1);
  for (const [name] of endpointList()) {
    const count = implemented.get(name) ?? 0;
    if (count !== 1) throw new Error(`endpoint ${name} has ${count} implementations, not 1`);
  }
}

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly RouteSpec[],
  options: RegisterOptions
): void {
  checkCoverage(routes);
  const sessions = new WeakMap<FastifyRequest, Session>();
  const paramsOf = (spec: Endpoint, request: FastifyRequest): Record<string, string> =>
    (spec.params === undefined
      ? {}
      : parseWith(spec.params, request.params, 'parameter')) as Record<string, string>;
  for (const route of routes) {
    const spec = route.endpoint;
    const gate = options.gates[spec.audience] as (request: GateRequest) => Promise<Session | void>;
    app.route({
      method: spec.method,
      url: spec.path,
      bodyLimit: route.bodyLimit ?? options.bodyLimit(spec.audience),
      onRequest: async (request: FastifyRequest) => {
        const gateRequest: GateRequest = {
          params: paramsOf(spec, request),
          bearer: bearerOf(request),
          ip: request.ip,
          raw: request,
        };
        const session = await gate(gateRequest);
        if (session !== undefined) sessions.set(request, session);
        await route.beforeBody?.(gateRequest);
      },
      config:
        route.perMinute === undefined
          ? {}
          : { rateLimit: { max: route.perMinute, timeWindow: 60_000 } },
      handler: async (request, reply) => {
        const parsed = {
          params: paramsOf(spec, request),
          query: spec.query === undefined ? {} : parseWith(spec.query, request.query, 'parameter'),
          body: spec.body === undefined ? undefined : parseWith(spec.body, request.body, 'body'),
          bearer: bearerOf(request),
          ip: request.ip,
          session: sessions.get(request),
        } as ParsedRequest<Endpoint>;
        // The endpoint's status, unless the handler answers another it may (a resubmission's 200).
        reply.code(spec.status ?? 200);
        if (spec.contentType !== undefined) reply.type(spec.contentType);
        const result = await route.handler(parsed, reply);
        if (options.checkResponses) checkAnswer(route, reply.statusCode, result);
        return result;
      },
    });
  }
}
