/**
 * @module A ranked step kept on disk until the board has it (spec §11.8 "Staging"): a mix or a
 * trustee's shares of a round is written here before its first part is staged and removed once
 * the board has appended it, so that a run killed mid-upload resumes with the same step (a new
 * shuffle would not match what the board holds) and sends only the parts the board lacks. The
 * file holds only what the record will publish (outputs, proofs, shares), never a secret.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where steps wait when no `--spool-dir` is given. */
export const DEFAULT_SPOOL_DIR = join(tmpdir(), 'scrutineer-ranked');

export interface StepSpool<T> {
  readonly file: string;
  /** The step kept by an earlier run, if any. */
  read(): T | undefined;
  /** Keeps the step (atomically: a run killed while writing leaves no half file). */
  write(step: T): void;
  remove(): void;
}

export function stepSpool<T>(dir: string, electionId: string, name: string): StepSpool<T> {
  const file = join(dir, `${electionId}-${name}.json`);
  return {
    file,
    read() {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as T;
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    write(step) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.partial`, JSON.stringify(step));
      renameSync(`${file}.partial`, file);
    },
    remove() {
      rmSync(file, { force: true });
    },
  };
}
