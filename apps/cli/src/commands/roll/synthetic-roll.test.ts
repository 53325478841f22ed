import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditRoll, buildRoll } from '@scrutineer/protocol';
import { parseCsvText } from './csv-file.ts';
import { makeSyntheticRoll } from '../../../test-fixtures/synthetic-roll.ts';

for (const [members, seed] of [
  [2000, 'a'],
  [2000, 'b'],
  [5000, 'c'],
] as const) {
  test(`${members} members (seed ${seed}): the audit finds every planted problem and flags no clean member`, () => {
    const synthetic = makeSyntheticRoll({ members, seed });
    assert.equal(synthetic.rows, members);
    const built = buildRoll(parseCsvText(synthetic.csv), {
      ...synthetic.rules,
      cutoff: synthetic.rules.cutoff,
    });
    assert.ok(built.ok, JSON.stringify(!built.ok && built.error.slice(0, 3)));
    const audit = auditRoll(built.value);
    const found = audit.findings.map((f) => `${f.rule} ${f.memberIds.join(',')}`).sort();
    const planted = synthetic.planted.map((p) => `${p.rule} ${p.memberIds.join(',')}`).sort();
    assert.deepEqual(found, planted);
    const flagged = new Set(audit.findings.flatMap((f) => f.memberIds));
    assert.deepEqual(
      synthetic.cleanMemberIds.filter((id) => flagged.has(id)),
      []
    );
    assert.ok(synthetic.cleanMemberIds.length > members * 0.9);
    for (const rule of [
      'exact-duplicate',
      'similar-name-same-birth-date',
      'similar-name-same-address',
      'shared-email',
      'invalid-postcode',
      'join-burst',
      'ineligible',
    ] as const) {
      assert.ok(audit.countsByRule[rule] > 0, rule);
    }
  });
}

test('the same seed gives the same file', () => {
  assert.equal(
    makeSyntheticRoll({ members: 300, seed: 'x' }).csv,
    makeSyntheticRoll({ members: 300, seed: 'x' }).csv
  );
  assert.notEqual(
    makeSyntheticRoll({ members: 300, seed: 'x' }).csv,
    makeSyntheticRoll({ members: 300, seed: 'y' }).csv
  );
});
