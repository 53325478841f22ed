import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { declareVerifiedRecord } from './declaration-files.ts';

const FIXTURES = fileURLToPath(
  new URL('../../../../../packages/verifier/fixtures/', import.meta.url)
);
const work = mkdtempSync(join(tmpdir(), 'scrutineer-declaration-'));
after(() => rmSync(work, { recursive: true, force: true }));
const FILES = ['result.json', 'result.csv', 'result.svg', 'declaration.html'];

test('a verified record gets its declaration: JSON marked verified, CSV, chart, printable page', async () => {
  const out = join(work, 'valid');
  cpSync(join(FIXTURES, 'valid-postal', 'record'), join(out, 'record'), { recursive: true });
  const { report, declaration } = await declareVerifiedRecord(join(out, 'record'), out);
  assert.equal(report.ok, true);
  assert.ok(declaration !== null);
  for (const file of FILES) assert.ok(existsSync(join(out, file)), file);
  const json = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
    verified: boolean;
    electorate: number;
    turnout: { postal: number };
  };
  assert.equal(json.verified, true);
  assert.equal(json.electorate, declaration.electorate);
  assert.ok(json.turnout.postal > 0);
  const csv = readFileSync(join(out, 'result.csv'), 'utf8');
  assert.match(csv, /^contest,candidate_id,candidate,online,postal,total,percent,elected\r\n/);
  assert.match(csv, /\r\nspoilt_postal_papers,\d+\r\n/);
  const html = readFileSync(join(out, 'declaration.html'), 'utf8');
  assert.match(html, /@media print/);
  assert.match(html, /<table>/);
  assert.doesNotMatch(html, /<script/);
});

test('an invalid record gets no result at all, and a stale one from an earlier run is removed', async () => {
  const out = join(work, 'invalid');
  cpSync(join(FIXTURES, 'tampered-result-online', 'record'), join(out, 'record'), {
    recursive: true,
  });
  for (const file of FILES) writeFileSync(join(out, file), 'stale');
  const { report, declaration, paths } = await declareVerifiedRecord(join(out, 'record'), out);
  assert.equal(report.ok, false);
  assert.equal(declaration, null);
  assert.equal(paths, null);
  for (const file of FILES) assert.equal(existsSync(join(out, file)), false, file);
});

test('the terminal declaration draws a bar per candidate and marks who is elected', async () => {
  const { formatDeclaration } = await import('./declaration-files.ts');
  const text = formatDeclaration({
    electionId: 'e-1',
    title: 'T',
    organisation: 'O',
    electorate: 10,
    turnout: { online: 6, postal: 2, total: 8, percent: 80 },
    spoilt: 0,
    rejected: {
      total: 0,
      byReason: { 'already-voted-online': 0, 'already-voted-by-post': 0, 'credential-revoked': 0 },
    },
    contests: [
      {
        id: 'c',
        title: 'Chair',
        seats: 1,
        papers: 8,
        tiedForLastSeat: [],
        candidates: [
          { id: 'a', name: 'Alex', online: 4, postal: 2, total: 6, percent: 75, elected: true },
          { id: 'b', name: 'Sam', online: 2, postal: 0, total: 2, percent: 25, elected: false },
        ],
      },
    ],
  });
  assert.match(text, /Alex\s+4\s+2\s+6\s+75\.0 █{20} ELECTED/);
  assert.match(text, /Sam\s+2\s+0\s+2\s+25\.0 █{7}\s+\n/);
  assert.match(text, /Electorate 10; voted 8 \(80\.0%\)/);
});
