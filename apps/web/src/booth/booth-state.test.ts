import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stageOf } from './booth-state.ts';

test('the stage a member sees: voting is offered only while the board is open and the window runs', () => {
  const closes = '2026-12-05T20:00:00Z';
  const before = Date.parse(closes) - 1;
  const after = Date.parse(closes);
  assert.equal(stageOf('open', closes, before), 'open');
  assert.equal(stageOf('open', closes, after), 'closed', 'the window has ended');
  assert.equal(stageOf('closed', closes, before), 'closed');
  assert.equal(stageOf('cancelled', closes, before), 'closed');
  assert.equal(stageOf('tallied', closes, after), 'counted');
  assert.equal(stageOf('final', closes, after), 'counted');
  assert.equal(stageOf('keyed', closes, before), 'keyed');
  assert.equal(stageOf('setup', closes, before), 'setup');
  assert.equal(stageOf('empty', closes, before), 'setup');
});
