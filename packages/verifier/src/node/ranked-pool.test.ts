/**
 * The ranked checks spread over worker threads (ranked/ranked-pool.ts) give the very report the
 * calling thread gives, on every ranked fixture: honest, a trustee's false share set aside, a mix
 * that duplicates a ballot, a share posted twice, an extra round, rankings that differ from the
 * decryption; and the shares decoded on the pool are those decoded inline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  type DecryptionShare,
  bytesToHex,
  encodeDecryptionShare,
  loadFastestGroup,
} from '@scrutineer/crypto';
import type { Manifest } from '@scrutineer/record';
import { decodeSharesPooled } from '../ranked/ranked-pool.ts';
import { decodeShares } from '../ranked/ranked-tasks.ts';
import { verifyRecord } from '../verify-record.ts';
import { recordDirectory } from './record-directory.ts';
import { workerPoolFactory } from './worker-pool-factory.ts';

const group = await loadFastestGroup();
const fixtures = [
  'valid-ranked',
  'valid-ranked-false-share',
  'tampered-v10-2-mix-duplicates',
  'tampered-v10-3-share-twice',
  'tampered-v10-4-extra-round',
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

test('decoding shares on the pool gives the shares decoded inline, and fails at the first bad one', async () => {
  const lines = readFileSync(
    new URL('../../fixtures/valid-ranked/record/board.jsonl', import.meta.url),
    'utf8'
  )
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; body: { shares?: string[] } });
  const fromRecord = lines.flatMap((e) =>
    e.type === 'ranked-decryption-share' ? (e.body.shares ?? []) : []
  );
  assert.ok(fromRecord.length > 0, 'the fixture has shares');
  // More than two slices' worth, so that the pool cuts them and puts them back in order.
  const shares = Array.from(
    { length: 12_001 },
    (_, i) => fromRecord[i % fromRecord.length] as string
  );
  const checkpoint = { size: 3, root: new Uint8Array(32).fill(1) };
  const runner = await workerPoolFactory({ threads: 2, backend: group.backend })({
    manifest: { contests: [] } as unknown as Manifest,
    electionKeyHex: '',
    baseHashHex: '',
  });
  const run = runner.runRanked?.bind(runner);
  assert.ok(run !== undefined);
  try {
    const encode = (list: readonly DecryptionShare[]) =>
      list.map((s) => bytesToHex(encodeDecryptionShare(group, s)));
    const pooled = await decodeSharesPooled(group, run, 5, checkpoint, shares);
    assert.deepEqual(encode(pooled), encode(decodeShares(group, 5, checkpoint, shares)));
    assert.deepEqual(pooled[11_000]?.checkpoint, checkpoint);
    // A non-canonical point in share 7,000 (second slice) and a short share in 11,000 (third).
    const bad = [...shares];
    bad[7000] = `${(bad[7000] as string).slice(0, 2)}${'ff'.repeat(32)}${(bad[7000] as string).slice(66)}`;
    bad[11_000] = (bad[11_000] as string).slice(0, 40);
    const inline = (() => {
      try {
        decodeShares(group, 5, checkpoint, bad);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    })();
    await assert.rejects(decodeSharesPooled(group, run, 5, checkpoint, bad), { message: inline });
    assert.notEqual(inline, 'no error');
  } finally {
    await runner.close();
  }
});
