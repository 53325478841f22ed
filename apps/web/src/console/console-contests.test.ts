import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BoardEvent, type Manifest, parseManifest } from '@scrutineer/record';
import { contestTurnout, percentText } from './console-contests.ts';

const hex = (byte: string): string => byte.repeat(32);
const contest = (id: string) => ({
  id,
  title: id,
  minSelections: 1,
  maxSelections: 1,
  candidates: [
    { id: 'kim', name: 'Kim' },
    { id: 'pat', name: 'Pat' },
  ],
});
const base = {
  format: 'scrutineer/v1',
  electionId: 'console-contests',
  title: 'Styled',
  organisation: 'Example Union',
  contests: [contest('general'), contest('north-seat')],
  window: { opens: '2026-11-01T09:00:00Z', closes: '2026-11-08T17:00:00Z' },
  channels: { online: true, postal: false },
  policy: 'first-ballot-final',
  trustees: {
    threshold: 1,
    members: [{ index: 1, name: 'T1', publicKey: hex('01'), keyProof: '00'.repeat(64) }],
  },
  board: { publicKey: hex('aa') },
  roll: { count: 3, root: hex('bb') },
  securityQuestions: [],
};

function manifestOf(extra: object): Manifest {
  const parsed = parseManifest({ ...base, ...extra });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.value;
}

/** Only `type` and `body` are read. */
const event = (type: string, body: object) => ({ type, body }) as unknown as BoardEvent;
const cast = (credential: string, contests: readonly string[]) =>
  event('ballot-cast', { ballot: { credential, contests: contests.map((c) => ({ contest: c })) } });

const styled = manifestOf({
  styles: {
    minCategorySize: 1,
    categories: [
      { id: 'north', name: 'North', contests: ['general', 'north-seat'] },
      { id: 'south', name: 'South', contests: ['general'] },
    ],
  },
  weights: { max: 5 },
});

test('each contest: the electorate of its styles, and each credential that voted in it once', () => {
  const events = [
    event('credentials', {
      keys: [hex('a1'), hex('b2'), hex('c3')],
      styles: ['north', 'north', 'south'],
      weights: [1, 4, 1],
    }),
    // The replacement of b2 inherits north and weight 4; the electorate does not grow.
    event('credential-replaced', { revoked: hex('b2'), replacement: hex('d4') }),
    cast(hex('a1'), ['general', 'north-seat']),
    cast(hex('a1'), ['general', 'north-seat']),
    cast(hex('d4'), ['general', 'north-seat']),
    cast(hex('c3'), ['general']),
  ];
  assert.deepEqual(
    contestTurnout(styled, events)?.map((row) => [row.id, row.electorate, row.online]),
    [
      ['general', { count: 3, weight: 6 }, { count: 3, weight: 6 }],
      ['north-seat', { count: 2, weight: 5 }, { count: 2, weight: 5 }],
    ]
  );
});

test('a postal pack received counts in the contests of its credential’s style only, at its weight (§13.2.1)', () => {
  const events = [
    event('credentials', {
      keys: [hex('a1'), hex('b2'), hex('c3')],
      styles: ['north', 'north', 'south'],
      weights: [1, 4, 1],
    }),
    event('postal-received', { credential: hex('b2'), returnSecret: '00'.repeat(16) }),
    event('postal-received', { credential: hex('c3'), returnSecret: '00'.repeat(16) }),
  ];
  // Each pack counts its credential's weight in the weighted turnout (§13.2.1 step 6): b2 is 4.
  assert.deepEqual(
    contestTurnout(styled, events)?.map((row) => [row.id, row.postal, row.postalWeight]),
    [
      ['general', 2, 5],
      ['north-seat', 1, 4],
    ]
  );
});

test('an election without styles or weights has no per-contest summary', () => {
  assert.equal(contestTurnout(manifestOf({}), []), null);
  assert.equal(percentText(1, 3), '33.3');
  assert.equal(percentText(0, 0), '0.0');
});
