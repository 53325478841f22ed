/**
 * The clients' one retry policy (retry.ts) against a real HTTP server on loopback: a 429 or 503
 * with Retry-After is waited out (never sooner than it says) and the request goes through; any
 * other refusal is final at once; a wait is capped, and the policy gives up only after its limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, ServerClient } from './server-client.ts';
import { Backoff, parseRetryAfter, retryDelay } from './retry.ts';

const APPENDED = { position: 7, hash: 'ab'.repeat(32) };
/** An officer's POST through the contract's client (the scripted server answers any path). */
const cancel = (client: ServerClient) =>
  client.call('cancel', { params: { electionId: 'e' }, token: 'k', body: { reason: 'test' } });

/** A server answering each request with the next of `answers` (the last one repeats). */
async function scripted(
  answers: readonly { status: number; retryAfter?: string }[]
): Promise<{ url: string; server: Server; times: number[] }> {
  const times: number[] = [];
  const server = createServer((_request, response) => {
    const answer = answers[Math.min(times.length, answers.length - 1)] ?? { status: 500 };
    times.push(Date.now());
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (answer.retryAfter !== undefined) headers['retry-after'] = answer.retryAfter;
    response.writeHead(answer.status, headers);
    // A 200 is an `appended` answer (what an officer's POST gets); a refusal, a catalogue code.
    const code = answer.status === 400 ? 'request/invalid-body' : 'server/unavailable';
    response.end(
      answer.status === 200
        ? JSON.stringify(APPENDED)
        : JSON.stringify({ error: { code, message: 'scripted' } })
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, times };
}

test('a 429 and a 503 with Retry-After are waited out, never sooner, and the request goes through', async () => {
  const { url, server, times } = await scripted([
    { status: 429, retryAfter: '1' },
    { status: 503, retryAfter: '1' },
    { status: 200 },
  ]);
  const waits: number[] = [];
  try {
    const client = new ServerClient(url, { onWait: (ms) => waits.push(ms) });
    assert.deepEqual(await cancel(client), APPENDED);
    assert.equal(times.length, 3);
    assert.equal(waits.length, 2);
    for (let i = 1; i < times.length; i++)
      assert.ok((times[i] ?? 0) - (times[i - 1] ?? 0) >= 990, `retry ${i} waited Retry-After`);
  } finally {
    server.close();
  }
});

test('a refusal of the request itself (400) is final at once; a POST is retried after a 429', async () => {
  const refused = await scripted([{ status: 400 }]);
  try {
    const error = await cancel(new ServerClient(refused.url)).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError && error.code === 'request/invalid-body');
    assert.equal(refused.times.length, 1);
  } finally {
    refused.server.close();
  }
  const limited = await scripted([{ status: 429, retryAfter: '0' }, { status: 200 }]);
  try {
    const client = new ServerClient(limited.url, { onWait: () => undefined });
    assert.deepEqual(await cancel(client), APPENDED);
  } finally {
    limited.server.close();
  }
});

test('the client gives up on transient refusals only after giveUpAfterMs, with the last refusal', async () => {
  const { url, server } = await scripted([{ status: 503, retryAfter: '0' }]);
  try {
    const client = new ServerClient(url, {
      onWait: () => undefined,
      retry: { giveUpAfterMs: 300, baseMs: 50 },
    });
    const started = Date.now();
    const error = await cancel(client).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError && error.status === 503);
    assert.ok(Date.now() - started >= 300, 'not before giveUpAfterMs');
  } finally {
    server.close();
  }
});

test('waits: Retry-After as seconds or a date, jittered upwards, capped; polling grows and resets', () => {
  assert.equal(parseRetryAfter('7'), 7000);
  assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter('soon'), undefined);
  const policy = { baseMs: 500, capMs: 60_000 };
  assert.equal(retryDelay(0, 2000, { ...policy, random: () => 0 }), 2000);
  assert.ok(retryDelay(0, 2000, { ...policy, random: () => 0.99 }) > 2000);
  assert.equal(retryDelay(0, 3_600_000, { ...policy, random: () => 0.5 }), 60_000);
  assert.ok(retryDelay(30, undefined, { ...policy, random: () => 0.99 }) <= 60_000);
  assert.ok(retryDelay(0, undefined, { ...policy, random: () => 0 }) >= 250);
  const backoff = new Backoff(250, 5_000, () => 0.5);
  const waits = Array.from({ length: 12 }, () => backoff.next());
  assert.equal(waits[0], 250);
  assert.ok(waits.every((w, i) => i === 0 || w >= (waits[i - 1] ?? 0)));
  assert.equal(waits.at(-1), 5_000);
  backoff.reset();
  assert.equal(backoff.next(), 250);
});
