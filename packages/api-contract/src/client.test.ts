import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ApiError, apiClient } from './index.ts';

/** A loopback server that answers each path as the test says. */
const answers = new Map<string, { status: number; body: string; type?: string }>();
let seen: { method: string; url: string; authorization?: string; body: string }[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      ...(request.headers.authorization === undefined
        ? {}
        : { authorization: request.headers.authorization }),
      body,
    });
    const answer = answers.get(request.url ?? '') ?? { status: 404, body: 'no such page' };
    response.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
    response.end(answer.body);
  });
});
let baseUrl = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

describe('the contract client', () => {
  it('calls by endpoint name and parses the answer with its schema', async () => {
    answers.set('/api/elections/e-1/turnout', {
      status: 200,
      body: JSON.stringify({ online: 2, postal: 1, total: 3, eligible: 5, stage: 'open' }),
    });
    seen = [];
    const turnout = await apiClient({ baseUrl }).call('turnout', {
      params: { electionId: 'e-1' },
      token: 'secret',
    });
    assert.deepEqual(turnout, { online: 2, postal: 1, total: 3, eligible: 5, stage: 'open' });
    assert.deepEqual(seen, [
      {
        method: 'GET',
        url: '/api/elections/e-1/turnout',
        authorization: 'Bearer secret',
        body: '',
      },
    ]);
  });

  it('refuses an answer that breaks the contract', async () => {
    answers.set('/api/elections/e-2/turnout', {
      status: 200,
      body: JSON.stringify({ online: 'two', postal: 1, total: 3, eligible: 5, stage: 'open' }),
    });
    await assert.rejects(
      apiClient({ baseUrl }).call('turnout', { params: { electionId: 'e-2' } }),
      (error: unknown) =>
        error instanceof ApiError &&
        error.code === 'client/invalid-response' &&
        /\/online/.test(error.detail)
    );
  });

  it('maps an error body to its catalogue code, and anything else to client codes', async () => {
    answers.set('/api/elections/e-3/close', {
      status: 401,
      body: JSON.stringify({ error: { code: 'auth/admin-required', message: 'no' } }),
    });
    const client = apiClient({ baseUrl });
    await assert.rejects(
      client.call('close', { params: { electionId: 'e-3' } }),
      (error: unknown) =>
        error instanceof ApiError && error.code === 'auth/admin-required' && error.status === 401
    );
    assert.equal(seen.at(-1)?.body, '{}', 'a POST without a body sends JSON');
    await assert.rejects(
      client.call('close', { params: { electionId: 'e-4' } }),
      (error: unknown) =>
        error instanceof ApiError &&
        error.code === 'client/unexpected-status' &&
        error.status === 404
    );
    await assert.rejects(
      apiClient({ baseUrl: 'http://127.0.0.1:9' }).call('health'),
      (error: unknown) => error instanceof ApiError && error.code === 'client/unreachable'
    );
  });

  it('returns the text of an endpoint that does not answer JSON', async () => {
    answers.set('/api/elections/e-5/record/board.jsonl', {
      status: 200,
      body: '{"a":1}\n',
      type: 'application/jsonl',
    });
    const text = await apiClient({ baseUrl }).call('recordBoard', {
      params: { electionId: 'e-5' },
    });
    assert.equal(text, '{"a":1}\n');
  });
});
