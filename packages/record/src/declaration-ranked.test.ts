import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeclarationEvent, declarationCsv, declareResult } from './declaration.ts';
import type { Manifest } from './manifest.ts';
import type { RankedResultBody } from './ranked-result.ts';

const manifest = {
  electionId: 'leader-2026',
  title: 'Leader',
  organisation: 'Example Party',
  contests: [
    {
      id: 'leader',
      title: 'Leader',
      method: 'irv',
      minSelections: 0,
      maxSelections: 3,
      candidates: [
        { id: 'a', name: 'Alex' },
        { id: 'b', name: 'Sam' },
        { id: 'c', name: 'Kim' },
      ],
    },
  ],
} as unknown as Manifest;

const zeros = { online: 0, postal: 0, total: 0 };
const before: DeclarationEvent[] = [
  {
    type: 'election-open',
    body: { baseHash: '0'.repeat(64), credentialCount: 10, credentialListHash: '0'.repeat(64) },
  },
  { type: 'encrypted-tally', body: { ballots: 7, contests: [] } },
  // A ranked contest's homomorphic counts are empty: the sum of its entries adds nothing.
  { type: 'election-result', body: { contests: [{ options: [zeros, zeros, zeros] }] } },
];
const rankedResult: RankedResultBody = {
  contestId: 'leader',
  method: 'irv',
  rules: null,
  seed: '1'.repeat(64),
  sheet: {
    method: 'irv',
    rules: null,
    seats: 1,
    candidates: 3,
    ballots: 7,
    blank: 1,
    decimals: 0,
    stages: [
      {
        stage: 1,
        action: { type: 'first' },
        votes: ['3', '2', '1'],
        nonTransferable: '0',
        quota: '4',
        elected: [],
        excluded: [],
        ties: [],
      },
      {
        stage: 2,
        action: { type: 'exclude', candidates: [2] },
        votes: ['3', '3', '0'],
        nonTransferable: '0',
        quota: '4',
        elected: [],
        excluded: [2],
        ties: [],
      },
      {
        stage: 3,
        action: { type: 'exclude', candidates: [0] },
        votes: ['0', '5', '0'],
        nonTransferable: '1',
        quota: '4',
        elected: [1],
        excluded: [0, 2],
        ties: [],
      },
    ],
    elected: [1],
  },
};

test('a ranked contest is declared pending, with no rows, before its ranked count', () => {
  const declaration = declareResult(manifest, before);
  assert.ok(declaration !== null);
  const contest = declaration.contests[0];
  assert.deepEqual(contest?.candidates, []);
  assert.deepEqual(contest?.ranked, { method: 'irv', rules: null, sheet: null });
  const csv = declarationCsv(declaration);
  assert.doesNotMatch(csv, /^leader,a,/m, 'no zero row for a count not yet made');
  assert.match(csv, /^leader,irv,,pending,,,,\r$/m);
});

test('a ranked contest is declared by its ranked result: first preferences and who is elected', () => {
  const declaration = declareResult(manifest, [
    ...before,
    { type: 'ranked-result', body: rankedResult },
  ]);
  assert.ok(declaration !== null);
  const contest = declaration.contests[0];
  assert.equal(contest?.papers, 7);
  assert.equal(contest?.seats, 1);
  assert.deepEqual(
    contest?.candidates.map((row) => [row.id, row.total, row.percent, row.elected]),
    [
      ['a', 3, 50, false],
      ['b', 2, 33.3, true],
      ['c', 1, 16.7, false],
    ]
  );
  assert.equal(contest?.ranked?.sheet?.stages.length, 3);
  const csv = declarationCsv(declaration);
  assert.match(csv, /^leader,b,Sam,2,0,2,33\.3,yes\r$/m);
  assert.match(csv, /^leader,irv,,counted,7,1,3,b\r$/m);
});
