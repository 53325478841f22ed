import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Manifest } from '@scrutineer/record';
import { testManifest } from '../../../test-fixtures/test-manifest.ts';
import { ANSWERS_FORMAT, type AnswersFile, type AnswersFileEntry } from '../packs/pack-files.ts';
import { answersTermsProblem, publishedTermsSummary } from './open-terms.ts';

const plain = testManifest({ electionId: 'open-terms', candidates: ['A', 'B'] });
const styled: Manifest = {
  ...plain,
  styles: {
    minCategorySize: 1,
    categories: [{ id: 'north', name: 'North', contests: ['leader'] }],
  },
  weights: { max: 5 },
};

function answers(entries: readonly Partial<AnswersFileEntry>[]): AnswersFile {
  return {
    format: ANSWERS_FORMAT,
    electionId: 'open-terms',
    questions: ['dob'],
    count: entries.length,
    credentialListHash: '00'.repeat(32),
    entries: entries.map((e, i) => ({
      key: String(i).padStart(64, '0'),
      answersHash: '11'.repeat(32),
      returnCommitment: '22'.repeat(32),
      ...e,
    })),
  };
}

test('election open refuses an answers table made for another manifest', () => {
  const bound = answers([
    { style: 'north', weight: 1 },
    { style: 'north', weight: 3 },
  ]);
  assert.equal(answersTermsProblem(styled, bound), null);
  assert.equal(answersTermsProblem(plain, answers([{}, {}])), null);
  assert.match(
    answersTermsProblem(styled, answers([{ style: 'north', weight: 1 }, { weight: 1 }])) ?? '',
    /ballot styles but 1 of the 2 credentials/
  );
  assert.match(answersTermsProblem(plain, bound) ?? '', /manifest has no styles/);
  assert.match(
    answersTermsProblem(styled, answers([{ style: 'north' }])) ?? '',
    /weights but 1 of the 1/
  );
  assert.match(publishedTermsSummary(styled, bound), /north\s+2 credentials, weight 4\n/);
  assert.equal(publishedTermsSummary(plain, answers([{}])), '');
});
