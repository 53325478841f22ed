import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRollReference } from '@scrutineer/protocol';
import { nth } from '@scrutineer/testkit';
import { makeSyntheticRoll } from '../../../test-fixtures/synthetic-roll.ts';
import { parseCsvText } from './csv-file.ts';
import type { RollReferencesFile } from './roll-files.ts';

const bin = new URL('../../../bin/scrutineer.mjs', import.meta.url).pathname;
function scrutineer(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'scrutineer-roll-'));
const synthetic = makeSyntheticRoll({ members: 400, seed: 'cli' });
writeFileSync(join(dir, 'members.csv'), synthetic.csv);
const importArgs = [
  '--cutoff',
  synthetic.rules.cutoff,
  '--as-of',
  synthetic.rules.asOf,
  '--min-age',
  String(synthetic.rules.minimumAge),
];

test('roll import: a bad row refuses the whole file, one line per problem, nothing written', () => {
  const lines = synthetic.csv.trimEnd().split('\n');
  lines[3] = nth(lines, 3).replace(/,\d{4}-\d{2}-\d{2},/, ',1980-02-30,');
  lines[7] = nth(lines, 7).replace(/^M\d+/, '');
  writeFileSync(join(dir, 'bad.csv'), `${lines.join('\n')}\n`);
  const run = scrutineer(
    'roll',
    'import',
    join(dir, 'bad.csv'),
    '--out',
    join(dir, 'bad-roll.json'),
    ...importArgs
  );
  assert.equal(run.status, 1);
  assert.deepEqual(run.stderr.trim().split('\n').slice(0, 2), [
    'row 4: dateOfBirth: date of birth "1980-02-30" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
    'row 8: memberId: member id is empty',
  ]);
  assert.match(run.stderr, /2 problem\(s\); nothing was imported/);
  assert.ok(!existsSync(join(dir, 'bad-roll.json')));
});

test('roll import, audit, commit and check, end to end through the command line', () => {
  const rollPath = join(dir, 'roll.json');
  const imported = scrutineer(
    'roll',
    'import',
    join(dir, 'members.csv'),
    '--out',
    rollPath,
    ...importArgs
  );
  assert.equal(imported.status, 0, imported.stderr);
  const ineligible = synthetic.planted.filter((p) => p.rule === 'ineligible').length;
  assert.match(
    imported.stdout,
    new RegExp(`Imported 400 members .*: ${400 - ineligible} eligible, ${ineligible} not`)
  );

  const audited = scrutineer('roll', 'audit', rollPath, '--out', join(dir, 'roll-audit.csv'));
  assert.equal(audited.status, 0, audited.stderr);
  assert.match(audited.stdout, /join-burst\s+1/);
  const report = parseCsvText(readFileSync(join(dir, 'roll-audit.csv'), 'utf8'));
  assert.deepEqual(report.header, ['finding', 'rule', 'member_ids', 'evidence']);
  const found = report.rows.map((r) => `${r.cells[1]} ${r.cells[2]?.split(';').join(',')}`).sort();
  assert.deepEqual(
    found,
    synthetic.planted.map((p) => `${p.rule} ${p.memberIds.join(',')}`).sort()
  );

  const committed = scrutineer('roll', 'commit', rollPath, '--out', dir);
  assert.equal(committed.status, 0, committed.stderr);
  const commitment = JSON.parse(readFileSync(join(dir, 'roll-commitment.json'), 'utf8')) as {
    count: number;
    root: string;
  };
  assert.deepEqual(Object.keys(commitment), ['count', 'root']);
  assert.equal(commitment.count, 400 - ineligible);
  const references = JSON.parse(
    readFileSync(join(dir, 'roll-references.json'), 'utf8')
  ) as RollReferencesFile;
  assert.equal(references.references.length, commitment.count);
  // The public commitment names nobody.
  assert.ok(!readFileSync(join(dir, 'roll-commitment.json'), 'utf8').includes('M1'));

  const member = nth(references.references, 7);
  const manifest = join(dir, 'manifest-draft.json');
  writeFileSync(manifest, JSON.stringify({ electionId: 'leader-2025', roll: commitment }));
  const reference = encodeRollReference(commitment, member);
  /** `roll check` against the published manifest, as a member checks their own entry. */
  const checkAgainstManifest = (memberId: string, memberReference: string) =>
    scrutineer(
      'roll',
      'check',
      '--manifest',
      manifest,
      '--member-id',
      memberId,
      '--reference',
      memberReference
    );
  const byReference = checkAgainstManifest(member.memberId, reference);
  assert.equal(byReference.status, 0, byReference.stderr);
  assert.match(
    byReference.stdout,
    new RegExp(
      `^COUNTED: member ${member.memberId} is entry ${member.index} of the ${commitment.count}`
    )
  );
  const byParts = scrutineer(
    'roll',
    'check',
    '--count',
    String(commitment.count),
    '--root',
    commitment.root,
    '--member-id',
    member.memberId,
    '--salt',
    member.salt,
    '--index',
    String(member.index),
    '--proof',
    ...member.proof
  );
  assert.equal(byParts.status, 0, byParts.stderr);
  const wrongMember = checkAgainstManifest(nth(references.references, 8).memberId, reference);
  assert.equal(wrongMember.status, 1);
  assert.match(wrongMember.stderr, /^NOT COUNTED/);
  writeFileSync(
    manifest,
    JSON.stringify({ electionId: 'leader-2025', roll: { ...commitment, root: 'ab'.repeat(32) } })
  );
  const otherRoll = checkAgainstManifest(member.memberId, reference);
  assert.equal(otherRoll.status, 1);
  assert.match(otherRoll.stderr, /the published roll is/);
  const malformed = checkAgainstManifest(member.memberId, 'ROLL1:xyz');
  assert.equal(malformed.status, 2);
});

test('every roll command has --help', () => {
  for (const command of ['import', 'audit', 'commit', 'check']) {
    const help = scrutineer('roll', command, '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: scrutineer roll /);
  }
});
