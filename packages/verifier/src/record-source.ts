/**
 * @module Where a verifier reads a record from (spec §9.1). The core never touches a file system
 * or network: Node reads a directory (node/record-directory.ts), the browser fetches from the board.
 */

export interface RecordSource {
  /** The text of `format.json`, or null if absent. */
  readFormat(): Promise<string | null>;
  /** The lines of `board.jsonl` without their newlines; may be called more than once (two passes). */
  boardLines(): AsyncIterable<string>;
  /** The lines of `checkpoints.jsonl` (none if absent). */
  checkpointLines(): AsyncIterable<string>;
  /** The text of `nominations.json`, or null if absent. */
  readNominations(): Promise<string | null>;
}

/** A record held in memory (tests, the browser after download). */
export function memoryRecordSource(files: {
  readonly format?: string;
  readonly board: string;
  readonly checkpoints?: string;
  readonly nominations?: string;
}): RecordSource {
  const lines = (text: string | undefined): string[] => {
    if (text === undefined || text === '') return [];
    const parts = text.split('\n');
    if (parts.at(-1) === '') parts.pop();
    return parts;
  };
  return {
    readFormat: () => Promise.resolve(files.format ?? null),
    boardLines: () => toAsync(lines(files.board)),
    checkpointLines: () => toAsync(lines(files.checkpoints)),
    readNominations: () => Promise.resolve(files.nominations ?? null),
  };
}

async function* toAsync<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield await Promise.resolve(item);
}
