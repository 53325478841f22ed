/**
 * @module Security answers: the second factor of voter sign-in, besides the code on the pack.
 * The registrar hashes each member's normalised answers with Argon2id and a per-credential salt;
 * the board stores only that hash (a PHC string, so the parameters travel with it) and compares
 * in constant time. Argon2id comes from hash-wasm (WebAssembly): Node 20 has no Argon2, and the
 * same code runs in the registrar's browser tooling.
 *
 * Normalisation (the registrar MUST apply the same): Unicode NFKC, trim, upper-case, remove all
 * white space; a date written YYYY-M-D, D/M/YYYY, D-M-YYYY or D.M.YYYY becomes YYYY-MM-DD. The
 * hashed text is the canonical JSON of {questionId: normalised answer} over the manifest's
 * questions, so answers cannot slide between questions.
 */
import { argon2id } from 'hash-wasm';
import { randomBytes } from '@scrutineer/crypto';
import { canonicalize } from '@scrutineer/record';
import { constantTimeEqual } from './secret-compare.ts';

export interface Argon2Parameters {
  /** Memory in KiB. */
  readonly memorySize: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly hashLength: number;
}

/** OWASP's recommended Argon2id setting (19 MiB, 2 passes): about 50 ms a check here. */
export const DEFAULT_ARGON2_PARAMETERS: Argon2Parameters = {
  memorySize: 19_456,
  iterations: 2,
  parallelism: 1,
  hashLength: 32,
};

/** What the board accepts from a registrar: enough to be slow offline, bounded so no hash can exhaust it. */
const LIMITS = {
  memorySize: [256, 262_144],
  iterations: [1, 10],
  parallelism: [1, 4],
  hashLength: [16, 64],
  saltLength: [8, 64],
} as const;

export function normaliseAnswer(answer: string): string {
  const text = answer.normalize('NFKC').trim();
  const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (isoDate !== null) return `${isoDate[1]}-${pad(isoDate[2])}-${pad(isoDate[3])}`;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst !== null) return `${dayFirst[3]}-${pad(dayFirst[2])}-${pad(dayFirst[1])}`;
  return text.toUpperCase().replace(/\s+/gu, '');
}

function pad(digits: string | undefined): string {
  return (digits ?? '').padStart(2, '0');
}

/** The text that is hashed: canonical JSON of the normalised answers, keyed by question id. */
export function answersText(
  questionIds: readonly string[],
  answers: Readonly<Record<string, string>>
): string | null {
  const normalised: Record<string, string> = {};
  for (const id of questionIds) {
    const answer = answers[id];
    if (answer === undefined) return null;
    normalised[id] = normaliseAnswer(answer);
  }
  return canonicalize(normalised);
}

/** The registrar's side (and tests'): the PHC string of the answers under a fresh salt. */
export async function hashSecurityAnswers(
  questionIds: readonly string[],
  answers: Readonly<Record<string, string>>,
  parameters: Argon2Parameters = DEFAULT_ARGON2_PARAMETERS
): Promise<string> {
  const text = answersText(questionIds, answers);
  if (text === null) throw new RangeError('an answer is missing');
  return argon2id({ password: text, salt: randomBytes(16), ...parameters, outputType: 'encoded' });
}

export interface ParsedAnswersHash extends Argon2Parameters {
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

/** Parses `$argon2id$v=19$m=…,t=…,p=…$salt$hash` within the board's limits; null if it is not one. */
export function parseAnswersHash(phc: string): ParsedAnswersHash | null {
  const match =
    /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,86})\$([A-Za-z0-9+/]{22,86})$/.exec(
      phc
    );
  if (match === null) return null;
  const salt = Buffer.from(match[4] as string, 'base64');
  const hash = Buffer.from(match[5] as string, 'base64');
  const parsed = {
    memorySize: Number(match[1]),
    iterations: Number(match[2]),
    parallelism: Number(match[3]),
    hashLength: hash.length,
    salt,
    hash,
  };
  const within = (value: number, [min, max]: readonly [number, number]): boolean =>
    value >= min && value <= max;
  const ok =
    within(parsed.memorySize, LIMITS.memorySize) &&
    within(parsed.iterations, LIMITS.iterations) &&
    within(parsed.parallelism, LIMITS.parallelism) &&
    within(parsed.hashLength, LIMITS.hashLength) &&
    within(salt.length, LIMITS.saltLength) &&
    parsed.memorySize >= 8 * parsed.parallelism;
  return ok ? parsed : null;
}

/**
 * Whether `answers` match the stored hash: recomputes Argon2id with the stored salt and
 * parameters and compares in constant time. A malformed stored hash never matches.
 */
export async function verifySecurityAnswers(
  questionIds: readonly string[],
  answers: Readonly<Record<string, string>>,
  storedHash: string
): Promise<boolean> {
  const parsed = parseAnswersHash(storedHash);
  const text = answersText(questionIds, answers);
  if (parsed === null || text === null) return false;
  const { salt, hash, ...parameters } = parsed;
  const computed = await argon2id({ password: text, salt, ...parameters, outputType: 'binary' });
  return constantTimeEqual(computed, hash);
}
