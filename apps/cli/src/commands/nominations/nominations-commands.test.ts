import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, sha256 } from '@scrutineer/crypto';
import { parseCanonicalJson } from '@scrutineer/record';

const bin = new URL('../../../bin/scrutineer.mjs', import.meta.url).pathname;
function scrutineer(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `nominations record`: `nominator` nominates `candidate` on paper form `form`. */
function recordNomination(state: string, nominator: string, candidate: string, form: string) {
  return scrutineer(
    'nominations',
    'record',
    '--state',
    state,
    '--nominator',
    nominator,
    '--candidate',
    candidate,
    '--form',
    form
  );
}

test('nominations import, record (once per nominator), close: nominations.json and the manifest field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-nominations-'));
  const state = join(dir, 'state.json');
  writeFileSync(
    join(dir, 'mps.csv'),
    'nominator id,name,constituency\nMP001,Ann Alpha,North\nMP002,Bob Beta,South\nMP003,Cat Gamma,"East, Central"\n'
  );
  const imported = scrutineer('nominations', 'import', join(dir, 'mps.csv'), '--state', state);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /3 nominators/);
  const record = (nominator: string, candidate: string, form: string) =>
    recordNomination(state, nominator, candidate, form);
  assert.equal(record('MP001', 'Sam Patel', 'NF-1').status, 0);
  assert.equal(record('MP002', 'Alex Morgan', 'NF-2').status, 0);
  const second = record('MP001', 'Alex Morgan', 'NF-3');
  assert.equal(second.status, 1);
  assert.equal(
    second.stderr.trim(),
    'Refused (nominations/already-nominated): Ann Alpha (MP001) has already nominated Sam Patel on form NF-1; each nominator may nominate once'
  );
  assert.equal(record('MP003', 'alex morgan', 'NF-4').status, 0);
  const reimport = scrutineer('nominations', 'import', join(dir, 'mps.csv'), '--state', state);
  assert.equal(reimport.status, 1, 'an import never overwrites recorded nominations');

  const closed = scrutineer(
    'nominations',
    'close',
    '--state',
    state,
    '--threshold',
    '1',
    '--out',
    join(dir, 'nominations.json')
  );
  assert.equal(closed.status, 0, closed.stderr);
  assert.match(
    closed.stdout,
    /Ballot: 1\. Alex Morgan \[alex-morgan\], 2\. Sam Patel \[sam-patel\]/
  );
  const bytes = readFileSync(join(dir, 'nominations.json'));
  const document = parseCanonicalJson(bytes.toString('utf8'));
  assert.ok(document.ok, 'nominations.json is canonical JSON');
  const field = JSON.parse(readFileSync(join(dir, 'nominations-manifest.json'), 'utf8')) as {
    threshold: number;
    hash: string;
    qualified: string[];
  };
  assert.deepEqual(field, {
    threshold: 1,
    hash: bytesToHex(sha256(bytes)),
    qualified: ['alex-morgan', 'sam-patel'],
  });
  const value = document.value as { nominators: number; nominations: unknown[]; outcome: unknown };
  assert.equal(value.nominators, 3);
  assert.deepEqual(value.nominations, [
    { candidate: 'sam-patel', form: 'NF-1', nominator: 'MP001' },
    { candidate: 'alex-morgan', form: 'NF-2', nominator: 'MP002' },
    { candidate: 'alex-morgan', form: 'NF-4', nominator: 'MP003' },
  ]);
  assert.equal(record('MP003', 'Sam Patel', 'NF-9').status, 1, 'closed');
});

test('close with one or no qualifying candidate says so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-nominations-'));
  const state = join(dir, 'state.json');
  writeFileSync(join(dir, 'mps.csv'), 'id,name\nMP001,Ann Alpha\nMP002,Bob Beta\n');
  scrutineer('nominations', 'import', join(dir, 'mps.csv'), '--state', state);
  recordNomination(state, 'MP001', 'Sam Patel', 'A1');
  recordNomination(state, 'MP002', 'Sam Patel', 'A2');
  const copy = readFileSync(state);
  const one = scrutineer(
    'nominations',
    'close',
    '--state',
    state,
    '--threshold',
    '2',
    '--out',
    join(dir, 'one.json')
  );
  assert.match(
    one.stdout,
    /Sam Patel is the only qualifying candidate and is elected unopposed: no members' ballot/
  );
  writeFileSync(state, copy);
  const none = scrutineer(
    'nominations',
    'close',
    '--state',
    state,
    '--threshold',
    '3',
    '--out',
    join(dir, 'none.json')
  );
  assert.equal(none.status, 0);
  assert.match(
    none.stdout,
    /No members' ballot: no candidate reached the threshold of 3 nominations \(Sam Patel 2\)/
  );
});
