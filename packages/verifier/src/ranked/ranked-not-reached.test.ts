/**
 * Spec verification.md V10: nothing after a mixer at fault is checked, so V10.3–V10.5 are then
 * not reached — never "passed with 0 items" merely because the record reached their stage.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGroup } from '@scrutineer/crypto';
import { recordDirectory } from '../node/record-directory.ts';
import { ReportBuilder } from '../report.ts';
import { verifyRecord } from '../verify-record.ts';

const fixture = (name: string) =>
  new URL(`../../fixtures/${name}/record`, import.meta.url).pathname;

test('after a bad mix (V10.2 fails) V10.3–V10.5 are not reached; on a valid record they pass', async () => {
  const group = await loadGroup('sodium');
  const status = async (name: string) => {
    const report = await verifyRecord(recordDirectory(fixture(name)), { group });
    return ['V10.2', 'V10.3', 'V10.4', 'V10.5'].map(
      (id) => report.checks.find((c) => c.id === id)?.status
    );
  };
  assert.deepEqual(await status('tampered-v10-2-mix-duplicates'), [
    'failed',
    'not-reached',
    'not-reached',
    'not-reached',
  ]);
  assert.deepEqual(await status('valid-ranked'), ['passed', 'passed', 'passed', 'passed']);
});

test('a check held back stays not reached even when its stage reaches it, unless it failed', () => {
  const report = new ReportBuilder();
  for (const id of ['V10.3', 'V10.4', 'V10.5'] as const) report.reach(id);
  report.fail('V10.5', 'two rankings events');
  report.holdBack('V10.3', 'V10.4', 'V10.5');
  report.pass('V10.4');
  const statuses = report
    .build('final', 0, null)
    .checks.filter((c) => ['V10.3', 'V10.4', 'V10.5'].includes(c.id))
    .map((c) => [c.id, c.status, c.checked]);
  assert.deepEqual(statuses, [
    ['V10.3', 'not-reached', 0],
    ['V10.4', 'not-reached', 0],
    ['V10.5', 'failed', 1],
  ]);
});
