import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, frameParts, hexToBytes, sha256, utf8 } from '@scrutineer/crypto';
import { opensPostalReturn, postalReturnCommitment } from './postal-return.ts';
import { isAllowedIn, isAllowedOnChannels } from './stages.ts';

const C = 'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76';
const S = '00112233445566778899aabbccddeeff';

test('postal return commitment is eq. (9.2): SHA-256 of the framed tag, credential and secret', () => {
  const expected = bytesToHex(
    sha256(frameParts([utf8('scrutineer/v1/postal-return'), hexToBytes(C), hexToBytes(S)]))
  );
  assert.equal(postalReturnCommitment(C, S), expected);
  assert.ok(opensPostalReturn(expected, C, S));
  assert.ok(!opensPostalReturn(expected, C, `${S.slice(0, -2)}00`), 'another secret');
  assert.ok(!opensPostalReturn(expected, `${C.slice(0, -2)}00`, S), 'another credential');
  assert.ok(!opensPostalReturn(expected, C, S.toUpperCase()), 'only lower-case hex');
  assert.ok(!opensPostalReturn(expected, C, 'zz'), 'malformed');
});

test('postal returns are admitted only while voting is open (spec §9.6)', () => {
  assert.ok(isAllowedIn('postal-received', 'open'));
  for (const stage of ['keyed', 'closed', 'tallied', 'final'] as const)
    assert.ok(!isAllowedIn('postal-received', stage), stage);
});

test("events are admitted only on the manifest's channels (spec §9.2)", () => {
  const postalOff = { online: true, postal: false };
  const onlineOff = { online: false, postal: true };
  const received = { type: 'postal-received', body: { credential: C, returnSecret: S } } as const;
  const batch = (papers: number, counts: number[]) => ({
    type: 'postal-batch' as const,
    body: { batch: 'b', papers, spoilt: 0, contests: [{ counts }] },
  });
  assert.ok(!isAllowedOnChannels(received, postalOff));
  assert.ok(isAllowedOnChannels(received, onlineOff));
  assert.ok(!isAllowedOnChannels(batch(1, [1, 0]), postalOff));
  assert.ok(!isAllowedOnChannels(batch(0, [1, 0]), postalOff));
  assert.ok(isAllowedOnChannels(batch(0, [0, 0]), postalOff));
  assert.ok(isAllowedOnChannels({ type: 'election-close', body: {} }, postalOff));
});
