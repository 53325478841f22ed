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
