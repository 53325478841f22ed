/**
 * @module Where a verifier reads a record from (spec §9.1). The core never touches a file system
 * or network: Node reads a directory (node/record-directory.ts), the browser fetches from the board.
 */

/** The JSON Lines files of a bundle (spec §10.1.4). */
export type JsonLinesFile = 'board.jsonl' | 'checkpoints.jsonl' | 'cosignatures.jsonl';

export interface RecordSource {
  /** The text of `format.json`, or null if absent. */
  readFormat(): Promise<string | null>;
  /**
   * The lines of `board.jsonl`: the text before each line feed, nothing else stripped (a carriage
   * return stays in its line, spec §10.1.4), then any text after the last line feed. May be called
   * more than once (two passes).
   */
  boardLines(): AsyncIterable<string>;
  /** The lines of `checkpoints.jsonl` (none if absent), split as {@link boardLines}. */
  checkpointLines(): AsyncIterable<string>;
  /** The lines of `cosignatures.jsonl` (none if absent; spec §10.6.2), split as {@link boardLines}. */
  cosignatureLines(): AsyncIterable<string>;
  /**
   * Spec §10.1.4: does `file` end with a line feed (true when it is absent or empty)? Asked after its
   * lines were read; a streaming source may answer from that read.
   */
  endsWithLineFeed(file: JsonLinesFile): Promise<boolean>;
  /** The text of `nominations.json`, or null if absent. */
  readNominations(): Promise<string | null>;
}

/**
 * Spec §10.1.4: the lines of a JSON Lines text that arrives in chunks (a file read, a download),
 * split at line feeds only, a carriage return kept in its line. A line is joined once, when its
 * line feed arrives: a `mix` or share part runs to megabytes, and growing one string chunk by chunk
 * and searching it again copied the line anew for every chunk — at 160,000 ranked ballots most of
 * a verifier's system time went on those copies.
 */
export class LineSplitter {
  /** The pieces of the line not yet ended, in order. */
  #pieces: string[] = [];

  /** The lines `chunk` ends, in order. */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      this.#pieces.push(chunk.slice(start, newline));
      lines.push(this.#pieces.length === 1 ? (this.#pieces[0] as string) : this.#pieces.join(''));
      this.#pieces = [];
      start = newline + 1;
    }
    if (start < chunk.length) this.#pieces.push(chunk.slice(start));
    return lines;
  }

  /** The text after the last line feed — a last line without one — or null when there is none. */
  end(): string | null {
    const rest = this.#pieces.join('');
    this.#pieces = [];
    return rest === '' ? null : rest;
  }
}

/** Spec §10.1.4: the lines of a JSON Lines text, split at line feeds only. */
export function splitJsonLines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** A record held in memory (tests, the browser after download). */
export function memoryRecordSource(files: {
  readonly format?: string;
  readonly board: string;
  readonly checkpoints?: string;
  readonly cosignatures?: string;
  readonly nominations?: string;
}): RecordSource {
  const ends = (text: string | undefined): boolean =>
    text === undefined || text === '' || text.endsWith('\n');
  return {
    readFormat: () => Promise.resolve(files.format ?? null),
    boardLines: () => toAsync(splitJsonLines(files.board)),
    checkpointLines: () => toAsync(splitJsonLines(files.checkpoints)),
    cosignatureLines: () => toAsync(splitJsonLines(files.cosignatures)),
    endsWithLineFeed: (file) =>
      Promise.resolve(
        ends(
          file === 'board.jsonl'
            ? files.board
            : file === 'checkpoints.jsonl'
              ? files.checkpoints
              : files.cosignatures
        )
      ),
    readNominations: () => Promise.resolve(files.nominations ?? null),
  };
}

async function* toAsync<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield await Promise.resolve(item);
}
