import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertStrongOfficerKey, estimatedKeyBits, generateOfficerKey } from './officer-key.ts';

const cli = join(import.meta.dirname, '..', '..', '..', 'bin', 'scrutineer.mjs');

test('F20: election keygen writes a 256-bit key readable by its owner only', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'officer-key-')), 'officer.key');
  const code = await new Promise<number>((resolve) =>
    execFile(process.execPath, [cli, 'election', 'keygen', '--out', out], (error) =>
      resolve(error === null ? 0 : Number(error.code))
    )
  );
  assert.equal(code, 0);
  const key = readFileSync(out, 'utf8').trim();
  assert.match(key, /^[A-Za-z0-9_-]{43}$/);
  assert.equal((statSync(out).mode & 0o777).toString(8), '600');
  assert.ok(estimatedKeyBits(key) >= 256 - 8);
});

test('F20: election create refuses an officer key below the strength floor', () => {
  for (const weak of ['password', 'letmein2026', 'a'.repeat(64), '0123456789abcdef'])
    assert.throws(() => assertStrongOfficerKey(weak), /too weak/, weak);
  assertStrongOfficerKey(generateOfficerKey());
  assertStrongOfficerKey('0123456789abcdef0123456789abcdef'); // 32 hex characters: 128 bits
});
