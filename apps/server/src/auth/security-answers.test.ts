import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  answersText,
  hashSecurityAnswers,
  normaliseAnswer,
  parseAnswersHash,
  verifySecurityAnswers,
} from './security-answers.ts';

const fast = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

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
    const questions = ['dob', 'postcode'];
    const stored = await hashSecurityAnswers(
      questions,
      { dob: '1970-01-05', postcode: 'SW1A 1AA' },
      fast
    );
    assert.ok(parseAnswersHash(stored) !== null, stored);
    assert.equal(
      await verifySecurityAnswers(questions, { dob: '5/1/1970', postcode: 'sw1a1aa' }, stored),
      true
    );
    assert.equal(
      await verifySecurityAnswers(questions, { dob: '1970-01-06', postcode: 'SW1A 1AA' }, stored),
      false
    );
    assert.equal(await verifySecurityAnswers(questions, { dob: '1970-01-05' }, stored), false);
  });

  it('refuses hashes outside the limits or of another algorithm', async () => {
    const stored = await hashSecurityAnswers(['q'], { q: 'a' }, fast);
    assert.equal(parseAnswersHash(stored.replace('m=256', 'm=9999999')), null);
    assert.equal(parseAnswersHash(stored.replace('argon2id', 'argon2i')), null);
    assert.equal(parseAnswersHash('plain'), null);
    assert.equal(await verifySecurityAnswers(['q'], { q: 'a' }, 'plain'), false);
  });
});
