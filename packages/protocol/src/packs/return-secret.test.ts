import assert from 'node:assert/strict';
import { test } from 'node:test';
import { opensPostalReturn } from '@scrutineer/record';
import { encodeReturnSlip, generatePostalReturn, parseReturnSlip } from './return-secret.ts';

const C = 'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76';

test('a drawn return secret opens its own commitment, and two draws differ', () => {
  const first = generatePostalReturn(C);
  const second = generatePostalReturn(C);
  assert.match(first.secret, /^[0-9a-f]{32}$/);
  assert.ok(opensPostalReturn(first.commitment, C, first.secret));
  assert.notEqual(first.secret, second.secret);
  assert.ok(!opensPostalReturn(first.commitment, C, second.secret));
});

test('the return slip text round-trips, in upper-case hex, and malformed slips are refused', () => {
  const slip = { credential: C, returnSecret: 'ab'.repeat(16) };
  const text = encodeReturnSlip(slip);
  assert.equal(text, `RETURN2:${C.toUpperCase()}:${'AB'.repeat(16)}`);
  assert.deepEqual(parseReturnSlip(text), { ok: true, value: slip });
  assert.deepEqual(parseReturnSlip(` ${text.toLowerCase().replace('return2', 'RETURN2')}\n`), {
    ok: true,
    value: slip,
  });
  for (const bad of [
    '',
    C,
    `RETURN2:${C}:${'AB'.repeat(15)}`,
    `RETURN1:ABCDE-FGH12:${'AB'.repeat(16)}`,
    'ROLL1:1:2',
  ])
    assert.equal(parseReturnSlip(bad).ok, false, bad);
});
