import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nobleGroup } from '@scrutineer/crypto';
import { testManifest } from '../../../test-fixtures/test-manifest.ts';
import {
  checkApprover,
  createApprovalKeyFile,
  readApprovalKeyFile,
  writeApprovalKeyFile,
} from './approval-key.ts';

test("the registrar's key file is private, never overwritten, and must be the manifest's approver", () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-approval-'));
  const path = join(dir, 'key.json');
  const file = createApprovalKeyFile(nobleGroup, 'replace-unit');
  writeApprovalKeyFile(path, file);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.throws(() =>
    writeApprovalKeyFile(path, createApprovalKeyFile(nobleGroup, 'replace-unit'))
  );
  assert.deepEqual(readApprovalKeyFile(path), file);

  const base = testManifest({ electionId: 'replace-unit', candidates: ['A', 'B'] });
  const rules = { approverKey: file.publicKey, limit: 5, stopsBeforeClose: 3600 };
  assert.deepEqual(checkApprover({ ...base, replacements: rules }, file), rules);
  assert.throws(() => checkApprover(base, file), /allows no replacement/);
  const officers = createApprovalKeyFile(nobleGroup, 'replace-unit');
  assert.throws(
    () =>
      checkApprover({ ...base, replacements: { ...rules, approverKey: officers.publicKey } }, file),
    /is not this registrar's key/
  );
  assert.throws(
    () => checkApprover({ ...base, replacements: rules }, { ...file, electionId: 'another-one' }),
    /is not this registrar's key/
  );
});
