/**
 * Spec §13.2.1 step 1: a styled pack prints on its paper the contests of the member's style only,
 * and the style's number on the return slip, read back from the PDF with pdftotext.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packStyle } from '../commands/packs/render.ts';
import type { ElectionDraft } from '../commands/packs/election-input.ts';
import { PackPdfWriter } from './pack-pdf-batches.ts';
import type { PackElection, PackSheet } from './pack-sheet.ts';

const contest = (title: string, names: readonly string[]) => ({
  title,
  minSelections: 1,
  maxSelections: 1,
  candidates: names.map((name) => ({ name })),
});

const ELECTION: PackElection = {
  electionId: 'event-2027',
  organisation: 'Example Union',
  title: 'Annual ballot',
  contests: [
    contest('General secretary', ['Alex Morgan', 'Sam Patel']),
    contest('Northern seat', ['Ria Shah', 'Kim Lee']),
  ],
  fingerprint: '3F2A 9C01 77BE 0D4E 5A12',
  boothUrl: 'https://vote.example.org',
  questionLabels: ['date of birth'],
  closes: '2027-09-30T17:00:00Z',
};

const sheet = (memberId: string, style: PackSheet['style']): PackSheet => ({
  packId: `PK-${memberId}`,
  memberId,
  name: `Member ${memberId}`,
  addressLines: ['1 High Street', 'York', 'YO1 1AA'],
  code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01',
  credential: 'e2'.repeat(32),
  returnSecret: 'ab'.repeat(16),
  roll: { index: 1, count: 50, salt: 'ab'.repeat(32), root: 'cd'.repeat(32), reference: 'R' },
  ...(style === undefined ? {} : { style }),
});

/** The text of page `page` (each pack: the letter, then the slip and its paper). */
function pageText(pdf: string, page: number): string {
  const range = ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a styled pack prints only its style’s contests on the paper and the style on the slip', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'scrutineer-pack-styles-'));
  const writer = new PackPdfWriter(ELECTION, { directory });
  await writer.add(sheet('N1', { mark: 1, contests: [0, 1] }));
  await writer.add(sheet('S1', { mark: 2, contests: [0] }));
  const [pdf] = await writer.close();
  assert.ok(pdf !== undefined);
  const north = pageText(pdf, 2);
  const south = pageText(pdf, 4);
  assert.match(north, /Ballot style 1/);
  assert.match(south, /Ballot style 2/);
  for (const text of [north, south]) assert.match(text, /General secretary.*Alex Morgan/);
  assert.match(north, /Northern seat.*Ria Shah/);
  for (const absent of ['Northern seat', 'Ria Shah', 'Kim Lee'])
    assert.ok(!south.includes(absent), `${absent} on a south paper`);
});

test('§13.2.1 step 6: a weighted pack prints the member’s weight beside the style on the slip, not on the paper', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'scrutineer-pack-weights-'));
  const writer = new PackPdfWriter(ELECTION, { directory });
  await writer.add({ ...sheet('A1', { mark: 3, contests: [0] }), weight: 40 });
  await writer.add({ ...sheet('U1', undefined), weight: 1 });
  const [pdf] = await writer.close();
  assert.ok(pdf !== undefined);
  const branch = pageText(pdf, 2);
  assert.match(branch, /Ballot style 3 *Weight 40/);
  assert.match(pageText(pdf, 4), /Weight 1\b/);
  // The paper of a style is the same whatever the weight: the weight is on the slip only.
  assert.equal(branch.match(/Weight 40/g)?.length, 1);
});

test('a pack’s style comes from the member’s category: its place in the manifest and its contests', () => {
  const election = {
    contests: [{ id: 'general' }, { id: 'north-seat' }, { id: 'south-seat' }],
    styles: {
      minCategorySize: 1,
      categories: [
        { id: 'north', name: 'North', contests: ['general', 'north-seat'] },
        { id: 'south', name: 'South', contests: ['general', 'south-seat'] },
      ],
    },
  } as unknown as ElectionDraft;
  assert.deepEqual(packStyle(election, 'south'), { style: { mark: 2, contests: [0, 2] } });
  assert.deepEqual(packStyle({ ...election, styles: undefined }, 'south'), {});
  assert.throws(() => packStyle(election, 'west'), /no ballot style west/);
});
