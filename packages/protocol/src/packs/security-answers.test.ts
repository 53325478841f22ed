import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAnswers, memberAnswers, parseAnswers } from './security-answers.ts';

const member = {
  memberId: 'M1',
  name: 'Ada Lovelace',
  address: '1 High Street',
  postcode: 'SW1A 1AA',
  dateOfBirth: '1970-01-05',
  email: null,
  joinDate: '2020-01-01',
  status: 'active',
};

test('answers come from the roll, in the form vote --answers takes, and parse back', () => {
  const answers = memberAnswers(member, ['dob', 'postcode']);
  const text = formatAnswers(['dob', 'postcode'], answers);
  assert.equal(text, 'dob=1970-01-05,postcode=SW1A 1AA');
  assert.deepEqual(parseAnswers(text), { ok: true, value: answers });
  assert.deepEqual(parseAnswers(' dob = 1970-01-05 , postcode=sw1a1aa'), {
    ok: true,
    value: { dob: '1970-01-05', postcode: 'sw1a1aa' },
  });
});

test('unknown questions and malformed text are refused', () => {
  assert.throws(() => memberAnswers(member, ['mothers-maiden-name']), /unknown-question/);
  for (const bad of ['dob', 'dob=1=2', 'dob=1,dob=2', 'DOB=1', ''])
    assert.equal(parseAnswers(bad).ok, false, bad);
});
