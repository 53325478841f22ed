/**
 * Verification "Reached": a check is reported from the stage at which it applies, with 0 items if
 * there was nothing to check, and not reached before that stage (so a record without complaints
 * and one without replacements are reported alike).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGroup } from '@scrutineer/crypto';
import { recordDirectory } from './node/record-directory.ts';
import { verifyRecord } from './verify-record.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const group = await loadGroup('sodium');

async function statuses(name: string): Promise<Map<string, { status: string; checked: number }>> {
  const report = await verifyRecord(recordDirectory(`${fixtures}${name}/record`), { group });
  return new Map(report.checks.map((c) => [c.id, { status: c.status, checked: c.checked }]));
}

test('a record at stage open reports V3.3 and V4.5 passed with nothing to check, and no tally check', async () => {
  const checks = await statuses('valid-partial-open');
  assert.deepEqual(checks.get('V3.3'), { status: 'passed', checked: 0 }, 'no complaint');
  assert.deepEqual(checks.get('V4.5'), { status: 'passed', checked: 0 }, 'no replacement');
  assert.deepEqual(checks.get('V6.1'), { status: 'passed', checked: 0 }, 'no postal return');
  for (const id of ['V6.4', 'V7.1', 'V8.1', 'V8.2', 'V9.1'])
    assert.equal(checks.get(id)?.status, 'not-reached', id);
  assert.equal(checks.get('V1.3')?.status, 'not-reached', 'the manifest names no nominations');
});

test('a final record reaches every check but V1.3 and V1.10 when it names no nominations and no booth', async () => {
  const checks = await statuses('valid-small');
  for (const [id, { status }] of checks)
    assert.equal(status, id === 'V1.3' || id === 'V1.10' ? 'not-reached' : 'passed', id);
});

test('V1.10 is reached, and passes, when the manifest names a booth', async () => {
  const checks = await statuses('valid-booth-digest');
  assert.equal(checks.get('V1.10')?.status, 'passed');
});
