import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditedBallot, Manifest } from '@scrutineer/record';
import { auditedChoices } from './audited-choices.ts';

const candidates = (...ids: string[]) => ids.map((id) => ({ id, name: id.toUpperCase() }));
const manifest = {
  styles: [
    { id: 'south', contests: ['chair', 'south'] },
    { id: 'north', contests: ['chair', 'north'] },
  ],
  contests: [
    { id: 'chair', title: 'Chair', candidates: candidates('a', 'b') },
    { id: 'north', title: 'North', candidates: candidates('n1', 'n2', 'n3') },
    { id: 'south', title: 'South', candidates: candidates('s1', 's2') },
  ],
} as unknown as Manifest;
const selection = (vote: number) => ({ ciphertext: '00', vote, randomness: '00' });

test('a styled ballot’s openings pair with their contests by id, not by position', () => {
  // A southern member's ballot: the chair and South only, so its second entry is South's.
  const opened = [
    { contest: 'chair', selections: [selection(0), selection(1)] },
    { contest: 'south', selections: [selection(1), selection(0)] },
  ] as unknown as AuditedBallot['contests'];
  assert.deepEqual(
    auditedChoices(manifest, opened).map(({ contest, chosen }) => [contest.id, chosen]),
    [
      ['chair', [1]],
      ['south', [0]],
    ]
  );
});

test('a ranked entry reads as its ranking; without styles entry c is contest c', () => {
  const opened = [
    { selections: [selection(1), selection(0)] },
    { selections: [], ranked: { values: [2, 3, 0, 1], ciphertexts: [], randomness: [] } },
  ] as unknown as AuditedBallot['contests'];
  assert.deepEqual(
    auditedChoices({ ...manifest, styles: undefined }, opened).map(({ contest, chosen }) => [
      contest.id,
      chosen,
    ]),
    [
      ['chair', [0]],
      ['north', [1, 2]],
    ]
  );
});

test('entries naming a contest the manifest lacks show nothing rather than another contest', () => {
  const opened = [
    { contest: 'east', selections: [selection(1)] },
  ] as unknown as AuditedBallot['contests'];
  assert.deepEqual(auditedChoices(manifest, opened), []);
});
