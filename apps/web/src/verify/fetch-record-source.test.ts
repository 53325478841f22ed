import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { type VerificationReport, memoryRecordSource, verifyRecord } from '@scrutineer/verifier';
import { RecordFetchError, fetchRecordSource, streamLines } from './fetch-record-source.ts';

const fixtures = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'packages',
  'verifier',
  'fixtures'
);

/** The files of a golden record bundle (spec §9.1), by name. */
function fixtureFiles(name: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of [
    'format.json',
    'board.jsonl',
    'checkpoints.jsonl',
    'cosignatures.jsonl',
    'nominations.json',
  ]) {
    const path = join(fixtures, name, 'record', file);
    if (existsSync(path)) files.set(file, readFileSync(path, 'utf8'));
  }
  return files;
}

/**
 * Stands in for the board: `fetch` answers `/api/elections/<id>/record/<file>` from `files` (404
 * for a file it lacks, or `statusOf(file)` if given) and records which files were asked for.
 */
function serveRecord(
  t: TestContext,
  files: ReadonlyMap<string, string>,
  statusOf: (file: string) => number | undefined = () => undefined
): string[] {
  const requested: string[] = [];
  t.mock.method(globalThis, 'fetch', (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // `cosignatures.jsonl?to=<size>`: only the co-signatures of the checkpoints read (spec §10.6.2).
    const match = /^\/api\/elections\/[a-z0-9-]+\/record\/([a-z.]+)(?:\?to=[0-9]+)?$/.exec(url);
    assert.ok(match?.[1] !== undefined, `unexpected fetch ${url}`);
    const file = match[1];
    requested.push(file);
    const body = files.get(file);
    const status = statusOf(file) ?? (body === undefined ? 404 : 200);
    return Promise.resolve(new Response(status === 200 ? (body ?? '') : 'refused', { status }));
  });
  return requested;
}

function statusOf(report: VerificationReport, id: string): string | undefined {
  return report.checks.find((check) => check.id === id)?.status;
}

/** A byte stream delivered in the given chunks (as a network would split it). */
function chunked(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of streamLines(stream)) lines.push(line);
  return lines;
}

test('lines split across chunks, even inside a multi-byte character, come out whole', async () => {
  const text = '{"a":"Cymru ŵ"}\n{"b":2}\n{"c":"ŷ"}';
  const bytes = new TextEncoder().encode(text);
  const split = bytes.indexOf(0xc5) + 1; // between the two bytes of "ŵ"
  const lines = await collect(
    chunked(bytes.slice(0, split), bytes.slice(split, split + 9), bytes.slice(split + 9))
  );
  assert.deepEqual(lines, ['{"a":"Cymru ŵ"}', '{"b":2}', '{"c":"ŷ"}']);
});

test('the lines are those the in-memory source gives the verifier (final newline dropped)', async () => {
  const text = 'one\ntwo\n\nfour\n';
  const fromStream = await collect(chunked(new TextEncoder().encode(text)));
  const fromMemory: string[] = [];
  for await (const line of memoryRecordSource({ board: text }).boardLines()) fromMemory.push(line);
  assert.deepEqual(fromStream, fromMemory);
  assert.deepEqual(await collect(chunked()), []);
});

test('a manifest naming nominations: the board’s nominations.json is fetched and V1.3 passes', async (t) => {
  const requested = serveRecord(t, fixtureFiles('valid-several-contests'));
  const report = await verifyRecord(fetchRecordSource('valid-several-contests'));
  assert.ok(requested.includes('nominations.json'));
  assert.equal(statusOf(report, 'V1.3'), 'passed');
  assert.equal(report.ok, true);
});

test('nominations.json missing from the board, or edited after the manifest fixed its hash, fails V1.3', async (t) => {
  const files = fixtureFiles('valid-several-contests');
  const nominations = files.get('nominations.json');
  assert.ok(nominations !== undefined);
  files.delete('nominations.json');
  serveRecord(t, files);
  const missing = await verifyRecord(fetchRecordSource('valid-several-contests'));
  assert.equal(statusOf(missing, 'V1.3'), 'failed');
  assert.equal(missing.ok, false);
  t.mock.restoreAll();

  const edited = nominations.replace(
    /"nominations":(\d+)/,
    (_, n: string) => `"nominations":${Number(n) + 1}`
  );
  assert.notEqual(edited, nominations);
  serveRecord(t, new Map([...files, ['nominations.json', edited]]));
  const tampered = await verifyRecord(fetchRecordSource('valid-several-contests'));
  assert.equal(statusOf(tampered, 'V1.3'), 'failed');
  assert.equal(tampered.ok, false);
  t.mock.restoreAll();

  // A byte-order mark is not canonical JSON, and must not be silently dropped on the way.
  serveRecord(t, new Map([...files, ['nominations.json', `\ufeff${nominations}`]]));
  const marked = await verifyRecord(fetchRecordSource('valid-several-contests'));
  assert.equal(statusOf(marked, 'V1.3'), 'failed');
});

test('a board that fails to serve nominations.json is a download error, not a missing file', async (t) => {
  serveRecord(t, fixtureFiles('valid-several-contests'), (file) =>
    file === 'nominations.json' ? 503 : undefined
  );
  await assert.rejects(
    fetchRecordSource('valid-several-contests').readNominations(),
    (error: unknown) => error instanceof RecordFetchError && error.file === 'nominations.json'
  );
});

test('a manifest without nominations: nominations.json is never asked for', async (t) => {
  const requested = serveRecord(t, fixtureFiles('valid-small'));
  const report = await verifyRecord(fetchRecordSource('valid-small'));
  assert.equal(report.ok, true);
  assert.ok(!requested.includes('nominations.json'));
});

test('co-signatures are fetched after the checkpoints, up to their last size: V2.9–V2.10 run in the browser', async (t) => {
  const requested = serveRecord(t, fixtureFiles('valid-witnessed'));
  const report = await verifyRecord(fetchRecordSource('valid-witnessed'));
  assert.equal(report.ok, true);
  assert.ok(requested.indexOf('cosignatures.jsonl') > requested.indexOf('checkpoints.jsonl'));
  assert.ok((report.checks.find((c) => c.id === 'V2.9')?.checked ?? 0) > 0);
  t.mock.restoreAll();
  serveRecord(t, fixtureFiles('tampered-cosigned-fork'));
  assert.equal(statusOf(await verifyRecord(fetchRecordSource('x')), 'V2.10'), 'failed');
});
