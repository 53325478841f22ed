/**
 * @module Hostile-input helper: one request through fastify's `inject` (the whole HTTP stack —
 * content-type parsing, body limit, rate limits, schemas, error handler — without a socket), with
 * the raw body and headers under the caller's control, answered with its status, code, body, wall
 * time and CPU time.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { signSignIn } from '@scrutineer/record';
import { type TestElection, type TestVoter, testGroup } from '@scrutineer/testkit';

export interface HostileRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Sent as a bearer token. */
  readonly token?: string;
  /** Serialised with JSON.stringify unless `raw` is given. */
  readonly body?: unknown;
  /** The exact body text (truncated, nested, padded …). */
  readonly raw?: string;
  /** Defaults to application/json when there is a body; null sends none. */
  readonly contentType?: string | null;
}

export interface Injected {
  readonly status: number;
  /** The catalogue code of an error body, if any. */
  readonly code: string | undefined;
  readonly body: unknown;
  /** Wall time of the request, milliseconds. */
  readonly ms: number;
  /**
   * CPU time of this process during the request, milliseconds: the server's own cost of the
   * rejection (requests run one at a time in process, so nothing else is counted but GC).
   */
  readonly cpuMs: number;
}

export async function inject(app: FastifyInstance, request: HostileRequest): Promise<Injected> {
  const payload =
    request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
  const contentType =
    request.contentType === undefined
      ? payload === undefined
        ? null
        : 'application/json'
      : request.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await app.inject({
    method: request.method,
    url: request.url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  let body: unknown = response.body;
  try {
    body = JSON.parse(response.body) as unknown;
  } catch {
    // Not JSON: keep the text (a refusal must be JSON, which the caller's check then fails).
  }
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  return { status: response.statusCode, code, body, ms, cpuMs };
}

/** The sign-in request body for `voter`, with a fresh board challenge. */
export async function signInBody(
  app: FastifyInstance,
  election: Pick<TestElection, 'electionId' | 'manifestHash'>,
  voter: Pick<TestVoter, 'credential' | 'answers'>,
  secretKey: bigint
): Promise<{
  credential: string;
  answers: Record<string, string>;
  challenge: string;
  signature: string;
}> {
  const issued = await inject(app, {
    method: 'GET',
    url: `/api/elections/${election.electionId}/sign-in/challenge`,
  });
  const { challenge } = issued.body as { challenge: string };
  const signature = signSignIn(
    await testGroup(),
    election.manifestHash,
    election.electionId,
    challenge,
    voter.answers,
    secretKey
  );
  return { credential: voter.credential, answers: { ...voter.answers }, challenge, signature };
}

/** Signs `voter` in and returns the session token; throws if sign-in fails. */
export async function signInToken(
  app: FastifyInstance,
  election: TestElection,
  voter: TestVoter
): Promise<string> {
  const response = await inject(app, {
    method: 'POST',
    url: `/api/elections/${election.electionId}/sign-in`,
    body: await signInBody(app, election, voter, voter.secretKey),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return (response.body as { token: string }).token;
}
