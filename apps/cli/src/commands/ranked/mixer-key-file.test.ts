/**
 * A mix server's key file (`mixer keygen`, spec §9.2.10): the secret is written owner-only and
 * never over an existing key, the manifest entry beside it carries only the name and public key,
 * and `mixer mix` refuses a key the manifest does not list for its place in the cascade.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bytesToHex, loadGroup } from '@scrutineer/crypto';
import {
  checkMixerKey,
  createMixerKeyFile,
  mixerPublicPath,
  mixerSecretKey,
  readMixerKeyFile,
  writeMixerKeyFile,
} from './mixer-key-file.ts';

test('mixer keygen writes a secret file (0600), its manifest entry, and never overwrites', async () => {
  const group = await loadGroup('sodium');
  const path = join(mkdtempSync(join(tmpdir(), 'scrutineer-mixer-key-')), 'mixer-1.json');
  const file = createMixerKeyFile(group, 'Mix server 1');
  writeMixerKeyFile(path, file);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const read = readMixerKeyFile(path);
  assert.equal(
    bytesToHex(group.encodePoint(group.multiplyBase(mixerSecretKey(read)))),
    read.publicKey
  );
  const entry = JSON.parse(readFileSync(mixerPublicPath(path), 'utf8')) as unknown;
  assert.deepEqual(entry, { name: 'Mix server 1', publicKey: file.publicKey });
  assert.throws(() => writeMixerKeyFile(path, createMixerKeyFile(group, 'other')), /exists/);
  assert.equal(readMixerKeyFile(path).secretKey, file.secretKey);

  const manifest = { mixers: { members: [{ name: 'Mix server 1', publicKey: file.publicKey }] } };
  checkMixerKey(manifest, 1, read);
  assert.throws(() => checkMixerKey(manifest, 2, read), /lists no key for mix server 2/);
  const other = createMixerKeyFile(group, 'Mix server 2');
  assert.throws(() => checkMixerKey(manifest, 1, other), /not this key/);
});
