import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collegeResults } from './colleges.ts';
import { credentialTerms, smallCategories, styleRefusal } from './ballot-styles.ts';
import { checkBallotShape } from './ballot.ts';
import { type Manifest, parseManifest } from './manifest.ts';

const key = (byte: string): string => byte.repeat(32);
const contest = (id: string, names = ['Kim', 'Pat']) => ({
  id,
  title: id,
  minSelections: 1,
  maxSelections: 1,
  candidates: names.map((name) => ({ id: name.toLowerCase(), name })),
});
const draft = {
  format: 'scrutineer/v1',
  electionId: 'styled-2026',
  title: 'Styled',
  organisation: 'Example Union',
  contests: [
    contest('general', ['Alex', 'Sam']),
    contest('north-seat', ['Jo', 'Ria']),
    contest('chair-members'),
    contest('chair-affiliates'),
  ],
  window: { opens: '2026-11-01T09:00:00Z', closes: '2026-11-08T17:00:00Z' },
  channels: { online: true, postal: false },
  policy: 'first-ballot-final',
  trustees: {
    threshold: 1,
    members: [{ index: 1, name: 'T1', publicKey: key('01'), keyProof: '00'.repeat(64) }],
  },
  board: { publicKey: key('aa') },
  roll: { count: 6, root: key('bb') },
  securityQuestions: [],
  styles: {
    minCategorySize: 2,
    categories: [
      { id: 'north', name: 'North', contests: ['general', 'north-seat', 'chair-members'] },
      { id: 'south', name: 'South', contests: ['general', 'chair-members'] },
      { id: 'affiliates', name: 'Affiliates', contests: ['general', 'chair-affiliates'] },
    ],
  },
  weights: { max: 10 },
  colleges: [
    {
      id: 'chair',
      title: 'Chair',
      parts: [
        { contest: 'chair-members', share: 50 },
        { contest: 'chair-affiliates', share: 50 },
      ],
    },
  ],
};

function manifestOf(value: unknown): Manifest {
  const parsed = parseManifest(value);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
const manifest = manifestOf(draft);
const entry = (id: string) => ({ contest: id, selections: [1, 2] });
const ballotOf = (...ids: string[]) => ({ election: 'styled-2026', contests: ids.map(entry) });

describe('ballot styles (spec §13)', () => {
  test('manifest invariants: styles in manifest order, every contest covered, college parts alike', () => {
    const unordered = structuredClone(draft);
    unordered.styles.categories[0] = {
      id: 'north',
      name: 'N',
      contests: ['north-seat', 'general'],
    };
    assert.equal(parseManifest(unordered).ok ? '' : 'refused', 'refused');
    const orphan = structuredClone(draft);
    orphan.styles.categories[0] = { id: 'north', name: 'N', contests: ['general'] };
    const refused = parseManifest(orphan);
    assert.equal(refused.ok ? '' : refused.error.code, 'record/invalid-style');
    const unlike = structuredClone(draft);
    unlike.colleges[0] = {
      id: 'chair',
      title: 'C',
      parts: [
        { contest: 'general', share: 1 },
        { contest: 'chair-members', share: 1 },
      ],
    };
    const college = parseManifest(unlike);
    assert.equal(college.ok ? '' : college.error.code, 'record/invalid-college');
  });

  test('a ballot covers exactly its style: a forbidden contest and a missing one are refused', () => {
    const affiliate = { style: 'affiliates', weight: 3 };
    assert.equal(styleRefusal(manifest, affiliate, ballotOf('general', 'chair-affiliates')), null);
    assert.equal(
      styleRefusal(manifest, affiliate, ballotOf('general', 'north-seat', 'chair-affiliates'))
        ?.code,
      'record/contest-not-in-style'
    );
    assert.equal(
      styleRefusal(manifest, affiliate, ballotOf('general'))?.code,
      'record/style-incomplete'
    );
    // The shape alone: contest ids in manifest order, each once.
    assert.equal(
      checkBallotShape(manifest, ballotOf('chair-affiliates', 'general'))?.code,
      'record/wrong-contest-count'
    );
    assert.equal(checkBallotShape(manifest, ballotOf('general', 'chair-affiliates')), null);
  });

  test('credential terms: weights within the maximum, known categories, small categories named', () => {
    const keys = [key('01'), key('02')];
    const good = credentialTerms(manifest, { keys, styles: ['north', 'south'], weights: [1, 10] });
    assert.equal(good.error, null);
    assert.deepEqual(good.terms, [
      { style: 'north', weight: 1 },
      { style: 'south', weight: 10 },
    ]);
    assert.equal(
      credentialTerms(manifest, { keys, styles: ['north', 'west'], weights: [1, 1] }).error?.code,
      'record/unknown-category'
    );
    assert.equal(
      credentialTerms(manifest, { keys, styles: ['north', 'south'], weights: [1, 11] }).error?.code,
      'record/weight-too-large'
    );
    assert.equal(
      credentialTerms(manifest, { keys, styles: ['north', 'south'] }).error?.code,
      'record/weights-mismatch'
    );
    assert.deepEqual(
      smallCategories(
        manifest,
        new Map([
          ['north', 1],
          ['south', 2],
          ['affiliates', 0],
        ])
      ),
      [{ id: 'north', count: 1 }]
    );
  });

  test('college arithmetic: exact fractions, half-up percentages, leaders by exact score', () => {
    // Members 2–2, affiliates 0–20: Kim ½·½ + ½·0 = 1/4, Pat ½·½ + ½·1 = 3/4.
    const [chair] = collegeResults(manifest, [
      [13, 11],
      [0, 2],
      [2, 2],
      [0, 20],
    ]);
    assert.deepEqual(
      chair?.options.map((o) => [o.candidate, o.numerator, o.denominator, o.basisPoints]),
      [
        ['kim', 1n, 4n, 2500],
        ['pat', 3n, 4n, 7500],
      ]
    );
    assert.deepEqual(chair?.leaders, ['pat']);
    // 2/3 rounds half up to 66.67 %; an empty part contributes nothing (its share is not moved).
    const [thirds] = collegeResults(manifest, [
      [0, 0],
      [0, 0],
      [2, 1],
      [0, 0],
    ]);
    assert.deepEqual(
      thirds?.options.map((o) => o.basisPoints),
      [3333, 1667]
    );
    assert.deepEqual(
      thirds?.options.map((o) => `${o.numerator}/${o.denominator}`),
      ['1/3', '1/6']
    );
    const [tie] = collegeResults(manifest, [
      [0, 0],
      [0, 0],
      [1, 1],
      [3, 3],
    ]);
    assert.deepEqual(tie?.leaders, ['kim', 'pat']);
  });
});
