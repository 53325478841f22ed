/**
 * @module TESTS ONLY: single random mutations of a record bundle ("Must show": change any
 * single field anywhere and the verifier must fail). Two modes:
 * - **raw**: the bytes change and nothing else, as a careless or hostile copy would; the hash chain
 *   and the checkpoints are usually what catches it;
 * - **rechained** (rechained-mutation.helpers.ts): a field of a board event changes and the board
 *   then rewrites the log honestly around it, so only the semantic checks can catch it.
 * Seeded, so a failing mutation can be replayed from its number.
 */

export interface RecordText {
  readonly format: string;
  readonly board: string;
  readonly checkpoints: string;
  readonly nominations?: string;
}

export interface Mutated {
  readonly record: RecordText;
  readonly description: string;
}

/** A small seeded generator (mulberry32): reproducible, never for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

export const lines = (text: string): string[] =>
  text.split('\n').filter((_, i, all) => i < all.length - 1 || all[i] !== '');
export const joinLines = (items: readonly string[]): string => items.map((l) => `${l}\n`).join('');

/** A different hex byte at a random byte offset of `hex`. */
export function flipHexByte(random: Random, hex: string): string {
  const at = 2 * Math.floor((random() * hex.length) / 2);
  const old = parseInt(hex.slice(at, at + 2), 16);
  const next = (old + 1 + Math.floor(random() * 255)) % 256;
  return hex.slice(0, at) + next.toString(16).padStart(2, '0') + hex.slice(at + 2);
}

