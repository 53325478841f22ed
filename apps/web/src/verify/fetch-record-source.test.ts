import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryRecordSource } from '@scrutineer/verifier';
import { streamLines } from './fetch-record-source.ts';

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
