import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PACK_TEXT_TABLES, packText, templateParameters } from './pack-text.ts';
import { listLabels, selectionInstruction } from './pack-sheet.ts';

test('the English and Welsh pack texts have the same keys and the same parameters', () => {
  const { en, cy } = PACK_TEXT_TABLES;
  assert.deepEqual(Object.keys(cy).sort(), Object.keys(en).sort());
  for (const [key, english] of Object.entries(en)) {
    const welsh = (cy as Record<string, string>)[key] ?? '';
    assert.deepEqual(templateParameters(welsh), templateParameters(english), key);
    assert.notEqual(welsh.trim(), '', key);
  }
});

test('the English instructions read as they always have', () => {
  assert.equal(selectionInstruction(1, 1), 'Vote for one candidate: put a cross (X) in one box.');
  assert.equal(
    selectionInstruction(0, 3),
    'Vote for up to 3 candidates: put a cross (X) in the box of each candidate you choose.'
  );
  assert.equal(
    selectionInstruction(2, 4),
    'Vote for at least 2 and at most 4 candidates: put a cross (X) in each box you choose.'
  );
  // Spec §11.8: a ranked contest's boxes take numbers, in English and in Welsh.
  assert.match(
    selectionInstruction(0, 4, 'en', true),
    /^Number in order of preference: 1 in the box/
  );
  assert.match(selectionInstruction(0, 4, 'cy', true), /^Rhifwch yn ôl eich dewis: 1 ym mlwch/);
  assert.equal(
    listLabels(['date of birth', 'postcode', 'town']),
    'date of birth, postcode and town'
  );
  assert.equal(listLabels(['dyddiad geni', 'cod post'], 'cy'), 'dyddiad geni a cod post');
});

test('a bilingual text is English then Welsh: headings on one line, paragraphs one after the other', () => {
  const both = packText(['en', 'cy']);
  assert.equal(both.heading('code.heading'), 'Your voting code / Eich cod pleidleisio');
  assert.equal(
    both.paragraph('roll.entry', { index: 3, count: 10 }).split('\n')[1]?.slice(0, 18),
    'Chi yw cofnod 3 o’'
  );
  assert.throws(() => both.paragraph('roll.entry', { index: 3 }), /no parameter count/);
});
