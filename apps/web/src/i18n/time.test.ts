import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTime, setLanguage } from './i18n.ts';

test('board times are shown in UK time, in Welsh with Welsh day and month names', () => {
  const documentStub = { documentElement: { lang: '' } };
  Object.assign(globalThis, { document: documentStub });
  setLanguage('cy');
  // 23:30 UTC on Saturday 31 October 2026 is 23:30 GMT (BST ended on the 25th).
  assert.equal(formatTime('2026-10-31T23:30:00Z'), 'Dydd Sadwrn 31 Hydref 2026 am 23:30');
  // 23:30 UTC on 30 June is 00:30 BST on Wednesday 1 July.
  assert.equal(formatTime('2026-06-30T23:30:00Z'), 'Dydd Mercher 1 Gorffennaf 2026 am 00:30');
  setLanguage('en');
  assert.match(formatTime('2026-06-30T23:30:00Z'), /Wednesday.*1 July 2026.*00:30/);
  assert.equal(documentStub.documentElement.lang, 'en');
});
