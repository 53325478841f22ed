import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, nobleGroup, randomScalar } from '@scrutineer/crypto';
import { type Manifest } from './manifest.ts';
import {
  replacementRefusal,
  signReplacementApproval,
  verifyReplacementApproval,
} from './credential-replacement.ts';

const baseHash = 'ab'.repeat(32);
const secret = randomScalar();
const approverKey = bytesToHex(nobleGroup.encodePoint(nobleGroup.multiplyBase(secret)));
const unsigned = { revoked: '11'.repeat(32), replacement: '22'.repeat(32), reason: 'lost' };

test('an approval verifies for its body, key and base hash only', () => {
  const approval = signReplacementApproval(nobleGroup, baseHash, secret, unsigned);
  const body = { ...unsigned, approval };
  assert.ok(verifyReplacementApproval(nobleGroup, baseHash, approverKey, body));
  for (const changed of [
    { ...body, revoked: '33'.repeat(32) },
    { ...body, replacement: '33'.repeat(32) },
    { ...body, reason: 'damaged' },
    // A field added to the body (e.g. a return commitment) is covered too.
    { ...body, return: '44'.repeat(32) },
  ])
    assert.equal(verifyReplacementApproval(nobleGroup, baseHash, approverKey, changed), false);
  assert.equal(verifyReplacementApproval(nobleGroup, 'cd'.repeat(32), approverKey, body), false);
  const other = bytesToHex(nobleGroup.encodePoint(nobleGroup.multiplyBase(randomScalar())));
  assert.equal(verifyReplacementApproval(nobleGroup, baseHash, other, body), false);
  assert.equal(verifyReplacementApproval(nobleGroup, baseHash, 'ff'.repeat(32), body), false);
  assert.equal(
    verifyReplacementApproval(nobleGroup, baseHash, approverKey, { ...body, approval: '00' }),
    false
  );
});

test('the manifest rules: absent, limit, and the cutoff before the close', () => {
  const manifest = {
    window: { opens: '2026-11-01T09:00:00Z', closes: '2026-11-08T09:00:00Z' },
  } as Manifest;
  assert.equal(replacementRefusal(manifest, 0, '2026-11-02T09:00:00Z'), 'not-allowed');
  const allowed = {
    ...manifest,
    replacements: { approverKey, limit: 2, stopsBeforeClose: 3600 },
  } as Manifest;
  assert.equal(replacementRefusal(allowed, 1, '2026-11-08T07:59:59Z'), null);
  assert.equal(replacementRefusal(allowed, 2, '2026-11-02T09:00:00Z'), 'limit-reached');
  assert.equal(replacementRefusal(allowed, 0, '2026-11-08T08:00:00Z'), 'too-close-to-close');
});
