/**
 * V5.10 for one audited ballot on its own (`findAuditedBallot`, what `scrutineer verify --audit`
 * and the web app call): on the golden fixtures, an honest device check opens to its votes, and the
 * fixtures that fail V5.10 for the whole record (a changed vote, a tracker not of the ciphertexts)
 * fail it for the ballot alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { findAuditedBallot } from './audited-ballot.ts';
import { recordDirectory } from './node/record-directory.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

/** The fixture's record and the trackers of its audited ballots, in board order. */
function auditedIn(name: string): { record: string; trackers: string[] } {
  const record = join(fixtures, name, 'record');
  const trackers = readFileSync(join(record, 'board.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"ballot-audited"'))
    .map((l) => (JSON.parse(l) as { body: { tracker: string } }).body.tracker);
  assert.ok(trackers.length > 0, `${name} has no audited ballot`);
  return { record, trackers };
}

test('V5.10: an honest audited ballot is found, opens to its votes and names its choices', async () => {
  const { record, trackers } = auditedIn('valid-small');
  const tracker = trackers[0] ?? '';
  const finding = await findAuditedBallot(
    await loadGroup('sodium'),
    recordDirectory(record),
    ` ${tracker.toUpperCase()} `
  );
  assert.ok(finding.found);
  assert.equal(finding.tracker, tracker);
  assert.equal(finding.opensCorrectly, true);
  assert.ok(finding.choices.length > 0);
  for (const choice of finding.choices) assert.match(choice.contest, /\S/);
});

for (const name of ['tampered-audit-vote', 'tampered-audit-tracker']) {
  test(`V5.10: an audited ballot of ${name} does not open correctly`, async () => {
    const { record, trackers } = auditedIn(name);
    const group = await loadGroup('sodium');
    const findings = await Promise.all(
      trackers.map((t) => findAuditedBallot(group, recordDirectory(record), t))
    );
    assert.ok(findings.every((f) => f.found));
    assert.ok(findings.some((f) => f.found && !f.opensCorrectly));
  });
}

test('an unknown tracker is not found', async () => {
  const { record } = auditedIn('valid-small');
  const finding = await findAuditedBallot(
    await loadGroup('sodium'),
    recordDirectory(record),
    '0'.repeat(64)
  );
  assert.deepEqual(finding, { tracker: '0'.repeat(64), found: false });
});
