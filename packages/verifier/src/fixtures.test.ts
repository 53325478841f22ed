/**
 * The golden fixtures (packages/verifier/fixtures/README.md): every folder's record is verified and
 * the verdict must match its expected.json exactly: validity, stage, the very set of failing
 * checks and the faults attributed to trustees. Every check of docs/spec/verification.md must fail in at least one tampered fixture, and
 * in one that fails it alone unless the protocol makes that impossible.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFastestGroup, loadGroup } from '@scrutineer/crypto';
import { CHECK_IDS, type CheckId } from './check-catalogue.ts';
import { recordDirectory } from './node/record-directory.ts';
import { STAGES, type Stage } from './report.ts';
import { verifyRecord } from './verify-record.ts';

interface ExpectedFault {
  readonly check: CheckId;
  readonly trustee: number;
  readonly code: string;
}

interface Expected {
  readonly valid: boolean;
  readonly stage: Stage;
  readonly failing: readonly CheckId[];
  /** Absent: no fault may be attributed. */
  readonly faults?: readonly ExpectedFault[];
}

const faultKey = (f: ExpectedFault): string => `${f.check} trustee ${f.trustee} ${f.code}`;

const root = new URL('../fixtures/', import.meta.url).pathname;
const names = readdirSync(root)
  .filter((name) => /^(valid|tampered)-/.test(name))
  .sort();
const expectations = new Map<string, Expected>(
  names.map((name) => [
    name,
    JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected,
  ])
);
// Every fixture on sodium, and on native too when its addon is built: the verdicts must not
// depend on the backend (spec §2.6).
const fastest = await loadFastestGroup();
const groups = fastest.backend === 'sodium' ? [fastest] : [await loadGroup('sodium'), fastest];

/**
 * Checks no fixture can fail alone: V8.3 (too few valid shares) always leaves the result's online
 * counts undecrypted, so V9.1 fails with it; an event after a cancellation (V2.8) is also out of
 * phase, since no stage admits an event after `cancelled` (V2.5).
 */
const NEVER_ALONE: readonly CheckId[] = ['V8.3', 'V2.8'];

/**
 * Checks that cannot fail: V8.2 sets a batch whose proofs fail aside as its trustee's fault
 * (spec §8.4); fewer than k valid batches fail V8.3. A fixture must attribute a fault under each.
 */
const FAULTS_ONLY: readonly CheckId[] = ['V8.2'];

test('the fixture folders are well formed', () => {
  assert.ok(
    names.some((n) => n.startsWith('valid-')) && names.some((n) => n.startsWith('tampered-'))
  );
  for (const [name, expected] of expectations) {
    assert.ok(existsSync(join(root, name, 'record', 'board.jsonl')), `${name}: record/board.jsonl`);
    assert.equal(
      expected.valid,
      name.startsWith('valid-'),
      `${name}: the name says whether it is valid`
    );
    assert.equal(expected.valid, expected.failing.length === 0, `${name}: valid iff nothing fails`);
    assert.ok(STAGES.includes(expected.stage), `${name}: stage ${expected.stage}`);
    for (const id of expected.failing)
      assert.ok(CHECK_IDS.includes(id), `${name}: unknown check ${id}`);
    for (const fault of expected.faults ?? [])
      assert.ok(CHECK_IDS.includes(fault.check), `${name}: unknown check ${fault.check}`);
  }
});

test('every check fails in some tampered fixture, alone wherever the protocol allows', () => {
  const all = [...expectations.values()];
  for (const id of CHECK_IDS) {
    if (FAULTS_ONLY.includes(id)) {
      assert.ok(
        all.some((e) => e.faults?.some((f) => f.check === id)),
        `no fixture attributes a fault under ${id}`
      );
      continue;
    }
    assert.ok(
      all.some((e) => e.failing.includes(id)),
      `no tampered fixture fails ${id}`
    );
    if (!NEVER_ALONE.includes(id)) {
      assert.ok(
        all.some((e) => e.failing.length === 1 && e.failing[0] === id),
        `no tampered fixture fails ${id} alone`
      );
    }
  }
});

for (const [name, group] of names.flatMap((n) => groups.map((g) => [n, g] as const))) {
  test(`fixture ${name} (${group.backend})`, async () => {
    const expected = expectations.get(name) as Expected;
    const report = await verifyRecord(recordDirectory(join(root, name, 'record')), { group });
    const failed = report.checks.filter((c) => c.status === 'failed');
    const detail = failed
      .map((c) => `${c.id}: ${c.failures.map((f) => f.message).join(' | ')}`)
      .join('\n');
    assert.deepEqual(
      failed.map((c) => c.id).sort(),
      [...expected.failing].sort(),
      `${name}: failing checks differ\n${detail}`
    );
    assert.deepEqual(
      report.faults.map((f) => faultKey({ ...f, trustee: f.party.trustee })).sort(),
      (expected.faults ?? []).map(faultKey).sort(),
      `${name}: attributed faults differ`
    );
    assert.equal(report.ok, expected.valid, `${name}: ok`);
    assert.equal(report.stage, expected.stage, `${name}: stage`);
    if (expected.valid) {
      assert.ok(
        report.events > 0 && report.headHash !== null,
        `${name}: a valid record reports what it verified`
      );
    }
  });
}
