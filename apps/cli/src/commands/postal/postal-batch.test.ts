import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '@scrutineer/record';
import { batchTotals, compareEntries, parseKeyedEntries } from './postal-batch.ts';

const manifest = (() => {
  const parsed = parseManifest({
    format: 'scrutineer/v1',
    electionId: 'postal-test',
    title: 'Test',
    organisation: 'Example Party',
    contests: [
      {
        id: 'leader',
        title: 'Leader',
        minSelections: 1,
        maxSelections: 1,
        candidates: [
          { id: 'alex-morgan', name: 'Alex Morgan' },
          { id: 'sam-patel', name: 'Sam Patel' },
        ],
      },
    ],
    window: { opens: '2025-09-01T09:00:00Z', closes: '2025-09-30T17:00:00Z' },
    channels: { online: true, postal: true },
    policy: 'first-ballot-final',
    trustees: {
      threshold: 1,
      members: [{ index: 1, name: 'T', publicKey: '11'.repeat(32), keyProof: '22'.repeat(64) }],
    },
    board: { publicKey: '33'.repeat(32) },
    roll: { count: 3, root: '00'.repeat(32) },
    securityQuestions: [{ id: 'dob', label: 'Date of birth' }],
  });
  assert.ok(parsed.ok, !parsed.ok ? parsed.error.message : '');
  return parsed.value;
})();

const first =
  'pack_id,choice\nP1,Alex Morgan\nP2,2\nP3,spoilt\nP4,Alex Morgan;Sam Patel\nP5,Nobody\n';

test('agreeing entries give per-candidate totals; spoilt, over-voted and unknown choices are spoilt', () => {
  const papers = parseKeyedEntries(first);
  assert.deepEqual(
    compareEntries(papers, parseKeyedEntries(first.replace('Alex Morgan\n', 'alex  morgan\n'))),
    []
  );
  assert.deepEqual(batchTotals(manifest, papers), {
    papers: 5,
    spoilt: 3,
    contests: [{ counts: [1, 1] }],
  });
});

test('a paper keyed differently, or missing, is flagged with both entries', () => {
  const second = parseKeyedEntries(
    'pack_id,choice\nP1,Sam Patel\nP2,2\nP3,spoilt\nP4,Alex Morgan;Sam Patel\n'
  );
  const mismatches = compareEntries(parseKeyedEntries(first), second);
  assert.deepEqual(
    mismatches.map((m) => [m.paper, m.first, m.second]),
    [
      [1, 'P1 alex morgan', 'P1 sam patel'],
      [5, 'P5 nobody', '(missing)'],
    ]
  );
});

test('an entry file without the pack_id,choice header is refused', () => {
  assert.throws(() => parseKeyedEntries('id,vote\nP1,1\n'), /pack_id,choice/);
});
