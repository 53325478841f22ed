import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EligibilityRules } from './eligibility.ts';
import { type MemberTable, buildRoll, eligibleMembers, parseRoll } from './roll.ts';

const header = [
  'Member ID',
  'Name',
  'Address',
  'Postcode',
  'Date of birth',
  'Email',
  'Join date',
  'Status',
];
const rules: EligibilityRules = {
  cutoff: '2025-06-30',
  statuses: ['active', 'paid'],
  minimumAge: 16,
  asOf: '2025-09-01',
};

function table(rows: string[][]): MemberTable {
  return { header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const good = [
  [
    'M001',
    'Ada Lovelace',
    '12 High Street, Leeds',
    'ls1 4ap',
    '1970-01-05',
    'ada@example.org',
    '2020-03-01',
    'Active',
  ],
  ['M002', 'Alan Turing', '3 Mill Lane\nYork', 'YO1 7HH', '23/06/1962', '', '2025-07-01', 'active'],
  [
    'M003',
    'Grace Hopper',
    '5 Bridge Road, Hull',
    'HU1 1AA',
    '1960-12-09',
    '',
    '2019-01-01',
    'lapsed',
  ],
  [
    'M004',
    'Young Member',
    '7 Park Avenue, Bath',
    'BA1 1AA',
    '2010-05-01',
    '',
    '2024-01-01',
    'paid',
  ],
];

test('imports every field, normalised, and marks eligibility with its reasons', () => {
  const result = buildRoll(table(good), rules);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
  const [ada, alan, grace, young] = result.value.members;
  assert.deepEqual(ada, {
    memberId: 'M001',
    name: 'Ada Lovelace',
    address: '12 High Street\nLeeds',
    postcode: 'LS1 4AP',
    dateOfBirth: '1970-01-05',
    email: 'ada@example.org',
    joinDate: '2020-03-01',
    status: 'active',
    eligible: true,
    ineligibility: [],
  });
  assert.equal(alan?.dateOfBirth, '1962-06-23');
  assert.equal(alan?.email, null);
  assert.deepEqual(
    alan?.ineligibility.map((r) => r.rule),
    ['joined-after-cutoff']
  );
  assert.deepEqual(
    grace?.ineligibility.map((r) => r.rule),
    ['status']
  );
  assert.deepEqual(
    young?.ineligibility.map((r) => r.rule),
    ['under-age']
  );
  assert.deepEqual(
    eligibleMembers(result.value).map((m) => m.memberId),
    ['M001']
  );
});

test('without an age rule or cut-off, only the status decides', () => {
  const result = buildRoll(table(good), { ...rules, cutoff: null, minimumAge: null });
  assert.ok(result.ok);
  assert.deepEqual(
    eligibleMembers(result.value).map((m) => m.memberId),
    ['M001', 'M002', 'M004']
  );
});

test('bad rows: one line per bad field with row number, and nothing is imported', () => {
  const rows = [
    ...good,
    ['', 'No Id', '1 A Street', 'LS1 4AP', '1970-01-01', '', '2020-01-01', 'active'],
    ['M006', '  ', '1 A Street', 'LS1 4AP', '1970-02-30', 'not-an-email', '2020-01-01', 'active'],
    ['M001', 'Duplicate Id', '1 A Street', 'LS1 4AP', '1970-01-01', '', '2020-01-01', 'active'],
    ['M008', 'Short Row', '1 A Street'],
    ['M009', 'Born Later', '1 A Street', 'LS1 4AP', '2001-01-01', '', '1999-01-01', ''],
    ['M 10', 'Future Birth', '', '', '2030-01-01', '', 'soon', 'active'],
  ];
  const result = buildRoll(table(rows), rules);
  assert.ok(!result.ok);
  assert.deepEqual(
    result.error.map((p) => `${p.row} ${p.field}`),
    [
      '6 memberId',
      '7 name',
      '7 dateOfBirth',
      '7 email',
      '8 memberId',
      '9 *',
      '10 status',
      '10 joinDate',
      '11 memberId',
      '11 address',
      '11 postcode',
      '11 dateOfBirth',
      '11 joinDate',
    ]
  );
  assert.match(result.error[4]?.reason ?? '', /already on row 2/);
  assert.match(result.error[6]?.reason ?? '', /status is empty/);
  assert.match(result.error[7]?.reason ?? '', /before being born/);
  assert.match(result.error[11]?.reason ?? '', /after 2025-09-01/);
});

test('a header without a required column is refused; email may be absent', () => {
  const noStatus = buildRoll({ header: header.slice(0, 7), rows: [] }, rules);
  assert.ok(!noStatus.ok);
  assert.deepEqual(
    noStatus.error.map((p) => `${p.row} ${p.field}`),
    ['1 status']
  );
  const noEmail = buildRoll(
    {
      header: header.filter((h) => h !== 'Email'),
      rows: [{ row: 2, cells: (good[0] as string[]).filter((_, i) => i !== 5) }],
    },
    rules
  );
  assert.ok(noEmail.ok);
  assert.equal(noEmail.value.members[0]?.email, null);
  const empty = buildRoll({ header, rows: [] }, rules);
  assert.ok(!empty.ok);
});

test('roll.json reads back identically, and a hand-edited eligibility is refused', () => {
  const built = buildRoll(table(good), rules);
  assert.ok(built.ok);
  const json = JSON.parse(JSON.stringify(built.value)) as { members: { eligible: boolean }[] };
  const parsed = parseRoll(json);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, built.value);
  (json.members[2] as { eligible: boolean }).eligible = true;
  const edited = parseRoll(json);
  assert.ok(!edited.ok);
  assert.match(edited.error.message, /M003/);
  assert.ok(!parseRoll({ format: 'other' }).ok);
});
