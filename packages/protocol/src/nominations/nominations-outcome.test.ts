import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import { canonicalize, parseCanonicalJson } from '@scrutineer/record';
import { nth } from '@scrutineer/testkit/nth';
import { parseNominators } from './nominators.ts';
import {
  type NominationState,
  candidateId,
  openNominations,
  parseNominationState,
  recordNomination,
} from './nomination-state.ts';
import { closeNominations } from './nominations-outcome.ts';

const nominators = Array.from({ length: 350 }, (_, i) => ({
  id: `MP${String(i + 1).padStart(3, '0')}`,
  name: `Member ${i + 1}`,
}));

/** Records `counts[name]` nominations for each candidate, from consecutive nominators. */
function nominate(counts: Readonly<Record<string, number>>): NominationState {
  let state = openNominations(nominators);
  let next = 0;
  for (const [name, count] of Object.entries(counts)) {
    for (let k = 0; k < count; k++) {
      const nominator = nth(nominators, next++);
      const result = recordNomination(state, {
        nominator: nominator.id,
        candidateName: name,
        form: `NF-${next}`,
      });
      assert.ok(result.ok, !result.ok ? result.error.message : '');
      state = result.value;
    }
  }
  return state;
}

test('nominator CSV: every bad row reported, nothing imported', () => {
  const good = parseNominators({
    header: ['Nominator ID', 'Name', 'Constituency'],
    rows: [{ row: 2, cells: ['MP001', ' Jo  Cox ', 'Batley'] }],
  });
  assert.ok(good.ok);
  assert.deepEqual(good.value, [{ id: 'MP001', name: 'Jo Cox' }]);
  const bad = parseNominators({
    header: ['id', 'name'],
    rows: [
      { row: 2, cells: ['MP001', 'A'] },
      { row: 3, cells: ['MP001', 'B'] },
      { row: 4, cells: ['bad id', ''] },
    ],
  });
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.error.map((p) => `${p.row} ${p.field}`),
    ['3 nominatorId', '4 nominatorId', '4 name']
  );
  assert.match(nth(bad.error, 0).reason, /already on row 2/);
  const noColumn = parseNominators({ header: ['who'], rows: [] });
  assert.ok(!noColumn.ok);
});

test('one nomination per nominator, with a clear refusal for the second', () => {
  let state = openNominations(nominators);
  const first = recordNomination(state, {
    nominator: 'MP001',
    candidateName: 'Alex Morgan',
    form: 'NF-0001',
  });
  assert.ok(first.ok);
  state = first.value;
  const again = recordNomination(state, {
    nominator: 'MP001',
    candidateName: 'Sam Patel',
    form: 'NF-0002',
  });
  assert.ok(!again.ok);
  assert.equal(again.error.code, 'nominations/already-nominated');
  assert.equal(
    again.error.message,
    'Member 1 (MP001) has already nominated Alex Morgan on form NF-0001; each nominator may nominate once'
  );
  const refusals = [
    recordNomination(state, { nominator: 'MP999', candidateName: 'Sam Patel', form: 'NF-0003' }),
    recordNomination(state, { nominator: 'MP002', candidateName: 'Sam Patel', form: 'NF-0001' }),
    recordNomination(state, { nominator: 'MP002', candidateName: '!!!', form: 'NF-0004' }),
    recordNomination(state, {
      nominator: 'MP002',
      candidateName: 'Sam Patel',
      form: 'no spaces allowed',
    }),
  ].map((r) => (r.ok ? 'ok' : r.error.code));
  assert.deepEqual(refusals, [
    'nominations/unknown-nominator',
    'nominations/duplicate-form',
    'nominations/invalid-candidate',
    'nominations/invalid-form',
  ]);
  // The same name in another case or spacing is the same candidate.
  const same = recordNomination(state, {
    nominator: 'MP002',
    candidateName: ' alex   MORGAN',
    form: 'NF-0005',
  });
  assert.ok(same.ok);
  assert.equal(same.value.candidates.length, 1);
  assert.equal(candidateId('Zoë Lévy-Smith'), 'zoe-levy-smith');
});

