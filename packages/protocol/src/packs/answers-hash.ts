/**
 * @module Security answers: the second factor of voter sign-in, besides the code on the pack.
 * The registrar hashes each member's normalised answers with Argon2id and a per-credential salt;
 * the board stores only that hash (a PHC string, so the parameters travel with it) and compares
 * in constant time.
 *
 * Argon2id comes from libsodium's WebAssembly build (`libsodium-wrappers-sumo`, which the crypto
 * package's sodium backend uses too), as Node 20 has no Argon2: one instance, loaded on first use
 * and kept, so a check costs the hash alone. (hash-wasm, used before, instantiated new
 * WebAssembly modules on every call, which at cheap parameters cost several times the hash and
 * was paid on every sign-in.) The PHC strings are the same, Argon2id v19 in unpadded standard
 * base64, so hashes made with either verify with the other. libsodium hashes with one lane only
 * (parallelism 1, the default and all we produce), but its verifier takes any lane count and salt
 * length, so every hash within the board's limits (up to 4 lanes) still checks.
 *
 * The registrar hashes with the CLI (`scrutineer packs generate`) and the board checks with the
 * server, both in Node; the module itself is pure (libsodium's WebAssembly, the platform's base64),
 * so the same normalisation and hashing serve both and no CLI needs the server for them.
 *
 * Normalisation (the registrar MUST apply the same): Unicode NFKC, trim, upper-case, remove all
 * white space; a date written YYYY-M-D, D/M/YYYY, D-M-YYYY or D.M.YYYY becomes YYYY-MM-DD. The
 * hashed text is the canonical JSON of {questionId: normalised answer} over the manifest's
 * questions, so answers cannot slide between questions.
 */
import type libsodium from 'libsodium-wrappers-sumo';
import { randomBytes } from '@scrutineer/crypto';
import { canonicalize } from '@scrutineer/record';

type Sodium = typeof libsodium;

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

/** The salt of every hash we make: libsodium's `crypto_pwhash` takes exactly this many bytes. */
const SALT_BYTES = 16;

let sodiumLoading: Promise<Sodium> | undefined;

/** libsodium, loaded on first use and kept for the life of the process; a failed load is retried. */
function loadSodium(): Promise<Sodium> {
  sodiumLoading ??= import('libsodium-wrappers-sumo').then(
    async ({ default: sodium }) => {
      await sodium.ready;
      return sodium;
    },
    (error: unknown) => {
      sodiumLoading = undefined;
      throw error;
    }
  );
  return sodiumLoading;
}

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

/**
 * The registrar's side (and tests'): the PHC string of the answers under a fresh 16-byte salt.
 * @throws RangeError if an answer is missing, or for parallelism other than 1 (libsodium hashes
 * one lane).
 */
export async function hashSecurityAnswers(
  questionIds: readonly string[],
  answers: Readonly<Record<string, string>>,
  parameters: Argon2Parameters = DEFAULT_ARGON2_PARAMETERS
): Promise<string> {
  const text = answersText(questionIds, answers);
  if (text === null) throw new RangeError('an answer is missing');
  if (parameters.parallelism !== 1)
    throw new RangeError('libsodium hashes one lane: parallelism must be 1');
  const sodium = await loadSodium();
  const salt = randomBytes(SALT_BYTES);
  const hash = sodium.crypto_pwhash(
    parameters.hashLength,
    text,
    salt,
    parameters.iterations,
    parameters.memorySize * 1024,
    sodium.crypto_pwhash_ALG_ARGON2ID13
  );
  return formatAnswersHash({ ...parameters, salt, hash });
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
  const salt = fromUnpaddedBase64(match[4] as string);
  const hash = fromUnpaddedBase64(match[5] as string);
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

/** `$argon2id$v=19$m=…,t=…,p=…$salt$hash`, base64 unpadded: as hash-wasm and libsodium write it. */
function formatAnswersHash(parsed: ParsedAnswersHash): string {
  const { memorySize, iterations, parallelism, salt, hash } = parsed;
  const settings = `m=${memorySize},t=${iterations},p=${parallelism}`;
  return `$argon2id$v=19$${settings}$${unpaddedBase64(salt)}$${unpaddedBase64(hash)}`;
}

function unpaddedBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/u, '');
}

/**
 * Decodes unpadded standard base64 (the caller has checked the alphabet). A last lone character
 * carries fewer than 8 bits and is dropped, as Node's Buffer does, so every string parses.
 */
function fromUnpaddedBase64(text: string): Uint8Array {
  const whole = text.length % 4 === 1 ? text.slice(0, -1) : text;
  return Uint8Array.from(atob(whole), (c) => c.charCodeAt(0));
}

/**
 * Whether `answers` match the stored hash: libsodium recomputes Argon2id with the stored salt and
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
  const sodium = await loadSodium();
  // libsodium reads the string itself, more strictly than parseAnswersHash (no leading zeros, zero
  // padding bits): it is given the canonical spelling of what the board parsed, so every hash the
  // board accepts is checked. Unlike crypto_pwhash, this reads any salt length and lane count.
  return sodium.crypto_pwhash_str_verify(formatAnswersHash(parsed), text);
}
