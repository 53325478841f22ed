/** @module Reads a record bundle directory from disk, streaming the board line by line (spec §9.1). */
import { createReadStream, existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineSplitter, type RecordSource } from '../record-source.ts';

async function readOptional(path: string): Promise<string | null> {
  return existsSync(path) ? readFile(path, 'utf8') : null;
}

/**
 * Spec §10.1.4: splits at line feeds only. (node:readline would also end a line at a carriage
 * return and drop it, so a CRLF file would read as if it were canonical.) Read a megabyte at a time:
 * a ranked record's lines run to megabytes.
 */
async function* readLines(path: string): AsyncIterable<string> {
  if (!existsSync(path)) return;
  const splitter = new LineSplitter();
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }))
    yield* splitter.push(chunk as string);
  const last = splitter.end();
  if (last !== null) yield last;
}

/** Whether the file's last byte is a line feed (true when absent or empty). */
async function endsWithLineFeed(path: string): Promise<boolean> {
  if (!existsSync(path)) return true;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/** A {@link RecordSource} over `dir/format.json`, `dir/board.jsonl`, `dir/checkpoints.jsonl`, `dir/cosignatures.jsonl`, `dir/nominations.json`. */
export function recordDirectory(dir: string): RecordSource {
  return {
    readFormat: () => readOptional(join(dir, 'format.json')),
    boardLines: () => readLines(join(dir, 'board.jsonl')),
    checkpointLines: () => readLines(join(dir, 'checkpoints.jsonl')),
    cosignatureLines: () => readLines(join(dir, 'cosignatures.jsonl')),
    endsWithLineFeed: (file) => endsWithLineFeed(join(dir, file)),
    readNominations: () => readOptional(join(dir, 'nominations.json')),
  };
}
