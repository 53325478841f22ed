import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadGroup } from '@scrutineer/crypto';
import { writeAnswersFile, writePrintFile } from '../packs/pack-files.ts';
import { createTrusteeKeyFile, writeTrusteeKeyFile } from '../trustee/trustee-key-file.ts';
import { csvField, parseCsvText } from './csv-file.ts';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

test('F19: trustee key files, the printer file and the answers table are written 0600', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'secret-files-'));
  const group = await loadGroup('sodium');
  const trustee = join(dir, 'trustee-1.json');
  writeTrusteeKeyFile(trustee, createTrusteeKeyFile(group, 'mode-test', 1, 'Trustee One'));
  const print = join(dir, 'print.csv');
  writePrintFile(print, [
    { pack_id: 'p1', member_id: 'm1', code: 'CODE', return_secret: '00'.repeat(16) },
  ]);
  const answers = join(dir, 'answers.json');
  writeAnswersFile(answers, {
    format: 'scrutineer/answers/v1',
    electionId: 'mode-test',
    questions: ['dob'],
    count: 0,
    credentialListHash: '00'.repeat(32),
    entries: [],
  });
  // Before: 0644 (with the usual umask), readable by every account on the registrar's machine.
  for (const path of [trustee, print, answers]) assert.equal(modeOf(path).toString(8), '600', path);
  // Rewriting a file that was world-readable leaves it 0600 too (a new file is renamed over it).
  writeTrusteeKeyFile(trustee, createTrusteeKeyFile(group, 'mode-test', 1, 'Trustee One'));
  assert.equal(modeOf(trustee).toString(8), '600');
});

test('F24: a CSV cell a spreadsheet would run as a formula is written as text', () => {
  for (const formula of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx']) {
    const cell = csvField(formula);
    const read = parseCsvText(`h\r\n${cell}\r\n`).rows[0]?.cells[0];
    assert.equal(read, `'${formula}`, `${JSON.stringify(formula)} → ${cell}`);
  }
  assert.equal(csvField('Alex Morgan'), 'Alex Morgan');
  assert.equal(csvField(-5), '-5', 'numbers are numbers');
});
