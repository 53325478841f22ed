import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAuditCommit, parseAuditReveal, parseAuditStart } from './audit-steps.ts';

const HEX = 'ab'.repeat(32);

test('commitment, risk limit and seed typed as the CLI takes them become the event bodies', () => {
  assert.deepEqual(parseAuditCommit(' Ann Jones ', ` ${HEX.toUpperCase()} `), {
    ok: true,
    value: { observer: 'Ann Jones', commitment: HEX },
  });
  assert.deepEqual(parseAuditStart(' 5 % '), { ok: true, value: { riskLimit: 5 } });
  assert.deepEqual(parseAuditReveal('Ann', `${HEX}\n`), {
    ok: true,
    value: { observer: 'Ann', seed: HEX },
  });
});

test('each bad input is refused with its own code, naming what is wrong', () => {
  const code = (result: { ok: boolean; error?: { code: string } }) =>
    result.ok ? 'ok' : result.error?.code;
  assert.equal(code(parseAuditCommit('', HEX)), 'postal-audit/invalid-observer');
  assert.equal(code(parseAuditCommit('-Ann', HEX)), 'postal-audit/invalid-observer');
  assert.equal(code(parseAuditCommit('Ann', HEX.slice(2))), 'postal-audit/invalid-commitment');
  assert.equal(code(parseAuditCommit('Ann', 'zz'.repeat(32))), 'postal-audit/invalid-commitment');
  for (const limit of ['0', '51', '4.5', 'five', '', '1e1'])
    assert.equal(code(parseAuditStart(limit)), 'postal-audit/invalid-risk-limit', limit);
  assert.equal(code(parseAuditStart('50')), 'ok');
  assert.equal(code(parseAuditReveal('Ann', '')), 'postal-audit/invalid-seed');
  assert.equal(code(parseAuditReveal('A'.repeat(65), HEX)), 'postal-audit/invalid-observer');
});
