/**
 * @module The one client of the API, for the booth and the CLI: a call names an endpoint of the
 * table, is typed by it (path parameters, query, body, answer), and goes through the global
 * `fetch`. A success body is parsed with the endpoint's response schema (an answer that breaks
 * it is `client/invalid-response`, never passed on); a refusal becomes an {@link ApiError}
 * carrying the catalogue's code.
 */
import type { z } from 'zod';
import type { Endpoint, ResponseOf } from './endpoint.ts';
import { type EndpointName, type Endpoints, endpoints } from './endpoints.ts';
import {
  type ApiErrorCode,
  CLIENT_ERRORS,
  ERROR_CATALOGUE,
  errorResponse,
  isErrorCode,
} from './error-codes.ts';

/** A refusal from the server (its catalogue code) or from the client itself (`client/…`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The server's message (or the client's), without the code. */
  readonly detail: string;
  /** The server's Retry-After, in ms, on a 429 or 503. */
  readonly retryAfterMs: number | undefined;
  /**
   * True when the request certainly did nothing and may be sent again: a 429 or 503, or a
   * connection refused (a cut connection only for a read, since a write may have been acted on).
   */
  readonly transient: boolean;
  constructor(
    status: number,
    code: ApiErrorCode,
    detail?: string,
    options: { readonly retryAfterMs?: number | undefined; readonly transient?: boolean } = {}
  ) {
    const text =
      detail ?? (isErrorCode(code) ? ERROR_CATALOGUE[code][1] : CLIENT_ERRORS[code as never]);
    super(`${code}: ${text}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = text;
    this.retryAfterMs = options.retryAfterMs;
    this.transient = options.transient ?? (status === 429 || status === 503);
  }
}

/** A path or query value as a caller writes it: the number itself, or its decimal string. */
type Loose<T> = { readonly [K in keyof T]: T[K] | number };

/** What a call of endpoint `E` takes: its parameters, query and body, and the bearer token. */
export type CallArgs<E extends Endpoint> = (E['params'] extends z.ZodObject
  ? { readonly params: Loose<z.input<E['params']>> }
  : unknown) &
  (E['query'] extends z.ZodObject ? { readonly query: Loose<z.input<E['query']>> } : unknown) &
  (E['body'] extends z.ZodType ? { readonly body: z.input<E['body']> } : unknown) & {
    /** The session token or official's key, sent as `Authorization: Bearer …`. */
    readonly token?: string;
  };

export interface ApiClientOptions {
  /** The server's origin (and any prefix), e.g. `http://127.0.0.1:8080`; '' for the same origin. */
  readonly baseUrl?: string;
  /** Extra fetch options (the booth sends no cookies and wants no cached answer). */
  readonly init?: Omit<RequestInit, 'method' | 'headers' | 'body'>;
}

export interface ApiClient {
  readonly baseUrl: string;
  /** Calls endpoint `name`; resolves to its parsed answer, or throws an {@link ApiError}. */
  readonly call: <N extends EndpointName>(
    name: N,
    ...args: object extends CallArgs<Endpoints[N]>
      ? [args?: CallArgs<Endpoints[N]>]
      : [args: CallArgs<Endpoints[N]>]
  ) => Promise<ResponseOf<Endpoints[N]>>;
}

/** The path of a call: each `:name` replaced by its (encoded) value, then the query. */
export function endpointPath(
  spec: Endpoint,
  params: Readonly<Record<string, string | number>> = {},
  query: Readonly<Record<string, string | number | undefined>> = {}
): string {
  const path = spec.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${spec.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function refusalOf(status: number, text: string, retryAfter: string | null): ApiError {
  const retryAfterMs = parseRetryAfter(retryAfter);
  let value: unknown = null;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: a proxy's page, say.
  }
  const parsed = errorResponse.safeParse(value);
  if (parsed.success && isErrorCode(parsed.data.error.code))
    return new ApiError(status, parsed.data.error.code, parsed.data.error.message, {
      retryAfterMs,
    });
  return new ApiError(status, 'client/unexpected-status', `HTTP ${status}: ${text.slice(0, 200)}`, {
    retryAfterMs,
  });
}

function parseAnswer(spec: Endpoint, status: number, text: string): unknown {
  if (spec.response === undefined) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(status, 'client/invalid-response', `${spec.path}: the answer is not JSON`);
  }
  const parsed = spec.response.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : `/${issue.path.map(String).join('/')}`;
  throw new ApiError(
    status,
    'client/invalid-response',
    `${spec.path}: ${where}: ${issue?.message ?? 'does not match the contract'}`
  );
}

export function apiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  async function call(name: EndpointName, args: Record<string, unknown> = {}): Promise<unknown> {
    const spec: Endpoint = endpoints[name];
    const { params, query, body, token } = args as {
      params?: Record<string, string | number>;
      query?: Record<string, string | number | undefined>;
      body?: unknown;
      token?: string;
    };
    const headers: Record<string, string> = {};
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    // A POST without a body still sends JSON: the server takes application/json only.
    const payload =
      body !== undefined ? JSON.stringify(body) : spec.method === 'POST' ? '{}' : undefined;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const url = `${baseUrl}${endpointPath(spec, params, query)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        ...options.init,
        method: spec.method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
      });
    } catch (error) {
      // A refused connection sent nothing, so any request may go again (a restarting server); a
      // connection cut mid-request may have been acted on, so only a read, or a write the
      // contract calls idempotent, may go again then.
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new ApiError(
        0,
        'client/unreachable',
        `cannot reach ${baseUrl === '' ? 'the server' : baseUrl}: ${(error as Error).message}`,
        { transient: cause === 'ECONNREFUSED' || spec.method === 'GET' || spec.idempotent === true }
      );
    }
    const text = await response.text();
    if (!response.ok) throw refusalOf(response.status, text, response.headers.get('retry-after'));
    return parseAnswer(spec, response.status, text);
  }
  return { baseUrl, call: call as ApiClient['call'] };
}
