import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeclarationEvent, declarationCsv, declareResult } from './declaration.ts';
import type { Manifest } from './manifest.ts';

const manifest = {
  electionId: 'chair-2026',
  title: 'Chair, "2026"',
  organisation: 'Example Party',
  contests: [
    {
      id: 'chair',
      title: 'Chair',
      minSelections: 1,
      maxSelections: 1,
      candidates: [
        { id: 'a', name: 'Alex' },
        { id: 'b', name: 'Sam, Jr' },
        { id: 'c', name: 'Kim' },
      ],
    },
    {
      id: 'board',
      title: 'Board',
      minSelections: 0,
      maxSelections: 2,
      candidates: [
        { id: 'x', name: 'X' },
        { id: 'y', name: 'Y' },
        { id: 'z', name: 'Z' },
      ],
    },
  ],
} as unknown as Manifest;

const option = (online: number, postal: number) => ({ online, postal, total: online + postal });
const events: DeclarationEvent[] = [
  {
    type: 'election-open',
    body: { baseHash: '0'.repeat(64), credentialCount: 40, credentialListHash: '0'.repeat(64) },
  },
  {
    type: 'cast-refused',
    body: { credential: '1'.repeat(64), channel: 'online', reason: 'already-voted-by-post' },
  },
  {
    type: 'cast-refused',
    body: { credential: '2'.repeat(64), channel: 'postal', reason: 'credential-revoked' },
  },
  { type: 'postal-batch', body: { batch: 'b1', papers: 6, spoilt: 1, contests: [] } },
  { type: 'postal-batch', body: { batch: 'b2', papers: 4, spoilt: 1, contests: [] } },
  { type: 'encrypted-tally', body: { ballots: 12, contests: [] } },
  {
    type: 'election-result',
    body: {
      contests: [
        { options: [option(8, 3), option(3, 4), option(1, 1)] },
        { options: [option(5, 2), option(5, 2), option(2, 1)] },
      ],
    },
  },
];

test('the declaration: electorate, turnout by channel, spoilt, rejected, shares and the elected', () => {
  const declaration = declareResult(manifest, events);
  assert.ok(declaration !== null);
  assert.equal(declaration.electorate, 40);
  assert.deepEqual(declaration.turnout, { online: 12, postal: 10, total: 22, percent: 55 });
  assert.equal(declaration.spoilt, 2);
  assert.equal(declaration.rejected.total, 2);
  assert.equal(declaration.rejected.byReason['already-voted-by-post'], 1);
  const [chair, board] = declaration.contests;
  assert.equal(chair?.papers, 20);
  assert.deepEqual(
    chair?.candidates.map((c) => [c.id, c.total, c.percent, c.elected]),
    [
      ['a', 11, 55, true],
      ['b', 7, 35, false],
      ['c', 2, 10, false],
    ]
  );
  assert.deepEqual(
    board?.candidates.filter((c) => c.elected).map((c) => c.id),
    ['x', 'y']
  );
  assert.deepEqual(board?.tiedForLastSeat, []);
});

test('a tie across the last seat elects none of the tied; nothing before the result', () => {
  const tied = events.map((event) =>
    event.type === 'election-result'
      ? {
          type: 'election-result',
          body: {
            contests: [
              { options: [option(5, 0), option(5, 0), option(1, 0)] },
              { options: [option(6, 0), option(3, 0), option(3, 0)] },
            ],
          },
        }
      : event
  );
  const declaration = declareResult(manifest, tied);
  assert.deepEqual(declaration?.contests[0]?.tiedForLastSeat, ['a', 'b']);
  assert.equal(
    declaration?.contests[0]?.candidates.some((c) => c.elected),
    false
  );
  assert.deepEqual(
    declaration?.contests[1]?.candidates.map((c) => c.elected),
    [true, false, false]
  );
  assert.deepEqual(declaration?.contests[1]?.tiedForLastSeat, ['y', 'z']);
  assert.equal(declareResult(manifest, events.slice(0, -1)), null);
  const csv = declarationCsv(declaration ?? assert.fail('no declaration'));
  assert.match(csv, /^contest,candidate_id,candidate,online,postal,total,percent,elected\r\n/);
  assert.match(csv, /chair,b,"Sam, Jr",5,0,5,25\.0,tied\r\n/);
  assert.match(csv, /\r\nelectorate,40\r\n/);
  assert.match(csv, /\r\nspoilt_postal_papers,2\r\n/);
});

test('without styles, weights or colleges the declaration has no per-contest figures', () => {
  const declaration = declareResult(manifest, events);
  assert.equal(declaration !== null && 'colleges' in declaration, false);
  for (const contest of declaration?.contests ?? []) {
    assert.equal('electorate' in contest, false);
    assert.equal('turnout' in contest, false);
  }
  const csv = declarationCsv(declaration ?? assert.fail('no declaration'));
  assert.doesNotMatch(csv, /weighted_electorate|college,/);
});
