import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EligibilityRules } from './eligibility.ts';
import { type MemberTable, buildRoll, parseRoll } from './roll.ts';
import {
  type TermsManifest,
  auditRollReport,
  rollTermsProblems,
  termsOfMember,
} from './roll-terms.ts';

const rules: EligibilityRules = {
  cutoff: null,
  statuses: ['active'],
  minimumAge: null,
  asOf: '2025-09-01',
};

/** A roll of members with `Category` and `Weight` columns (cells as given, '' for none). */
function rollOf(rows: readonly (readonly [string, string])[]): MemberTable {
  return {
    header: ['id', 'name', 'address', 'postcode', 'dob', 'joined', 'status', 'Category', 'Weight'],
    rows: rows.map(([category, weight], i) => ({
      row: i + 2,
      cells: [
        `M${i}`,
        `Member ${i}`,
        `${i} High Street, Leeds`,
        'LS1 4AP',
        '1970-01-05',
        '2020-01-01',
        'active',
        category,
        weight,
      ],
    })),
  };
}

const manifest: TermsManifest = {
  styles: {
    minCategorySize: 2,
    categories: [
      { id: 'north', name: 'North', contests: ['general', 'north-seat'] },
      { id: 'south', name: 'South', contests: ['general'] },
    ],
  },
  weights: { max: 5 },
};

test('the roll reads category and weight columns, and roll.json keeps them', () => {
  const built = buildRoll(
    rollOf([
      [' North ', ''],
      ['north', '3'],
    ]),
    rules
  );
  assert.ok(built.ok);
  const [a, b] = built.value.members;
  assert.ok(a !== undefined && b !== undefined);
  assert.equal(a.category, 'north');
  assert.equal(a.weight, undefined);
  assert.equal(b.weight, 3);
  const reread = parseRoll(JSON.parse(JSON.stringify(built.value)));
  assert.ok(reread.ok, reread.ok ? '' : reread.error.message);
  assert.deepEqual(reread.value.members, built.value.members);
  assert.deepEqual(termsOfMember(manifest, a), { style: 'north', weight: 1 });
  assert.deepEqual(termsOfMember(manifest, b), { style: 'north', weight: 3 });
  assert.deepEqual(termsOfMember({}, b), { weight: 1 });
});

test('a malformed category or weight refuses the import, naming row and field', () => {
  const built = buildRoll(
    rollOf([
      ['north seat', '1'],
      ['north', '0'],
      ['north', '2.5'],
      ['north', '1000001'],
    ]),
    rules
  );
  assert.ok(!built.ok);
  assert.deepEqual(
    built.error.map((p) => `${p.row} ${p.field}`),
    ['2 category', '3 weight', '4 weight', '5 weight']
  );
  assert.match(built.error[1]?.reason ?? '', /whole number from 1 to 1000000/);
});

test('unknown, missing and small categories and heavy weights are each named', () => {
  const built = buildRoll(
    rollOf([
      ['north', '1'],
      ['north', '6'],
      ['south', ''],
      ['east', ''],
      ['', ''],
    ]),
    rules
  );
  assert.ok(built.ok);
  const problems = rollTermsProblems(manifest, built.value.members);
  assert.deepEqual(
    problems.map((p) => [p.code, p.memberIds.join()]),
    [
      ['roll/missing-category', 'M4'],
      ['roll/category-too-small', 'M2'],
      ['roll/unknown-category', 'M3'],
      ['roll/weight-too-large', 'M1'],
    ]
  );
  assert.match(problems[2]?.message ?? '', /"east".*north, south/);
  const plain = rollTermsProblems({}, built.value.members);
  assert.deepEqual(
    plain.map((p) => p.code),
    ['roll/categories-not-in-manifest', 'roll/weights-not-in-manifest']
  );
  const clean = built.value.members.filter((m) => m.category === 'north' && m.weight === 1);
  const lenient: TermsManifest = {
    ...manifest,
    styles: { minCategorySize: 1, categories: manifest.styles?.categories ?? [] },
  };
  assert.deepEqual(rollTermsProblems(lenient, clean), []);
});

test('the roll audit report carries the terms problems after the findings, numbered T0001…', () => {
  const built = buildRoll(
    rollOf([
      ['north', '1'],
      ['east', ''],
    ]),
    rules
  );
  assert.ok(built.ok);
  const report = auditRollReport(built.value, {}, manifest);
  assert.equal(report.members, 2);
  assert.deepEqual(
    report.terms.map((t) => [t.id, t.code]),
    [
      ['T0001', 'roll/category-too-small'],
      ['T0002', 'roll/unknown-category'],
    ]
  );
  // Without a manifest, only the audit's own rules run (`roll audit` without --manifest).
  assert.deepEqual(auditRollReport(built.value).terms, []);
});
