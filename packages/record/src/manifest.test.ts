import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseManifest } from './manifest.ts';

const key = (byte: string): string => byte.repeat(32);
const validManifest = {
  format: 'scrutineer/v1',
  electionId: 'leadership-2026',
  title: 'Leadership election',
  organisation: 'Example Party',
  contests: [
    {
      id: 'leader',
      title: 'Leader',
      minSelections: 1,
      maxSelections: 1,
      candidates: [
        { id: 'a', name: 'Alex' },
        { id: 'b', name: 'Sam' },
      ],
    },
  ],
  window: { opens: '2026-11-01T09:00:00Z', closes: '2026-11-08T17:00:00Z' },
  channels: { online: true, postal: true },
  policy: 'first-ballot-final',
  trustees: {
    threshold: 2,
    members: [1, 2, 3].map((index) => ({
      index,
      name: `T${index}`,
      publicKey: key(`0${index}`),
      keyProof: '00'.repeat(64),
    })),
  },
  board: { publicKey: key('aa') },
  roll: { count: 10, root: key('bb') },
  securityQuestions: [{ id: 'dob', label: 'Date of birth' }],
};

type Draft = typeof validManifest;
/** Element `i` of a test array that is known to have it. */
const at = <T>(items: readonly T[], i: number): T => {
  const item = items[i];
  if (item === undefined) throw new Error(`no element ${i}`);
  return item;
};
const withChange = (change: (m: Draft) => void): unknown => {
  const copy = structuredClone(validManifest);
  change(copy);
  return copy;
};

describe('parseManifest (spec §9.2)', () => {
  test('accepts a valid manifest', () => {
    const parsed = parseManifest(validManifest);
    assert.equal(parsed.ok, true);
  });

  const cases: [string, (m: Draft) => void, string][] = [
    ['unknown field', (m) => Object.assign(m, { extra: 1 }), 'record/invalid-manifest'],
    ['bad election id', (m) => (m.electionId = 'Has Spaces'), 'record/invalid-manifest'],
    ['short key', (m) => (m.board.publicKey = 'abcd'), 'record/invalid-manifest'],
    ['upper-case hex', (m) => (m.roll.root = 'BB'.repeat(32)), 'record/invalid-manifest'],
    [
      'non-UTC time',
      (m) => (m.window.opens = '2026-11-01T09:00:00+01:00'),
      'record/invalid-manifest',
    ],
    [
      'duplicate contest',
      (m) => m.contests.push(structuredClone(at(m.contests, 0))),
      'record/duplicate-contest-id',
    ],
    [
      'duplicate candidate',
      (m) => (at(at(m.contests, 0).candidates, 1).id = 'a'),
      'record/duplicate-candidate-id',
    ],
    [
      'min above max',
      (m) => (at(m.contests, 0).minSelections = 2),
      'record/invalid-selection-limits',
    ],
    [
      'max above candidates',
      (m) => (at(m.contests, 0).maxSelections = 3),
      'record/invalid-selection-limits',
    ],
    ['window backwards', (m) => (m.window.closes = m.window.opens), 'record/invalid-window'],
    ['no channel', (m) => (m.channels = { online: false, postal: false }), 'record/no-channel'],
    ['threshold above n', (m) => (m.trustees.threshold = 4), 'record/invalid-threshold'],
    [
      'indices out of order',
      (m) => (at(m.trustees.members, 0).index = 2),
      'record/invalid-trustee-index',
    ],
    [
      'shared trustee key',
      (m) => (at(m.trustees.members, 1).publicKey = at(m.trustees.members, 0).publicKey),
      'record/duplicate-trustee-key',
    ],
    [
      'repeated question',
      (m) => m.securityQuestions.push({ id: 'dob', label: 'again' }),
      'record/duplicate-question-id',
    ],
  ];
  for (const [name, change, code] of cases) {
    test(`refuses: ${name} (${code})`, () => {
      const parsed = parseManifest(withChange(change));
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.equal(parsed.error.code, code);
    });
  }

  test('accepts security-question labels in other languages, and refuses a bad language code', () => {
    const welsh = parseManifest(
      withChange((m) =>
        Object.assign(at(m.securityQuestions, 0), { translations: { cy: 'Dyddiad geni' } })
      )
    );
    assert.equal(
      welsh.ok && welsh.value.securityQuestions[0]?.translations?.['cy'],
      'Dyddiad geni'
    );
    for (const translations of [{ Welsh: 'Dyddiad geni' }, { cy: '' }]) {
      const parsed = parseManifest(
        withChange((m) => Object.assign(at(m.securityQuestions, 0), { translations }))
      );
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.equal(parsed.error.code, 'record/invalid-manifest');
    }
  });

  test('accepts translations of every member-facing text, contact and colour (spec §9.11), and old manifests hash as before', () => {
    const before = parseManifest(withChange(() => undefined));
    const welsh = parseManifest(
      withChange((m) => {
        Object.assign(m, {
          translations: {
            cy: { title: 'Etholiad arweinyddiaeth', organisation: 'Plaid Enghreifftiol' },
          },
          contact: {
            name: 'Returning officer',
            email: 'ro@example.org',
            translations: { cy: 'Swyddog canlyniadau' },
          },
          colour: '#12569e',
        });
        Object.assign(at(m.contests, 0), { translations: { cy: 'Arweinydd' } });
        Object.assign(at(at(m.contests, 0).candidates, 0), { translations: { cy: 'Alun' } });
      })
    );
    assert.ok(welsh.ok && before.ok);
    assert.equal(welsh.value.translations?.['cy']?.title, 'Etholiad arweinyddiaeth');
    assert.equal(welsh.value.contests[0]?.candidates[0]?.translations?.['cy'], 'Alun');
    assert.equal(
      'translations' in before.value,
      false,
      'absent stays absent: the hash is unchanged'
    );
    for (const change of [
      (m: Record<string, unknown>) => Object.assign(m, { colour: 'red' }),
      (m: Record<string, unknown>) => Object.assign(m, { translations: { Welsh: { title: 'x' } } }),
      (m: Record<string, unknown>) => Object.assign(m, { translations: { cy: { slogan: 'x' } } }),
    ]) {
      const parsed = parseManifest(withChange((m) => change(m)));
      assert.equal(parsed.ok, false);
    }
  });

  test('names the unknown field', () => {
    const parsed = parseManifest(withChange((m) => Object.assign(m.board, { secretKey: 'x' })));
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.error.message, /secretKey/);
  });
});

