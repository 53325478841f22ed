/**
 * The ranked checks spread over worker threads (ranked/ranked-pool.ts) give the very report the
 * calling thread gives, on every ranked fixture: honest, a trustee's false share set aside, a mix
 * that duplicates a ballot, rankings that differ from the decryption.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFastestGroup } from '@scrutineer/crypto';
import { verifyRecord } from '../verify-record.ts';
import { recordDirectory } from './record-directory.ts';
import { workerPoolFactory } from './worker-pool-factory.ts';

const group = await loadFastestGroup();
const fixtures = [
  'valid-ranked',
  'valid-ranked-false-share',
  'tampered-v10-2-mix-duplicates',
  'tampered-v10-5-rankings',
];

for (const name of fixtures)
  test(`${name}: the same report with the ranked checks on two worker threads`, async () => {
    const source = recordDirectory(
      new URL(`../../fixtures/${name}/record/`, import.meta.url).pathname
    );
    const inline = await verifyRecord(source, { group });
    const pooled = await verifyRecord(source, {
      group,
      runners: workerPoolFactory({ threads: 2, backend: group.backend }),
    });
    assert.deepEqual(pooled, inline);
    const ranked = pooled.checks.filter((c) => c.id.startsWith('V10.'));
    assert.ok(
      ranked.some((c) => c.status !== 'not-reached'),
      'the ranked checks ran'
    );
  });
