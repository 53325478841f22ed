/** @module Reads a record bundle directory from disk, streaming the board line by line (spec §9.1). */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RecordSource } from '../record-source.ts';

async function readOptional(path: string): Promise<string | null> {
  return existsSync(path) ? readFile(path, 'utf8') : null;
}

async function* readLines(path: string): AsyncIterable<string> {
  if (!existsSync(path)) return;
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) yield line;
}

/** A {@link RecordSource} over `dir/format.json`, `dir/board.jsonl`, `dir/checkpoints.jsonl`, `dir/nominations.json`. */
export function recordDirectory(dir: string): RecordSource {
  return {
    readFormat: () => readOptional(join(dir, 'format.json')),
    boardLines: () => readLines(join(dir, 'board.jsonl')),
    checkpointLines: () => readLines(join(dir, 'checkpoints.jsonl')),
    readNominations: () => readOptional(join(dir, 'nominations.json')),
  };
}