test('replacements (spec §9.2.7): optional, strict, whole numbers ≥ 0', () => {
  const rules = { approverKey: key('cc'), limit: 20, stopsBeforeClose: 172_800 };
  const parsed = parseManifest({ ...validManifest, replacements: rules });
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.replacements, rules);
  for (const bad of [
    { ...rules, limit: -1 },
    { ...rules, limit: 1.5 },
    { ...rules, stopsBeforeClose: -60 },
    { ...rules, approverKey: 'cc' },
    { ...rules, extra: true },
    { approverKey: key('cc'), limit: 1 },
  ])
    assert.equal(
      parseManifest({ ...validManifest, replacements: bad }).ok,
      false,
      JSON.stringify(bad)
    );
});

describe('ranked contests in the manifest (spec §9.2.1, §9.2.10, §12.1)', () => {
  const candidates = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() }));
  const ranked = (fields: Record<string, unknown>) => ({
    id: 'committee',
    title: 'Committee',
    minSelections: 0,
    maxSelections: 4,
    candidates,
    ...fields,
  });
  const mixers = { members: [1, 2].map((m) => ({ name: `Mix ${m}`, publicKey: key(`c${m}`) })) };
  const mixed = (
    contest: Record<string, unknown>,
    extra: Record<string, unknown> = { mixers }
  ) => ({
    ...validManifest,
    contests: [...validManifest.contests, contest],
    ...extra,
  });

  test('accepts AV and STV contests beside a homomorphic one, with mix servers', () => {
    for (const fields of [
      { method: 'irv' },
      { method: 'irv', rules: 'irv', seats: 1 },
      { method: 'stv', rules: 'ers97', seats: 3 },
      { method: 'stv', rules: 'meek', seats: 1 },
    ]) {
      const parsed = parseManifest(mixed(ranked(fields)));
      assert.equal(parsed.ok, true, JSON.stringify([fields, parsed]));
    }
  });

  const refusals: [string, unknown, string][] = [
    [
      'stv without rules',
      mixed(ranked({ method: 'stv', seats: 2 })),
      'record/invalid-ranked-contest',
    ],
    [
      'stv without seats',
      mixed(ranked({ method: 'stv', rules: 'meek' })),
      'record/invalid-ranked-contest',
    ],
    [
      'stv filling every place',
      mixed(ranked({ method: 'stv', rules: 'meek', seats: 4 })),
      'record/invalid-ranked-contest',
    ],
    [
      'irv with two seats',
      mixed(ranked({ method: 'irv', seats: 2 })),
      'record/invalid-ranked-contest',
    ],
    [
      'irv by ers97',
      mixed(ranked({ method: 'irv', rules: 'ers97' })),
      'record/invalid-ranked-contest',
    ],
    [
      'seats without a method',
      mixed(ranked({ seats: 2, minSelections: 1 })),
      'record/invalid-ranked-contest',
    ],
    [
      'a ranking cap',
      mixed(ranked({ method: 'irv', maxSelections: 2 })),
      'record/invalid-ranked-contest',
    ],
    ['an unknown method', mixed(ranked({ method: 'borda' })), 'record/invalid-manifest'],
    ['no mix servers', mixed(ranked({ method: 'irv' }), {}), 'record/invalid-mixers'],
    ['mix servers without a ranked contest', { ...validManifest, mixers }, 'record/invalid-mixers'],
    [
      'one mix server',
      mixed(ranked({ method: 'irv' }), { mixers: { members: mixers.members.slice(0, 1) } }),
      'record/invalid-manifest',
    ],
    [
      'two mix servers with one key',
      mixed(ranked({ method: 'irv' }), {
        mixers: { members: [at(mixers.members, 0), at(mixers.members, 0)] },
      }),
      'record/invalid-mixers',
    ],
  ];
  for (const [name, value, code] of refusals)
    test(`refuses ${name} with ${code}`, () => {
      const parsed = parseManifest(value);
      assert.equal(parsed.ok ? 'ok' : parsed.error.code, code);
    });
});
