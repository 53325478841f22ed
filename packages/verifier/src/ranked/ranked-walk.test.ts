/**
 * The ranked walk's stray events (spec §11.8): a mix, share, rankings or result event for a
 * contest that is not ranked fails the check of its kind, on a record with no ranked contest too.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadGroup } from '@scrutineer/crypto';
import { type BoardEvent, parseManifest } from '@scrutineer/record';
import { ReportBuilder } from '../report.ts';
import { RankedWalk } from './ranked-walk.ts';

const setup = JSON.parse(
  readFileSync(
    new URL('../../fixtures/valid-small/record/board.jsonl', import.meta.url),
    'utf8'
  ).split('\n')[0] ?? ''
) as { body: unknown };
const manifest = parseManifest(setup.body);
assert.ok(manifest.ok);

const envelope = { position: 40, previous: '00'.repeat(32), time: '2026-11-08T18:00:00Z' };
const events: BoardEvent[] = [
  {
    ...envelope,
    type: 'mix',
    body: {
      contest: 0,
      mixer: 1,
      part: 0,
      parts: 1,
      inputHash: '00'.repeat(32),
      outputs: [],
      proof: '',
      signature: '00'.repeat(64),
    },
  },
  {
    ...envelope,
    type: 'ranked-decryption-share',
    body: {
      contest: 0,
      position: 0,
      trustee: 1,
      part: 0,
      parts: 1,
      checkpoint: { size: 1, root: '00'.repeat(32) },
      shares: [],
    },
  },
  { ...envelope, type: 'ranked-rankings', body: { contest: 0, candidates: 2, rankings: [[1]] } },
];

test('ranked events for a contest that is not ranked fail V10.2, V10.3 and V10.5', async () => {
  const report = new ReportBuilder();
  const walk = new RankedWalk(await loadGroup('sodium'), manifest.value, report);
  assert.equal(walk.active, false);
  for (const event of events) walk.observe(event);
  walk.reportStrays();
  for (const id of ['V10.2', 'V10.3', 'V10.5'] as const) assert.ok(report.hasFailed(id), id);
  assert.equal(report.hasFailed('V11.1'), false);
});
