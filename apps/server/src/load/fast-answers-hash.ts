/**
 * @module Security-answer hashes for load runs of hundreds of thousands of members. The
 * registrar's `hashSecurityAnswers` (hash-wasm) instantiates two WebAssembly modules per call,
 * which costs several times the Argon2id work itself at the cheap test parameters; libsodium
 * (already loaded by the crypto package's sodium backend) hashes with one long-lived instance.
 * The result is the same thing: an Argon2id v19 PHC string of the same normalised answer text
 * (`answersText`), under a fresh 16-byte salt, with the same parameters, which the board parses
 * and `verifySecurityAnswers` checks like any other (fast-answers-hash.test.ts proves it).
 *
 * Salts are drawn from the platform CSPRNG a few thousand bytes at a time: here each call to it
 * costs ~20 µs whatever its length, more than a tenth of the hash.
 */
import sodiumModule from 'libsodium-wrappers-sumo';
import { randomBytes } from '@scrutineer/crypto';
import {
  type Argon2Parameters,
  answersText,
  hashSecurityAnswers,
} from '../auth/security-answers.ts';

/** Hashes one member's answers; what `hashSecurityAnswers` returns, faster. */
export type AnswersHasher = (
  questionIds: readonly string[],
  answers: Readonly<Record<string, string>>
) => Promise<string>;

const SALT_BYTES = 16;
/** Salts drawn per call to the CSPRNG. */
const SALTS_PER_DRAW = 256;

/**
 * A hasher for `parameters`: libsodium's when it can express them (it runs one lane, so
 * parallelism 1 only), else the registrar's own function.
 */
export async function answersHasher(parameters: Argon2Parameters): Promise<AnswersHasher> {
  if (parameters.parallelism !== 1) {
    return (questionIds, answers) => hashSecurityAnswers(questionIds, answers, parameters);
  }
  await sodiumModule.ready;
  const sodium = sodiumModule;
  const { memorySize, iterations, parallelism, hashLength } = parameters;
  const memoryBytes = memorySize * 1024;
  const prefix = `$argon2id$v=19$m=${memorySize},t=${iterations},p=${parallelism}$`;
  let salts: Uint8Array = new Uint8Array(0);
  let used = 0;
  return (questionIds, answers) => {
    const text = answersText(questionIds, answers);
    if (text === null) return Promise.reject(new RangeError('an answer is missing'));
    if (used === salts.length) {
      salts = randomBytes(SALT_BYTES * SALTS_PER_DRAW);
      used = 0;
    }
    const salt = salts.subarray(used, (used += SALT_BYTES));
    const hash = sodium.crypto_pwhash(
      hashLength,
      text,
      salt,
      iterations,
      memoryBytes,
      sodium.crypto_pwhash_ALG_ARGON2ID13
    );
    // PHC string: unpadded standard base64 (as hash-wasm writes it and parseAnswersHash reads it).
    return Promise.resolve(`${prefix}${unpadded(salt)}$${unpadded(hash)}`);
  };
}

function unpadded(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    .toString('base64')
    .replace(/=+$/u, '');
}