function shiftSecond(instant: string, delta: number): string {
  return new Date(Date.parse(instant) + delta * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function changeCharacter(random: Random, text: string): string {
  const at = Math.floor(random() * text.length);
  const old = text[at] as string;
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ';
  let next = pick(random, [...alphabet]);
  if (next === old) next = old === 'x' ? 'y' : 'x';
  return text.slice(0, at) + next + text.slice(at + 1);
}

/** Replaces one random match of `pattern` in `line` using `replace`; null if nothing matches. */
function replaceOne(
  random: Random,
  line: string,
  pattern: RegExp,
  replace: (match: string) => string
): { line: string; what: string } | null {
  const matches = [...line.matchAll(pattern)];
  if (matches.length === 0) return null;
  const match = pick(random, matches);
  const index = match.index ?? 0;
  const after = replace(match[0]);
  return {
    line: line.slice(0, index) + after + line.slice(index + match[0].length),
    what: `${match[0].slice(0, 24)} → ${after.slice(0, 24)}`,
  };
}

const RAW_KINDS = [
  'hex-byte',
  'number',
  'candidate-name',
  'timestamp',
  'swap-lines',
  'delete-line',
  'duplicate-line',
  'truncate-line',
] as const;

/**
 * One raw mutation, or null when the chosen kind finds nothing to change. Checkpoint lines are never
 * deleted: a record may hold any subset of the board's checkpoints (spec §10.3), so dropping one is
 * not a fault.
 */
export function mutateRaw(random: Random, record: RecordText): Mutated | null {
  if (record.nominations !== undefined && random() < 0.04)
    return mutateNominations(random, record, record.nominations);
  const kind = pick(random, RAW_KINDS);
  const fileRoll = random();
  const file: 'format' | 'board' | 'checkpoints' =
    kind === 'candidate-name' || kind === 'delete-line'
      ? 'board'
      : fileRoll < 0.85
        ? 'board'
        : fileRoll < 0.97 ||
            kind === 'hex-byte' ||
            kind === 'timestamp' ||
            kind === 'swap-lines' ||
            kind === 'duplicate-line'
          ? 'checkpoints'
          : 'format';
  const all = lines(record[file]);
  if (all.length === 0) return null;
  const index = kind === 'candidate-name' ? 0 : Math.floor(random() * all.length);
  const line = all[index] as string;
  let changed: { line: string; what: string } | null = null;
  let next = [...all];
  switch (kind) {
    case 'hex-byte':
      changed = replaceOne(random, line, /(?<=")[0-9a-f]{16,}(?=")/g, (hex) =>
        flipHexByte(random, hex)
      );
      break;
    case 'number':
      changed = replaceOne(random, line, /(?<=[:[,])-?\d+(?=[,\]}])/g, (n) =>
        String(Number(n) + (random() < 0.5 ? -1 : 1))
      );
      break;
    case 'candidate-name':
      changed = replaceOne(random, line, /(?<="candidates":\[[^\]]*"name":")[^"]+(?=")/g, (name) =>
        changeCharacter(random, name)
      );
      break;
    case 'timestamp':
      changed = replaceOne(random, line, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, (t) =>
        shiftSecond(t, random() < 0.5 ? -1 : 1)
      );
      break;
    case 'truncate-line': {
      const cut = 1 + Math.floor(random() * (line.length - 1));
      changed = { line: line.slice(0, cut), what: `cut at ${cut} of ${line.length}` };
      break;
    }
    case 'swap-lines':
      if (all.length < 2) return null;
      {
        const at = Math.min(index, all.length - 2);
        next[at] = all[at + 1] as string;
        next[at + 1] = all[at] as string;
        return done(record, file, next, `${file}: swap lines ${at + 1} and ${at + 2}`);
      }
    case 'delete-line':
      next.splice(index, 1);
      return done(record, file, next, `${file}: delete line ${index + 1}`);
    case 'duplicate-line':
      next.splice(index, 0, line);
      return done(record, file, next, `${file}: duplicate line ${index + 1}`);
  }
  if (changed === null) return null;
  next = [...all];
  next[index] = changed.line;
  return done(record, file, next, `${file}: ${kind} in line ${index + 1}: ${changed.what}`);
}

/** nominations.json: a count ±1, a character of a name, or the text cut short. */
function mutateNominations(random: Random, record: RecordText, text: string): Mutated | null {
  const roll = random();
  const changed =
    roll < 0.4
      ? replaceOne(random, text, /(?<=[:[,])-?\d+(?=[,\]}])/g, (n) =>
          String(Number(n) + (random() < 0.5 ? -1 : 1))
        )
      : roll < 0.8
        ? replaceOne(random, text, /(?<="name":")[^"]+(?=")/g, (name) =>
            changeCharacter(random, name)
          )
        : { line: text.slice(0, Math.floor(random() * (text.length - 1))), what: 'cut short' };
  return changed === null
    ? null
    : {
        record: { ...record, nominations: changed.line },
        description: `nominations: ${changed.what}`,
      };
}

function done(
  record: RecordText,
  file: keyof RecordText,
  next: readonly string[],
  description: string
): Mutated {
  return { record: { ...record, [file]: joinLines(next) }, description };
}

export interface MutationRun {
  /** Mutations verified (byte-identical and impossible ones are skipped, not counted). */
  readonly tried: number;
  readonly skipped: number;
  /** Mutations the verifier accepted: each is a bug. */
  readonly survivors: readonly string[];
  /** Mutations on which the verifier threw instead of reporting: each is a bug too. */
  readonly crashes: readonly string[];
}

/**
 * Applies `count` single mutations made by `mutate` to `record`, seeded with `seed`, and verifies
 * each with `verify` (true = valid). Byte-identical results are skipped, not counted.
 */
export async function runMutations(
  record: RecordText,
  options: { readonly seed: number; readonly count: number },
  mutate: (random: Random, record: RecordText) => Mutated | null,
  verify: (record: RecordText) => Promise<boolean>
): Promise<MutationRun> {
  const random = seededRandom(options.seed);
  const survivors: string[] = [];
  const crashes: string[] = [];
  let tried = 0;
  let skipped = 0;
  for (let n = 0; tried < options.count; n++) {
    if (n > options.count * 10) throw new Error('mutation generator keeps producing nothing');
    const mutated = mutate(random, record);
    const identical =
      mutated === null ||
      (mutated.record.format === record.format &&
        mutated.record.board === record.board &&
        mutated.record.checkpoints === record.checkpoints &&
        mutated.record.nominations === record.nominations);
    if (identical) {
      skipped++;
      continue;
    }
    tried++;
    const label = `seed ${options.seed} mutation #${n}: ${mutated.description}`;
    try {
      if (await verify(mutated.record)) survivors.push(label);
    } catch (error) {
      crashes.push(`${label}: ${(error as Error).stack ?? String(error)}`);
    }
  }
  return { tried, skipped, survivors, crashes };
}

/**
 * The attributed faults of a report as a comparable string (check, trustee, code; positions move
 * when a rechained mutation deletes or inserts a line). A mutation "survives" only if the record
 * still verifies with exactly the faults it had: a new or vanished fault is a reported change
 * (docs/spec/verification.md, "Faults and failures").
 */
export function faultSet(report: {
  readonly faults: readonly {
    readonly check: string;
    readonly party: { readonly trustee: number };
    readonly code: string;
  }[];
}): string {
  return report.faults
    .map((f) => `${f.check}/${f.party.trustee}/${f.code}`)
    .sort()
    .join(' ');
}