test('two or more qualify: they go on the ballot in surname order; the rest stay off', () => {
  const closed = closeNominations(
    nominate({ 'Sam Patel': 120, 'Alex Morgan': 100, 'Chris Young': 99 }),
    100
  );
  assert.ok(closed.ok);
  const { document, manifestField, ballot, bytes } = closed.value;
  assert.deepEqual(ballot, [
    { id: 'alex-morgan', name: 'Alex Morgan' },
    { id: 'sam-patel', name: 'Sam Patel' },
  ]);
  assert.deepEqual(document.outcome, {
    result: 'ballot',
    candidates: ['alex-morgan', 'sam-patel'],
  });
  assert.deepEqual(
    document.candidates.map((c) => [c.id, c.nominations]),
    [
      ['alex-morgan', 100],
      ['sam-patel', 120],
      ['chris-young', 99],
    ]
  );
  assert.equal(document.nominators, 350);
  assert.equal(document.nominations.length, 319);
  assert.deepEqual(document.nominations[0], {
    nominator: 'MP001',
    candidate: 'sam-patel',
    form: 'NF-1',
  });
  // The published bytes are canonical JSON and the manifest carries their SHA-256.
  assert.equal(new TextDecoder().decode(bytes), canonicalize(document));
  assert.ok(parseCanonicalJson(new TextDecoder().decode(bytes)).ok);
  assert.deepEqual(manifestField, {
    threshold: 100,
    hash: bytesToHex(sha256(utf8(canonicalize(document)))),
    qualified: ['alex-morgan', 'sam-patel'],
  });
  assert.equal(closed.value.state.closed, true);
  const late = recordNomination(closed.value.state, {
    nominator: 'MP350',
    candidateName: 'Chris Young',
    form: 'NF-LATE',
  });
  assert.equal(late.ok ? 'ok' : late.error.code, 'nominations/closed');
  assert.equal(closeNominations(closed.value.state).ok, false);
});

test('exactly one qualifies: elected unopposed, no ballot', () => {
  const closed = closeNominations(nominate({ 'Alex Morgan': 150, 'Sam Patel': 60 }), 100);
  assert.ok(closed.ok);
  assert.deepEqual(closed.value.document.outcome, {
    result: 'elected-unopposed',
    candidate: 'alex-morgan',
  });
  assert.deepEqual(closed.value.manifestField.qualified, ['alex-morgan']);
});

test('none qualifies: the outcome says why; no nominations at all is said too', () => {
  const closed = closeNominations(nominate({ 'Alex Morgan': 80, 'Sam Patel': 95 }), 100);
  assert.ok(closed.ok);
  assert.deepEqual(closed.value.document.outcome, {
    result: 'no-qualifying-candidate',
    reason: 'no candidate reached the threshold of 100 nominations (Sam Patel 95, Alex Morgan 80)',
  });
  assert.deepEqual(closed.value.ballot, []);
  const empty = closeNominations(openNominations(nominators));
  assert.ok(empty.ok);
  assert.deepEqual(empty.value.document.outcome, {
    result: 'no-qualifying-candidate',
    reason: 'no nominations were recorded; a candidate needs 100',
  });
  assert.equal(closeNominations(openNominations(nominators), 0).ok, false);
});

test('the state file reads back by replay; a hand-edited double nomination is refused', () => {
  const state = nominate({ 'Alex Morgan': 3, 'Sam Patel': 2 });
  const json = JSON.parse(JSON.stringify(state)) as { nominations: { nominator: string }[] };
  const parsed = parseNominationState(json);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, state);
  nth(json.nominations, 4).nominator = 'MP001';
  const edited = parseNominationState(json);
  assert.equal(edited.ok ? 'ok' : edited.error.code, 'nominations/already-nominated');
  assert.equal(parseNominationState({ format: 'x' }).ok, false);
});
