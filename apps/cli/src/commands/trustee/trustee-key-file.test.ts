import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGroup, verifyTrusteeKey, utf8 } from '@scrutineer/crypto';
import {
  createTrusteeKeyFile,
  manifestEntry,
  readTrusteeKeyFile,
  secretShareOf,
  trusteeKeyPair,
  withSecretShare,
  writeTrusteeKeyFile,
} from './trustee-key-file.ts';

test('a key file round-trips, its key proof verifies for its election, and the share is kept', async () => {
  const group = await loadGroup('sodium');
  const file = createTrusteeKeyFile(group, 'key-file-test', 2, 'Trustee Two');
  const path = join(mkdtempSync(join(tmpdir(), 'trustee-')), 'trustee-2.json');
  writeTrusteeKeyFile(path, file);
  const read = readTrusteeKeyFile(path);
  assert.deepEqual(read, file);
  const pair = trusteeKeyPair(group, read);
  assert.ok(verifyTrusteeKey(group, utf8('key-file-test'), pair.publicKey));
  assert.ok(!verifyTrusteeKey(group, utf8('another-election'), pair.publicKey));
  assert.ok(group.equals(group.multiplyBase(pair.secretKey), pair.publicKey.publicKey));
  assert.deepEqual(manifestEntry(read), {
    index: 2,
    name: 'Trustee Two',
    publicKey: file.publicKey,
    keyProof: file.keyProof,
  });
  assert.throws(() => secretShareOf(read), /no secret share/);
  assert.equal(secretShareOf(withSecretShare(read, 12345n)), 12345n);
});
