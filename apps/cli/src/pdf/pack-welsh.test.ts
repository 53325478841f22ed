import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PackPdfWriter } from './pack-pdf-batches.ts';
import type { PackElection } from './pack-sheet.ts';
import { type PackLanguage, PACK_TEXT_TABLES } from './pack-text.ts';
import { printableText } from './printable-text.ts';

const ELECTION: PackElection = {
  electionId: 'leader-2027',
  organisation: 'Example Party',
  title: 'Leadership ballot',
  contests: [
    {
      title: 'Leader',
      minSelections: 1,
      maxSelections: 1,
      candidates: [{ name: 'Alex Morgan' }, { name: 'Sam Patel' }],
    },
  ],
  fingerprint: '3F2A 9C01 77BE 0D4E 5A12',
  boothUrl: 'https://vote.example.org',
  questionLabels: ['date of birth'],
  closes: '2027-09-30T17:00:00Z',
};

/**
 * The text of a one-member pack in `languages`, whitespace folded so wrapped lines join, and
 * without hyphens (pdftotext drops one that ends a line, as in "ar-⏎lein").
 */
async function packText(languages: readonly PackLanguage[]): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'scrutineer-welsh-'));
  const writer = new PackPdfWriter({ ...ELECTION, languages }, { directory });
  await writer.add({
    packId: 'PK-0001',
    memberId: 'M100001',
    name: 'Rhian Jones',
    addressLines: ['1 Stryd Fawr', 'Aberystwyth', 'SY23 1AA'],
    code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01',
    credential: 'e2'.repeat(32),
    returnSecret: 'ab'.repeat(16),
    roll: { index: 7, count: 2000, salt: 'ab'.repeat(32), root: 'cd'.repeat(32), reference: 'R' },
  });
  const [file] = await writer.close();
  assert.ok(file !== undefined);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .replace(/-/g, '');
}

/** The fixed sentences this pack prints in `language` (those without parameters). */
function sentences(language: PackLanguage): string[] {
  const printed = Object.entries(PACK_TEXT_TABLES[language]).filter(
    ([key]) =>
      !key.startsWith('select.') &&
      ![
        'fingerprint.pending',
        'online.steps',
        'online.website',
        'post.beforeClose',
        'ballot.nextSheet',
      ].includes(key)
  );
  return printed
    .map(([, text]) => text)
    .filter((text) => !text.includes('{'))
    .map((text) => printableText(text).replace(/-/g, ''));
}

test('a Welsh pack prints every instruction in Welsh and no English sentence (spec §9.11)', async () => {
  const text = await packText(['cy']);
  for (const sentence of sentences('cy')) assert.ok(text.includes(sentence), sentence);
  assert.ok(text.includes('Dewiswch 1 ymgeisydd: rhowch groes (X) mewn un blwch.'));
  assert.ok(text.includes('Ôl bys yr etholiad: 3F2A 9C01 77BE 0D4E 5A12'));
  assert.ok(text.includes('atebwch y cwestiynau am eich date of birth'), 'labels as given');
  for (const sentence of sentences('en')) assert.ok(!text.includes(sentence), sentence);
  for (const english of ['Vote for', 'Election fingerprint', 'Go to', 'You are entry'])
    assert.ok(!text.includes(english), english);
});

test('a bilingual pack prints each instruction in English then Welsh (spec §9.11)', async () => {
  const text = await packText(['en', 'cy']);
  for (const sentence of [...sentences('en'), ...sentences('cy')])
    assert.ok(text.includes(sentence), sentence);
  const english = text.indexOf('Do not write your name');
  const welsh = text.indexOf('Peidiwch ag ysgrifennu eich enw');
  assert.ok(english >= 0 && welsh > english, 'English first');
});

test('an English pack prints no Welsh', async () => {
  const text = await packText(['en']);
  for (const sentence of sentences('en')) assert.ok(text.includes(sentence), sentence);
  for (const sentence of sentences('cy')) assert.ok(!text.includes(sentence), sentence);
});
