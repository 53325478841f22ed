/**
 * @module What one endpoint of the API is (the role of Belenios' `endpoints.mli`): its method and
 * path, who may call it, the zod schemas of its path parameters, query and body, the schema of its
 * success body, and the error codes it may answer. The server registers its routes from these
 * entries, the client calls them, and the OpenAPI document is generated from them, so the three
 * cannot disagree.
 */
import type { z } from 'zod';
import type { ErrorCode } from './error-codes.ts';

/**
 * Who may call an endpoint. The server checks this in one place (a hook keyed by the audience,
 * before the body is read), never in the handler.
 */
export const AUDIENCES = {
  public: 'anyone',
  voter: 'a member signed in to this election (the session token from sign-in, as a bearer token)',
  officer: "the election's returning officer (its admin key, as a bearer token)",
  trustee:
    'a trustee of this election, authenticated by its signature inside the body (spec §9.5); the election must exist before the body is read',
  mixer:
    'a mix server of this election, authenticated by its signature inside the body (spec §11.8: over its whole mix, or over its staging request), checked before any other work; the election must exist before the body is read',
  operator: "the server's operator (the operator key, as a bearer token)",
  metrics: 'the monitoring system (the metrics token, or a direct request from the host itself)',
} as const;
export type Audience = keyof typeof AUDIENCES;

/**
 * The refusals the audience check itself can answer, whatever the endpoint: each endpoint may
 * answer its audience's codes as well as its own {@link Endpoint.errors} and {@link COMMON_ERRORS}.
 */
export const AUDIENCE_ERRORS: Record<Audience, readonly ErrorCode[]> = {
  public: [],
  voter: ['auth/missing-token', 'auth/invalid-token', 'auth/token-expired', 'election/not-found'],
  officer: ['auth/admin-required', 'election/not-found'],
  trustee: ['election/not-found', 'trustee/unknown', 'trustee/invalid-signature'],
  mixer: ['election/not-found', 'mix/invalid-signature'],
  operator: ['auth/operator-required', 'auth/election-creation-disabled'],
  metrics: ['auth/metrics-token-required'],
};

/** Refusals any endpoint may answer: a malformed request, too many requests, the server's state. */
export const COMMON_ERRORS: readonly ErrorCode[] = [
  'request/body-too-large',
  'request/unknown-field',
  'request/invalid-body',
  'request/invalid-json',
  'request/unsupported-media-type',
  'request/invalid-parameter',
  'request/rate-limited',
  'server/internal-error',
  'server/unavailable',
];

export interface Endpoint {
  readonly method: 'GET' | 'POST';
  /** The path, with `:name` for each path parameter (fastify's syntax). */
  readonly path: `/${string}`;
  readonly summary: string;
  readonly audience: Audience;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The JSON success body; absent for an endpoint that answers other text (record files). */
  readonly response?: z.ZodType;
  /** Success status (default 200). */
  readonly status?: number;
  /** Other success statuses the endpoint may answer (a resubmission's 200 after a 201). */
  readonly alsoStatus?: readonly number[];
  /** Success content type (default application/json). */
  readonly contentType?: string;
  /** The refusals of this endpoint beyond its audience's and the common ones. */
  readonly errors: readonly ErrorCode[];
  /**
   * A write that may be sent again after its connection was cut mid-request: sending it twice
   * changes no more than sending it once (a client retries it as it retries a read).
   */
  readonly idempotent?: boolean;
}

/** An entry of the table, its literal types kept so that the server and the client are typed by it. */
export function endpoint<const E extends Endpoint>(spec: E): E {
  return spec;
}

/** Every error code an endpoint may answer: its own, its audience's and the common ones. */
export function errorsOf(spec: Endpoint): readonly ErrorCode[] {
  return [...new Set([...spec.errors, ...AUDIENCE_ERRORS[spec.audience], ...COMMON_ERRORS])];
}

type Parsed<S, Otherwise> = S extends z.ZodType ? z.output<S> : Otherwise;

/** An endpoint's path parameters, query and body as the server sees them once parsed. */
export type ParamsOf<E extends Endpoint> = Parsed<E['params'], Record<string, never>>;
export type QueryOf<E extends Endpoint> = Parsed<E['query'], Record<string, never>>;
export type BodyOf<E extends Endpoint> = Parsed<E['body'], undefined>;

/**
 * An endpoint's success body: the parsed JSON of its response schema, or the text of a
 * non-JSON answer. A handler returns {@link ResponseInput}; a client gets this.
 */
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : string;
export type ResponseInput<E extends Endpoint> = E['response'] extends z.ZodType
  ? Frozen<z.input<E['response']>>
  : unknown;

/** `T` with every array and object read-only (a handler may answer its read-only values as they are). */
type Frozen<T> = T extends readonly (infer U)[]
  ? readonly Frozen<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;
