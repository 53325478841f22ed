import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { nobleGroup } from '@scrutineer/crypto';
import { createTrusteeKeyFile, parseTrusteeKeyFile } from './trustee-key-file.ts';
import { openCeremonyState, sealCeremonyState } from './ceremony-state.ts';

const group = nobleGroup;

test("a key file's text round-trips; an officer's key and other files are refused with their own codes", () => {
  const file = createTrusteeKeyFile(group, 'files-test', 2, 'Trustee Two');
  const read = parseTrusteeKeyFile(JSON.stringify(file, null, 2));
  assert.deepEqual(read, { ok: true, value: file });
  const officer = parseTrusteeKeyFile(`${randomBytes(32).toString('base64url')}\n`);
  assert.equal(officer.ok ? 'accepted' : officer.error.code, 'trustee/officer-key-file');
  for (const text of ['{}', 'not json', JSON.stringify({ ...file, secretKey: 'zz' })]) {
    const parsed = parseTrusteeKeyFile(text);
    assert.equal(parsed.ok ? 'accepted' : parsed.error.code, 'trustee/not-a-key-file', text);
  }
});

test('the sealed ceremony state opens only under its key file, election and manifest', () => {
  const file = createTrusteeKeyFile(group, 'files-test', 1, 'Trustee One');
  const other = createTrusteeKeyFile(group, 'files-test', 1, 'Trustee One');
  const state = {
    ownShare: '11'.repeat(32),
    commitments: { trustee: 1 } as never,
    shares: { trustee: 1 } as never,
  };
  const sealed = JSON.stringify(sealCeremonyState(file, 'aa'.repeat(32), state));
  assert.deepEqual(openCeremonyState(sealed, file, 'aa'.repeat(32)), { ok: true, value: state });
  const code = (text: string, key = file, hash = 'aa'.repeat(32)): string => {
    const opened = openCeremonyState(text, key, hash);
    return opened.ok ? 'opened' : opened.error.code;
  };
  assert.equal(code(sealed, other), 'trustee/state-does-not-open');
  assert.equal(code(sealed, file, 'bb'.repeat(32)), 'trustee/state-of-another-ceremony');
  const tampered = JSON.parse(sealed) as { sealed: string };
  tampered.sealed = `${tampered.sealed.startsWith('A') ? 'B' : 'A'}${tampered.sealed.slice(1)}`;
  assert.equal(code(JSON.stringify(tampered)), 'trustee/state-does-not-open');
  assert.equal(code('{'), 'trustee/not-a-ceremony-state');
});
