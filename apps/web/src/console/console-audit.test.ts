import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditStatus } from '@scrutineer/record';
import { auditBegun, auditOutcomeKey, auditRows, riskText } from './console-audit.ts';

const sampling: AuditStatus = {
  phase: 'sampling',
  riskLimit: 5,
  observers: [{ observer: 'Ann', revealed: true }],
  batches: 8,
  rounds: 1,
  draws: 6,
  full: false,
  pending: ['b-2', 'b-7'],
  counted: 1,
  riskPpm: 123_456,
  outcome: null,
};

test('the audit rows show the risk limit, the drawn batches still to count and the measured risk', () => {
  const rows = new Map(auditRows(sampling));
  assert.equal(rows.get('Risk limit'), '5 %');
  assert.equal(rows.get('Drawn, still to count by hand'), 'b-2 b-7');
  assert.equal(rows.get('Batches counted by hand'), '1 / 8');
  assert.equal(rows.get('Measured risk'), '12.3456 %');
  assert.equal(rows.get('Outcome'), 'Not ended yet.');
  assert.equal(riskText(500), '0.0500 %');
});

test('the outcome says confirmed or escalated to a full hand count, and nothing before a start', () => {
  assert.equal(auditOutcomeKey({ ...sampling, outcome: 'confirmed' }), 'rla.confirmed');
  assert.equal(auditOutcomeKey({ ...sampling, outcome: 'hand-counted' }), 'rla.handCounted');
  assert.equal(auditBegun({ ...sampling, phase: 'none' }), false);
  const before = new Map(auditRows({ ...sampling, riskLimit: null, riskPpm: null, pending: [] }));
  assert.equal(before.get('Risk limit'), '—');
  assert.equal(before.get('Measured risk'), '—');
});
