import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnswersHash, verifySecurityAnswers } from '../auth/security-answers.ts';
import { TEST_ARGON2 } from '../test-support/test-election.ts';
import { answersHasher } from './fast-answers-hash.ts';

const QUESTIONS = ['dob', 'postcode'];
const ANSWERS = { dob: '1957-07-17', postcode: 'SW7 1AA' };

describe('answersHasher: libsodium hashes the board accepts as the registrar’s', () => {
  it('gives a PHC string of the test parameters that verifies the answers only', async () => {
    const hash = await answersHasher(TEST_ARGON2);
    const phc = await hash(QUESTIONS, ANSWERS);
    const parsed = parseAnswersHash(phc);
    assert.ok(parsed !== null, phc);
    assert.equal(parsed.memorySize, TEST_ARGON2.memorySize);
    assert.equal(parsed.iterations, TEST_ARGON2.iterations);
    assert.equal(parsed.parallelism, TEST_ARGON2.parallelism);
    assert.equal(parsed.hashLength, TEST_ARGON2.hashLength);
    assert.equal(parsed.salt.length, 16);
    assert.equal(await verifySecurityAnswers(QUESTIONS, ANSWERS, phc), true);
    assert.equal(
      await verifySecurityAnswers(QUESTIONS, { dob: '17/7/1957', postcode: ' sw7 1aa ' }, phc),
      true
    );
    assert.equal(
      await verifySecurityAnswers(QUESTIONS, { ...ANSWERS, postcode: 'SW7 1AB' }, phc),
      false
    );
  });

  it('salts every hash afresh, past one draw of salts', async () => {
    const hash = await answersHasher(TEST_ARGON2);
    const salts = new Set<string>();
    for (let i = 0; i < 300; i++) salts.add((await hash(QUESTIONS, ANSWERS)).split('$')[4] ?? '');
    assert.equal(salts.size, 300);
  });

  it('writes the parameters it hashed with (a 20-byte hash, 2 passes, 512 KiB)', async () => {
    const parameters = { ...TEST_ARGON2, memorySize: 512, iterations: 2, hashLength: 20 };
    const hash = await answersHasher(parameters);
    const phc = await hash(QUESTIONS, ANSWERS);
    assert.match(phc, /^\$argon2id\$v=19\$m=512,t=2,p=1\$/);
    assert.equal(parseAnswersHash(phc)?.hashLength, 20);
    assert.equal(await verifySecurityAnswers(QUESTIONS, ANSWERS, phc), true);
  });

  it('falls back to the registrar’s function for parameters libsodium cannot express', async () => {
    const hash = await answersHasher({ ...TEST_ARGON2, parallelism: 2 });
    const phc = await hash(QUESTIONS, ANSWERS);
    assert.equal(parseAnswersHash(phc)?.parallelism, 2);
    assert.equal(await verifySecurityAnswers(QUESTIONS, ANSWERS, phc), true);
  });

  it('refuses missing answers', async () => {
    const hash = await answersHasher(TEST_ARGON2);
    await assert.rejects(hash(QUESTIONS, { dob: '1957-07-17' }), RangeError);
  });
});
