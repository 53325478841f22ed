import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeclarationEvent, type Manifest, declareResult } from '@scrutineer/record';
import { declarationSchema } from './overview-endpoints.ts';

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
      maxSelections: 2,
      candidates: [
        { id: 'a', name: 'Alex' },
        { id: 'b', name: 'Sam' },
      ],
    },
  ],
} as unknown as Manifest;
const zeros = { online: 0, postal: 0, total: 0 };
const tallied: DeclarationEvent[] = [
  { type: 'encrypted-tally', body: { ballots: 3, contests: [] } },
  { type: 'election-result', body: { contests: [{ options: [zeros, zeros] }] } },
];
const sheet = {
  method: 'irv' as const,
  rules: null,
  seats: 1,
  candidates: 2,
  ballots: 3,
  blank: 0,
  decimals: 0 as const,
  stages: [
    {
      stage: 1,
      action: { type: 'first' as const },
      votes: ['2', '1'],
      nonTransferable: '0',
      quota: '2',
      elected: [0],
      excluded: [],
      ties: [],
    },
  ],
  elected: [0],
};

test('the declaration endpoint’s schema carries a ranked contest, pending and counted', () => {
  const pending = declareResult(manifest, tallied);
  const counted = declareResult(manifest, [
    ...tallied,
    {
      type: 'ranked-result',
      body: { contestId: 'leader', method: 'irv', rules: null, seed: '1'.repeat(64), sheet },
    },
  ]);
  for (const declaration of [pending, counted]) {
    const parsed = declarationSchema.safeParse(JSON.parse(JSON.stringify(declaration)));
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  }
  assert.deepEqual(counted?.contests[0]?.ranked?.sheet, sheet);
});
