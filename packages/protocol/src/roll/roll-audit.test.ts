import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from './civil-date.ts';
import { findJoinBursts } from './join-bursts.ts';
import { auditRoll } from './roll-audit.ts';
import { buildRoll, type Roll } from './roll.ts';

const header = [
  'member id',
  'name',
  'address',
  'postcode',
  'date of birth',
  'email',
  'join date',
  'status',
];
const cutoff = '2025-06-30';

/** A small roll with one planted problem of each kind, beside clean look-alikes (a household, twins). */
function plantedRoll(): Roll {
  const rows: string[][] = [];
  const add = (
    id: string,
    name: string,
    address: string,
    postcode: string,
    dob: string,
    email: string,
    joined: string,
    status = 'active'
  ) => rows.push([id, name, address, postcode, dob, email, joined, status]);
  // Clean members, one joining every 3 days over two years, each with their own details.
  const first = [
    'Oliver',
    'Amelia',
    'George',
    'Isla',
    'Harry',
    'Ava',
    'Noah',
    'Mia',
    'Jack',
    'Ivy',
    'Leo',
    'Rosie',
  ];
  const last = [
    'Adams',
    'Baker',
    'Clarke',
    'Dixon',
    'Evans',
    'Fisher',
    'Grant',
    'Hughes',
    'Irving',
    'Jenkins',
  ];
  for (let i = 0; i < 120; i++) {
    const name = `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]}`;
    add(
      `C${i}`,
      name,
      `${i + 1} Station Road, Leeds`,
      'LS1 4AP',
      addDays('1950-01-01', i * 97),
      `c${i}@example.org`,
      addDays(cutoff, -3 * i - 1)
    );
  }
  // A household at one address: same surname, different given names and births: not flagged.
  add('H1', 'John Smith', '9 Elm Close, York', 'YO1 7HH', '1971-03-04', '', '2020-01-01');
  add('H2', 'Jane Smith', '9 Elm Close, York', 'YO1 7HH', '1973-08-09', '', '2020-01-01');
  // Twins: same birth date and surname, dissimilar given names: not flagged.
  add('T1', 'Anna Patel', '1 Oak Road, Hull', 'HU1 1AA', '1990-05-05', '', '2021-01-01');
  add('T2', 'Emma Patel', '1 Oak Road, Hull', 'HU1 1AA', '1990-05-05', '', '2021-01-01');
  // Planted problems.
  add('P1a', 'Robert Brown', '4 Bank Street, Bath', 'BA1 1AA', '1965-02-02', '', '2018-01-01');
  add('P1b', 'BROWN, Robert', '77 Other Road, Leeds', 'LS2 9JT', '1965-02-02', '', '2019-01-01');
  add('P2a', 'Catherine Jones', '8 Hill Road, Derby', 'DE1 1AA', '1980-07-07', '', '2018-01-01');
  add('P2b', 'Katherine Jones', '2 Sea Lane, Hove', 'BN3 1AA', '1980-07-07', '', '2018-02-01');
  add('P3a', 'Stephen Mitchell', '21 Queen Street, Ely', 'CB7 4AA', '1955-01-01', '', '2017-01-01');
  add('P3b', 'Steven Mitchell', '21 Queen St', 'cb74aa', '1956-11-30', '', '2017-06-01');
  add(
    'P4a',
    'Priya Shah',
    '3 Mill Lane, Bury',
    'BL9 0AA',
    '1988-01-01',
    'shared@example.org',
    '2019-01-01'
  );
  add(
    'P4b',
    'Tom Wood',
    '5 Dale Road, Kendal',
    'LA9 4AA',
    '1977-01-01',
    'Shared@Example.org',
    '2019-01-01'
  );
  add('P5', 'Nora Quinn', '6 Lake Road, Ayr', 'XX1 1XX', '1982-01-01', '', '2019-01-01');
  for (let i = 0; i < 12; i++) {
    add(
      `P6-${i}`,
      `Burst Member${String.fromCharCode(65 + i)}`,
      `${i + 1} New Street, Crewe`,
      `CW1 ${i + 1}AA`,
      addDays('1990-01-01', i * 31),
      '',
      addDays(cutoff, -2)
    );
  }
  add('P7a', 'Late Joiner', '1 Late Lane, Wick', 'KW1 4AA', '1970-01-01', '', addDays(cutoff, 1));
  add(
    'P7b',
    'Lapsed Person',
    '2 Late Lane, Wick',
    'KW1 4AB',
    '1970-02-01',
    '',
    '2010-01-01',
    'lapsed'
  );
  add('P7c', 'Young Person', '3 Late Lane, Wick', 'KW1 4AD', '2012-01-01', '', '2024-01-01');
  const built = buildRoll(
    { header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) },
    { cutoff, statuses: ['active'], minimumAge: 16, asOf: '2025-09-01' }
  );
  assert.ok(built.ok, JSON.stringify(!built.ok && built.error));
  return built.value;
}

test('every planted problem is found under its rule, and no clean member is flagged', () => {
  const audit = auditRoll(plantedRoll());
  const found = audit.findings.map((f) => `${f.rule} ${f.memberIds.join(',')}`);
  const burst = Array.from({ length: 12 }, (_, i) => `P6-${i}`)
    .sort()
    .join(',');
  assert.deepEqual(found, [
    'exact-duplicate P1a,P1b',
    'similar-name-same-birth-date P2a,P2b',
    'similar-name-same-address P3a,P3b',
    'shared-email P4a,P4b',
    'invalid-postcode P5',
    `join-burst ${burst}`,
    'ineligible P7a',
    'ineligible P7b',
    'ineligible P7c',
  ]);
  assert.equal(audit.flaggedMembers, 2 + 2 + 2 + 2 + 1 + 12 + 3);
  assert.equal(audit.countsByRule['ineligible'], 3);
  const bursty = audit.findings.find((f) => f.rule === 'join-burst');
  assert.match(bursty?.evidence ?? '', /12 joined on 2025-06-28; median 1 a day .* threshold > 5/);
  assert.deepEqual(audit.findings.map((f) => f.id).slice(0, 2), ['F0001', 'F0002']);
});

test('without a cut-off there is no burst check; an explicit one overrides the roll', () => {
  const roll = plantedRoll();
  assert.equal(auditRoll(roll, { cutoff: null }).countsByRule['join-burst'], 0);
  assert.equal(auditRoll(roll, { cutoff: '2024-01-01' }).countsByRule['join-burst'], 0);
});

test('burst rule: baseline is the median with a floor of 1, strictly above factor × baseline', () => {
  const members = [];
  // 30 days with 10 joins each, then one day with 50 (= 5 × 10: not a burst) and one with 51.
  for (let d = 0; d < 30; d++)
    for (let k = 0; k < 10; k++)
      members.push({ memberId: `m${d}-${k}`, joinDate: addDays('2025-01-01', d) });
  for (let k = 0; k < 40; k++) members.push({ memberId: `a${k}`, joinDate: '2025-01-29' });
  for (let k = 0; k < 41; k++) members.push({ memberId: `b${k}`, joinDate: '2025-01-30' });
  const bursts = findJoinBursts(members, '2025-01-30', { windowDays: 30, factor: 5 });
  assert.deepEqual(
    bursts.map((b) => [b.date, b.joins, b.baseline]),
    [['2025-01-30', 51, 10]]
  );
  assert.deepEqual(findJoinBursts([{ memberId: 'x', joinDate: '2025-01-01' }], '2025-01-30'), []);
  assert.throws(
    () => findJoinBursts([], '2025-01-30', { windowDays: 0, factor: 5 }),
    /invalid-rule/
  );
});
