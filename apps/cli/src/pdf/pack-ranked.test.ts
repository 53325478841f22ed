/**
 * A ranked contest on the printed ballot paper (spec §11.8 "Postal papers"): its candidates with
 * boxes and the instruction to number them in order of preference, in English and in Welsh,
 * beside a contest that still takes crosses. Rendered to a real PDF and read back with pdftotext.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PackPdfWriter } from './pack-pdf-batches.ts';

test('a ranked contest’s ballot paper asks for numbers 1, 2, … in its boxes, in English and Welsh', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'scrutineer-ranked-pack-'));
  const writer = new PackPdfWriter(
    {
      electionId: 'members-2026',
      organisation: 'Example Party',
      title: 'Members’ ballot 2026',
      contests: [
        {
          title: 'Leader',
          minSelections: 0,
          maxSelections: 3,
          method: 'irv',
          candidates: [{ name: 'Ada Jones' }, { name: 'Ben Owen' }, { name: 'Cai Hughes' }],
        },
        {
          title: 'Motion',
          minSelections: 1,
          maxSelections: 1,
          candidates: [{ name: 'Yes' }, { name: 'No' }],
        },
      ],
      fingerprint: '3F2A 9C01 77BE 0D4E 5A12',
      boothUrl: 'https://vote.example.org',
      questionLabels: ['date of birth'],
      closes: '2026-09-30T17:00:00Z',
      languages: ['en', 'cy'],
    },
    { directory, batchSize: 10 }
  );
  await writer.add({
    packId: 'ABCDE-FGHJK',
    memberId: 'M1',
    name: 'A Member',
    addressLines: ['1 High Street', 'Cardiff', 'CF10 1AA'],
    code: 'ABCD-EFGH-JKLM-NPQR-STUV',
    credential: 'e2'.repeat(32),
    returnSecret: 'ab'.repeat(16),
    roll: {
      index: 0,
      count: 1,
      salt: 'ab'.repeat(32),
      root: 'cd'.repeat(32),
      reference: ['ROLL1', 1, 0, 'AB'.repeat(32), 'CD'.repeat(32)].join(':'),
    },
  });
  const [file] = await writer.close();
  assert.ok(file !== undefined);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Number in order of preference: 1 in the box of your first choice/);
  assert.match(text, /Rhifwch yn ôl eich dewis: 1 ym mlwch eich dewis cyntaf/);
  assert.match(text, /Vote for one candidate: put a cross \(X\) in one box\./);
  for (const name of ['Ada Jones', 'Ben Owen', 'Cai Hughes']) assert.ok(text.includes(name), name);
});
