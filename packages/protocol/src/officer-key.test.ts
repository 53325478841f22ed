import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { estimatedKeyBits, officerKeyHash, readOfficerKeyText } from './officer-key.ts';

test("officerKeyHash is the SHA-256 hex of the key's UTF-8, as the board stores it", () => {
  const key = 'k3y-with-ünïcode';
  assert.equal(officerKeyHash(key), createHash('sha256').update(key, 'utf8').digest('hex'));
});

test("readOfficerKeyText takes one line and refuses a trustee's key file by name", () => {
  const key = 'a'.repeat(10) + 'Bc_-9'.repeat(7);
  const read = readOfficerKeyText(`\n${key}\n`);
  assert.ok(read.ok && read.value === key);
  const trustee = readOfficerKeyText(
    JSON.stringify({ format: 'scrutineer/trustee-key/v1', electionId: 'e-1', trustee: 1 })
  );
  assert.equal(trustee.ok ? null : trustee.error.code, 'officer-key/trustee-key-file');
  const other = readOfficerKeyText('{"format":"scrutineer/answers/v1"}');
  assert.equal(other.ok ? null : other.error.code, 'officer-key/not-a-key');
  const twoWords = readOfficerKeyText('two words');
  assert.equal(twoWords.ok ? null : twoWords.error.code, 'officer-key/not-a-key');
  const empty = readOfficerKeyText('  \n');
  assert.equal(empty.ok ? null : empty.error.code, 'officer-key/empty');
});

test('estimatedKeyBits: a keygen key is strong, a repeated character is not', () => {
  assert.ok(estimatedKeyBits('Abc_-'.repeat(9).slice(0, 43)) < 256);
  assert.ok(estimatedKeyBits('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') < 128);
});
