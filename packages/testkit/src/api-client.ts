/**
 * @module Test helper: talks to a running server over real HTTP (fetch on loopback), the way the
 * booth and the officer CLI will: JSON in, `{ status, body }` out, with bodies read through the
 * API's own response schemas (so every test also checks the documented shapes), and voter
 * sign-in done properly (challenge, credential signature, answers).
 */
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { type Ballot, type BoardEvent, parseBoardEvent } from '@scrutineer/record';
import { signSignIn } from '@scrutineer/record';
import {
  challengeResponse,
  credentialReportSchema,
  errorResponse,
  eventPageSchema,
  eventSchema,
  receiptSchema,
  signInResponse,
  summarySchema,
} from '@scrutineer/api-contract';
import type { RunningServer } from '@scrutineer/server';
import { honestBallot } from './ballot-forgery.ts';
import type { TestElection, TestVoter } from './test-election.ts';
import { testGroup } from './test-election.ts';

export interface ApiResponse {
  readonly status: number;
  /** Parsed JSON, or the text for other content types. */
  readonly body: unknown;
  readonly headers: Headers;
}

type Target = Pick<RunningServer, 'url'>;

export async function api(
  target: Target,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; token?: string; rawBody?: string } = {}
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${target.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const json =
    /^application\/json\b(?!l)/.test(response.headers.get('content-type') ?? '') && text !== '';
  return {
    status: response.status,
    body: json ? (JSON.parse(text) as unknown) : text,
    headers: response.headers,
  };
}

/** The body read through `schema`; fails the test if it does not match. */
export function bodyAs<S extends z.ZodType>(schema: S, response: ApiResponse): z.infer<S> {
  const parsed = schema.safeParse(response.body);
  assert.ok(
    parsed.success,
    `unexpected body (${response.status}): ${JSON.stringify(response.body)}`
  );
  return parsed.data;
}

/** The error code of a refusal, or undefined for a success. */
export function errorCode(response: ApiResponse): string | undefined {
  const parsed = errorResponse.safeParse(response.body);
  return parsed.success ? parsed.data.error.code : undefined;
}

/** The text of a non-JSON answer. */
export function textOf(response: ApiResponse): string {
  assert.equal(typeof response.body, 'string');
  return response.body as string;
}

/**
 * A voter's sign-in request as the booth sends it: a fresh challenge from the board, signed with
 * the credential key over the answers given (a test may capture it and send it as it likes).
 */
export async function signedSignInRequest(
  target: Target,
  election: Pick<TestElection, 'electionId' | 'manifestHash'>,
  voter: Pick<TestVoter, 'secretKey' | 'credential'> & {
    readonly answers: Readonly<Record<string, string>>;
  }
): Promise<{
  credential: string;
  answers: Readonly<Record<string, string>>;
  challenge: string;
  signature: string;
}> {
  const group = await testGroup();
  const base = `/api/elections/${election.electionId}`;
  const { challenge } = bodyAs(
    challengeResponse,
    await api(target, 'GET', `${base}/sign-in/challenge`)
  );
  const signature = signSignIn(
    group,
    election.manifestHash,
    election.electionId,
    challenge,
    voter.answers,
    voter.secretKey
  );
  return { credential: voter.credential, answers: voter.answers, challenge, signature };
}

export async function signInVoter(
  target: Target,
  election: Pick<TestElection, 'electionId' | 'manifestHash'>,
  voter: Pick<TestVoter, 'secretKey' | 'credential'> & {
    readonly answers: Readonly<Record<string, string>>;
  }
): Promise<ApiResponse> {
  return api(target, 'POST', `/api/elections/${election.electionId}/sign-in`, {
    body: await signedSignInRequest(target, election, voter),
  });
}

/** Signs in and returns the session token; throws if sign-in fails. */
export async function sessionFor(
  target: Target,
  election: TestElection,
  voter: TestVoter
): Promise<string> {
  const response = await signInVoter(target, election, voter);
  if (response.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return bodyAs(signInResponse, response).token;
}

export function castBallotRequest(
  target: Target,
  electionId: string,
  token: string,
  ballot: Ballot | Record<string, unknown>
): Promise<ApiResponse> {
  return api(target, 'POST', `/api/elections/${electionId}/ballots`, { token, body: { ballot } });
}

/** Casts an honest ballot of `voter`'s (option `choice` in every contest) with its session token. */
export function castHonestBallot(
  target: Target,
  election: Pick<TestElection, 'electionId' | 'setup'>,
  token: string,
  voter: TestVoter,
  choice = 0
): Promise<ApiResponse> {
  return castBallotRequest(
    target,
    election.electionId,
    token,
    honestBallot(election.setup, voter, choice).ballot
  );
}

export type Receipt = z.infer<typeof receiptSchema>;

export function receiptOf(response: ApiResponse): Receipt {
  return bodyAs(receiptSchema, response);
}

export async function headHash(
  target: Target,
  electionId: string
): Promise<{ size: number; headHash: string }> {
  const { size, headHash } = bodyAs(
    summarySchema,
    await api(target, 'GET', `/api/elections/${electionId}`)
  );
  return { size, headHash };
}

/** The board event at `position`, parsed by the record's own decoder. */
export async function eventAt(
  target: Target,
  electionId: string,
  position: number
): Promise<{ event: BoardEvent; line: string; hash: string }> {
  const { event, line, hash } = bodyAs(
    eventSchema,
    await api(target, 'GET', `/api/elections/${electionId}/events/${position}`)
  );
  const parsed = parseBoardEvent(event);
  assert.ok(parsed.ok);
  return { event: parsed.value, line, hash };
}

/** Every board event, parsed. */
export async function allEvents(target: Target, electionId: string): Promise<BoardEvent[]> {
  const page = bodyAs(
    eventPageSchema,
    await api(target, 'GET', `/api/elections/${electionId}/events?from=0&limit=1000`)
  );
  return page.events.map((event) => {
    const parsed = parseBoardEvent(event);
    assert.ok(parsed.ok);
    return parsed.value;
  });
}

/**
 * The two questions refusal tests keep asking, bound to a server that a `before` hook starts:
 * `expectRefusal` sends a request and asserts its error code and status and that the board head
 * did not move; `me` reads the signed-in member's credential report.
 */
export function refusalChecks(server: () => Target): {
  readonly expectRefusal: (
    election: TestElection,
    send: () => Promise<ApiResponse>,
    code: string,
    status: number
  ) => Promise<void>;
  readonly me: (
    electionId: string,
    token: string
  ) => Promise<z.infer<typeof credentialReportSchema>>;
} {
  return {
    async expectRefusal(election, send, code, status) {
      const before = await headHash(server(), election.electionId);
      const response = await send();
      assert.equal(errorCode(response), code, JSON.stringify(response.body));
      assert.equal(response.status, status);
      assert.deepEqual(
        await headHash(server(), election.electionId),
        before,
        `${code}: the board head moved`
      );
    },
    me: async (electionId, token) =>
      bodyAs(
        credentialReportSchema,
        await api(server(), 'GET', `/api/elections/${electionId}/me`, { token })
      ),
  };
}
