import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeclarationEvent, declarationCsv, declareResult } from './declaration.ts';
import type { Manifest } from './manifest.ts';

const pair = [
  { id: 'kim', name: 'Kim' },
  { id: 'pat', name: 'Pat' },
];
const contest = (id: string) => ({
  id,
  title: id,
  minSelections: 0,
  maxSelections: 1,
  candidates: pair,
});
// Members vote in the general contest and the members' part of the chair; affiliates (weighted)
// in the general contest and the affiliates' part. The chair combines the parts 2 : 1.
const manifest = {
  electionId: 'event-2026',
  title: 'Annual ballot',
  organisation: 'Example Union',
  contests: [contest('general'), contest('chair-members'), contest('chair-affiliates')],
  styles: {
    minCategorySize: 1,
    categories: [
      { id: 'member', name: 'Members', contests: ['general', 'chair-members'] },
      { id: 'affiliate', name: 'Affiliates', contests: ['general', 'chair-affiliates'] },
    ],
  },
  weights: { max: 20 },
  colleges: [
    {
      id: 'chair',
      title: 'Chair',
      parts: [
        { contest: 'chair-members', share: 2 },
        { contest: 'chair-affiliates', share: 1 },
      ],
    },
  ],
} as unknown as Manifest;

const option = (online: number) => ({ online, postal: 0, total: online });
const key = (n: number) => String(n).repeat(64);
const events: DeclarationEvent[] = [
  {
    type: 'credentials',
    body: {
      keys: [key(1), key(2), key(3), key(4), key(5)],
      styles: ['member', 'member', 'member', 'affiliate', 'affiliate'],
      weights: [1, 1, 1, 10, 20],
    },
  },
  {
    type: 'election-open',
    body: { baseHash: '0'.repeat(64), credentialCount: 5, credentialListHash: '0'.repeat(64) },
  },
  // Two members (weight 1 each) and the affiliate of weight 20 voted.
  {
    type: 'encrypted-tally',
    body: {
      ballots: 3,
      weight: 22,
      contests: [
        { options: [], ballots: 3, weight: 22 },
        { options: [], ballots: 2, weight: 2 },
        { options: [], ballots: 1, weight: 20 },
      ],
    },
  },
  {
    type: 'election-result',
    body: {
      contests: [
        { options: [option(1), option(21)] },
        { options: [option(1), option(1)] },
        { options: [option(0), option(20)] },
      ],
    },
  },
];

test('styles and weights: each contest has its own electorate and turnout, weighted beside', () => {
  const declaration = declareResult(manifest, events);
  assert.ok(declaration !== null);
  assert.equal(declaration.electorate, 5);
  assert.deepEqual(declaration.turnout, { online: 3, postal: 0, total: 3, percent: 60 });
  const [general, members, affiliates] = declaration.contests;
  assert.equal(general?.electorate, 5);
  assert.deepEqual(general?.turnout, { online: 3, postal: 0, total: 3, percent: 60 });
  assert.deepEqual(general?.weighted, { electorate: 33, turnout: 22, percent: 66.7, papers: 22 });
  assert.equal(general?.papers, 3);
  // Shares are of the weighted papers: 1/22 and 21/22.
  assert.deepEqual(
    general?.candidates.map((c) => [c.id, c.total, c.percent, c.elected]),
    [
      ['kim', 1, 4.5, false],
      ['pat', 21, 95.5, true],
    ]
  );
  assert.equal(members?.electorate, 3);
  assert.deepEqual(members?.turnout, { online: 2, postal: 0, total: 2, percent: 66.7 });
  assert.deepEqual(members?.weighted, { electorate: 3, turnout: 2, percent: 66.7, papers: 2 });
  assert.deepEqual(members?.tiedForLastSeat, ['kim', 'pat']);
  assert.equal(affiliates?.electorate, 2);
  assert.deepEqual(affiliates?.turnout, { online: 1, postal: 0, total: 1, percent: 50 });
  assert.deepEqual(affiliates?.weighted, {
    electorate: 30,
    turnout: 20,
    percent: 66.7,
    papers: 20,
  });
});

test('colleges: the combined result by the published shares (2/3·1/2 + 1/3·1 = 2/3)', () => {
  const declaration = declareResult(manifest, events);
  assert.deepEqual(declaration?.colleges, [
    {
      id: 'chair',
      title: 'Chair',
      parts: [
        { contest: 'chair-members', share: 2 },
        { contest: 'chair-affiliates', share: 1 },
      ],
      candidates: [
        { id: 'kim', name: 'Kim', numerator: '1', denominator: '3', percent: 33.33, leader: false },
        { id: 'pat', name: 'Pat', numerator: '2', denominator: '3', percent: 66.67, leader: true },
      ],
      leaders: ['pat'],
    },
  ]);
  // The JSON file carries it as is (no big integers).
  assert.doesNotThrow(() => JSON.stringify(declaration));
  const csv = declarationCsv(declaration ?? assert.fail('no declaration'));
  assert.match(csv, /\r\nchair-affiliates,2,1,0,1,50\.0,30,20,66\.7\r\n/);
  assert.match(csv, /\r\ncollege,candidate_id,candidate,numerator,denominator,percent,leader\r\n/);
  assert.match(csv, /\r\nchair,pat,Pat,2,3,66\.67,yes\r\n/);
});

test('credentials published after the open (replacements inherit) do not change the electorate', () => {
  const late: DeclarationEvent = {
    type: 'credentials',
    body: { keys: [key(6)], styles: ['member'], weights: [5] },
  };
  const declaration = declareResult(manifest, [...events.slice(0, 2), late, ...events.slice(2)]);
  assert.equal(declaration?.contests[1]?.electorate, 3);
  assert.equal(declaration?.contests[1]?.weighted?.electorate, 3);
});

test('postal papers count in the contests of their batch’s style only (§13.2.1 step 4)', () => {
  // Two members and one affiliate voted by post, in one batch per style; a member's paper was void.
  const batch = (name: string, style: string, papers: number, spoilt: number, counts: number[][]) =>
    ({
      type: 'postal-batch',
      body: { batch: name, style, papers, spoilt, contests: counts.map((c) => ({ counts: c })) },
    }) as DeclarationEvent;
  const withPost = [
    ...events.slice(0, 3),
    batch('m1', 'member', 2, 1, [
      [1, 0],
      [0, 1],
      [0, 0],
    ]),
    batch('a1', 'affiliate', 1, 0, [
      [0, 1],
      [0, 0],
      [1, 0],
    ]),
    ...events.slice(3),
  ];
  const declaration = declareResult(manifest, withPost);
  assert.ok(declaration !== null);
  assert.deepEqual(declaration.turnout, { online: 3, postal: 3, total: 6, percent: 120 });
  const [general, members, affiliates] = declaration.contests;
  assert.deepEqual(general?.turnout, { online: 3, postal: 3, total: 6, percent: 120 });
  assert.equal(general?.papers, 3 + 3 - 1);
  assert.deepEqual(members?.turnout, { online: 2, postal: 2, total: 4, percent: 133.3 });
  assert.equal(members?.papers, 2 + 2 - 1);
  assert.deepEqual(members?.weighted, { electorate: 3, turnout: 4, percent: 133.3, papers: 3 });
  // The affiliates' part counts the affiliate's paper, not the members' two.
  assert.deepEqual(affiliates?.turnout, { online: 1, postal: 1, total: 2, percent: 100 });
  assert.deepEqual(affiliates?.weighted, {
    electorate: 30,
    turnout: 21,
    percent: 70,
    papers: 21,
  });
});
