/**
 * @module What a record-layer vector area is: a file under packages/record/vectors/, how to make
 * it (deterministically) and how to check, from the file alone, that our code reproduces every
 * value in it. Same shape as the crypto vectors (packages/crypto/scripts/vectors/vector-file.ts).
 */

export interface RecordVectorArea {
  /** File name under packages/record/vectors/. */
  readonly file: string;
  readonly make: () => RecordVectorFile;
  /** Throws (node:assert) on the first value our code does not reproduce. */
  readonly check: (content: RecordVectorFile) => void | Promise<void>;
}

export interface RecordVectorFile {
  readonly source: string;
  /** The spec sections the file pins, and what each case means. */
  readonly description: string;
  readonly cases: readonly Record<string, unknown>[];
}

/** The JSON text of a vector file, exactly as committed (two-space indent, final newline). */
export function vectorFileText(content: object): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}
