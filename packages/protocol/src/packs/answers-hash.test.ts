import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argon2Verify, argon2id } from 'hash-wasm';
import { randomBytes } from '@scrutineer/crypto';
import {
  type Argon2Parameters,
  answersText,
  hashSecurityAnswers,
  normaliseAnswer,
  parseAnswersHash,
  verifySecurityAnswers,
} from './answers-hash.ts';

const fast = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

const QUESTIONS = ['dob', 'postcode'];
const ANSWERS = { dob: '1970-01-05', postcode: 'SW1A 1AA' };
const WRONG = { dob: '1970-01-05', postcode: 'SW1A 1AB' };
const TEXT = answersText(QUESTIONS, ANSWERS) ?? '';
const SALT = Uint8Array.from({ length: 16 }, (_, i) => i);
/** hash-wasm 4.13's Argon2id of ANSWERS under SALT at `fast`, recorded once. */
const HASH_WASM_VECTOR =
  '$argon2id$v=19$m=256,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$bxmFcz5rCHA+vpEUyAWHJGDxyrZvOWNWhJxU0jourgM';

/** The other implementation: hash-wasm, which the board used before libsodium. */
function hashWasm(
  parameters: Argon2Parameters,
  salt: Uint8Array = randomBytes(16)
): Promise<string> {
  return argon2id({ password: TEXT, salt, ...parameters, outputType: 'encoded' });
}

describe('security answers', () => {
  it('normalises case, spaces and date spellings', () => {
    assert.equal(normaliseAnswer('  sw1a 1aa '), 'SW1A1AA');
    assert.equal(normaliseAnswer('1970-1-5'), '1970-01-05');
    assert.equal(normaliseAnswer('05/01/1970'), '1970-01-05');
    assert.equal(normaliseAnswer('5.1.1970'), '1970-01-05');
    assert.equal(normaliseAnswer('ＳＷ１'), 'SW1', 'full-width letters fold under NFKC');
  });

  it('binds each answer to its question', () => {
    assert.notEqual(
      answersText(['a', 'b'], { a: 'x', b: 'y' }),
      answersText(['a', 'b'], { a: 'y', b: 'x' })
    );
    assert.equal(answersText(['a', 'b'], { a: 'x' }), null);
  });

  it('verifies the right answers in any spelling and refuses wrong ones', async () => {
    const stored = await hashSecurityAnswers(QUESTIONS, ANSWERS, fast);
    assert.ok(parseAnswersHash(stored) !== null, stored);
    assert.equal(
      await verifySecurityAnswers(QUESTIONS, { dob: '5/1/1970', postcode: 'sw1a1aa' }, stored),
      true
    );
    assert.equal(
      await verifySecurityAnswers(QUESTIONS, { dob: '1970-01-06', postcode: 'SW1A 1AA' }, stored),
      false
    );
    assert.equal(await verifySecurityAnswers(QUESTIONS, { dob: '1970-01-05' }, stored), false);
  });

  it('writes the parameters it hashed with under a fresh 16-byte salt', async () => {
    const parameters = { ...fast, memorySize: 512, iterations: 2, hashLength: 20 };
    const stored = await hashSecurityAnswers(QUESTIONS, ANSWERS, parameters);
    assert.match(stored, /^\$argon2id\$v=19\$m=512,t=2,p=1\$/);
    const parsed = parseAnswersHash(stored);
    assert.ok(parsed !== null, stored);
    assert.equal(parsed.hashLength, 20);
    assert.equal(parsed.salt.length, 16);
    const again = parseAnswersHash(await hashSecurityAnswers(QUESTIONS, ANSWERS, parameters));
    assert.notDeepEqual(again?.salt, parsed.salt);
    assert.equal(await verifySecurityAnswers(QUESTIONS, ANSWERS, stored), true);
  });

  it('refuses to hash with a missing answer or more than one lane', async () => {
    await assert.rejects(hashSecurityAnswers(QUESTIONS, { dob: '1970-01-05' }, fast), RangeError);
    await assert.rejects(
      hashSecurityAnswers(QUESTIONS, ANSWERS, { ...fast, parallelism: 2 }),
      RangeError
    );
  });

  it('refuses hashes outside the limits or of another algorithm', async () => {
    const stored = await hashSecurityAnswers(['q'], { q: 'a' }, fast);
    assert.equal(parseAnswersHash(stored.replace('m=256', 'm=9999999')), null);
    assert.equal(parseAnswersHash(stored.replace('argon2id', 'argon2i')), null);
    assert.equal(parseAnswersHash('plain'), null);
    assert.equal(await verifySecurityAnswers(['q'], { q: 'a' }, 'plain'), false);
  });
});

describe('security answers: the same hashes as hash-wasm', () => {
  it('verifies a recorded hash-wasm hash, which hash-wasm still computes', async () => {
    assert.equal(await hashWasm(fast, SALT), HASH_WASM_VECTOR);
    assert.equal(await verifySecurityAnswers(QUESTIONS, ANSWERS, HASH_WASM_VECTOR), true);
    assert.equal(await verifySecurityAnswers(QUESTIONS, WRONG, HASH_WASM_VECTOR), false);
  });

  it('makes hashes that hash-wasm verifies', async () => {
    for (const parameters of [fast, { ...fast, memorySize: 300, iterations: 3, hashLength: 64 }]) {
      const stored = await hashSecurityAnswers(QUESTIONS, ANSWERS, parameters);
      assert.equal(await argon2Verify({ password: TEXT, hash: stored }), true, stored);
      const wrong = answersText(QUESTIONS, WRONG) ?? '';
      assert.equal(await argon2Verify({ password: wrong, hash: stored }), false, stored);
    }
  });

  it('verifies what the board accepts but libsodium cannot hash: lanes, salt lengths', async () => {
    const cases = [
      { parameters: { ...fast, parallelism: 2, memorySize: 257 }, saltLength: 16 },
      { parameters: { ...fast, parallelism: 4, memorySize: 1024, iterations: 3 }, saltLength: 16 },
      { parameters: fast, saltLength: 8 },
      { parameters: { ...fast, parallelism: 3, hashLength: 64 }, saltLength: 64 },
    ];
    for (const { parameters, saltLength } of cases) {
      const stored = await hashWasm(parameters, randomBytes(saltLength));
      assert.ok(parseAnswersHash(stored) !== null, stored);
      assert.equal(await verifySecurityAnswers(QUESTIONS, ANSWERS, stored), true, stored);
      assert.equal(await verifySecurityAnswers(QUESTIONS, WRONG, stored), false, stored);
    }
  });

  it('reads a stored hash as the board parses it, not as strictly as libsodium would', async () => {
    // A leading zero, and unused low bits set in the last base64 digit of the salt: the board's
    // parser takes both (as it did with hash-wasm), so they must still check.
    const [, , version, settings, salt, hash] = HASH_WASM_VECTOR.split('$');
    const lastDigit = salt?.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sloppySalt = `${salt?.slice(0, -1) ?? ''}${alphabet[alphabet.indexOf(lastDigit) | 1] ?? ''}`;
    const sloppy = `$argon2id$${version}$${settings?.replace('m=', 'm=0')}$${sloppySalt}$${hash}`;
    assert.notEqual(sloppySalt, salt);
    assert.deepEqual(parseAnswersHash(sloppy)?.salt, parseAnswersHash(HASH_WASM_VECTOR)?.salt);
    assert.equal(await verifySecurityAnswers(QUESTIONS, ANSWERS, sloppy), true, sloppy);
  });
});
