/**
 * @module The registrar's files: roll.json (members and eligibility: personal data),
 * roll-commitment.json (`{count, root}`, public: the manifest's `roll`) and roll-references.json
 * (each member's salt, leaf index and inclusion proof: private, read when packs are printed).
 * Writes go to a temporary file renamed into place, so a file is whole or absent.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import {
  type Roll,
  type RollCommitment,
  type RollInclusion,
  parseRoll,
} from '@scrutineer/protocol';

export const ROLL_REFERENCES_FORMAT = 'scrutineer/roll-references/v1';

export interface RollReferencesFile {
  readonly format: typeof ROLL_REFERENCES_FORMAT;
  readonly count: number;
  readonly root: string;
  /** In roll order (eligible members only). */
  readonly references: readonly RollInclusion[];
}

export interface WriteOptions {
  /**
   * A secret (a trustee's key or share, the printer's file, the answers table): created readable
   * by its owner only (0600), from the first byte, so no other account on the machine can read it.
   */
  readonly secret?: boolean;
}

/** Writes `content` to `path` through a temporary file and a rename (whole or absent). */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: WriteOptions = {}
): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  // The mode is given at creation (the temporary is new), so the secret is never world-readable.
  writeFileSync(temporary, content, options.secret === true ? { mode: 0o600 } : {});
  // On disk before the rename: a file a party resumes from must survive a power cut too.
  const descriptor = openSync(temporary, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, path);
}

export function writeJsonFile(path: string, value: unknown, options: WriteOptions = {}): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, options);
}

/** Reads and parses JSON; throws an Error naming the file when it cannot. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads roll.json, re-checking it (protocol `parseRoll`); throws with the reason. */
export function readRollFile(path: string): Roll {
  const parsed = parseRoll(readJsonFile(path));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.value;
}

export function readRollCommitment(path: string): RollCommitment {
  const value = readJsonFile(path) as Partial<RollCommitment> | null;
  if (
    typeof value?.count !== 'number' ||
    typeof value.root !== 'string' ||
    !/^[0-9a-f]{64}$/.test(value.root)
  ) {
    throw new Error(`${path}: not a roll commitment {count, root}`);
  }
  return { count: value.count, root: value.root };
}

export function readRollReferences(path: string): RollReferencesFile {
  const value = readJsonFile(path) as Partial<RollReferencesFile> | null;
  if (value?.format !== ROLL_REFERENCES_FORMAT || !Array.isArray(value.references)) {
    throw new Error(`${path}: not a ${ROLL_REFERENCES_FORMAT} file`);
  }
  return value as RollReferencesFile;
}
