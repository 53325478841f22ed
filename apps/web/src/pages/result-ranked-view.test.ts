import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countedRankedLeader, rankedLeaderContest } from '@scrutineer/testkit/ranked-declaration';
import { setLanguage } from '../i18n/i18n.ts';
import { rankedView } from './result-ranked-view.ts';

test('a counted ranked contest reads as its first preferences, who is elected, and its stages', () => {
  const view = rankedView(countedRankedLeader);
  assert.equal(view?.status, 'counted');
  if (view?.status !== 'counted') return;
  assert.deepEqual(view.lines, [
    'Alternative vote (instant run-off); 1 seat(s).',
    '7 ballots counted, 1 of them blank.',
  ]);
  assert.deepEqual(view.first.rows, [
    ['Alex', '4', '66.7', ''],
    ['Sam', '2', '33.3', 'Elected'],
  ]);
  assert.deepEqual(view.stages.head, ['Candidate', 'Stage 1', 'Stage 2']);
  assert.deepEqual(view.stages.rows, [
    ['Alex', '4', '3'],
    ['Sam', '2', '5'],
    ['Non-transferable', '0', '1'],
  ]);
});

test('before its count a ranked contest reads as pending, in English and Welsh; others are not ranked', () => {
  const pending = rankedLeaderContest({ method: 'stv', rules: 'meek', sheet: null });
  assert.deepEqual(rankedView(pending), {
    status: 'pending',
    lines: [
      'Single transferable vote (Meek rules); 1 seat(s).',
      'The ranked count is pending: the result appears here once the rankings are counted.',
    ],
  });
  // As time.test.ts: setLanguage marks the document's language, which node has not got.
  Object.assign(globalThis, { document: { documentElement: { lang: '' } } });
  setLanguage('cy');
  try {
    assert.match(rankedView(pending)?.lines[1] ?? '', /heb ei wneud eto/);
  } finally {
    setLanguage('en');
  }
  assert.equal(rankedView({ ...countedRankedLeader, ranked: undefined }), null);
});
