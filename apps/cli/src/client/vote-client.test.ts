import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateVotingCode, loadGroup } from '@scrutineer/crypto';
import { testManifest } from '../../test-fixtures/test-manifest.ts';
import { resolveChoices } from '@scrutineer/protocol';
import { castVote } from './vote-client.ts';

const manifest = testManifest({
  electionId: 'vote-test',
  candidates: ['Alex Morgan', 'Sam Patel', 'Jo Williams'],
  maxSelections: 2,
});

test('choices by name (any case and spacing), by position, by id, and contest=…', () => {
  assert.deepEqual(resolveChoices(manifest, ['sam  PATEL', '3']), [[1, 2]]);
  assert.deepEqual(resolveChoices(manifest, ['alex-morgan']), [[0]]);
  assert.deepEqual(resolveChoices(manifest, ['leader=1']), [[0]]);
});

test('a choice not on the ballot is refused with the ballot listed', () => {
  assert.match(String(resolveChoices(manifest, ['4'])), /not on the ballot.*1\. Alex Morgan/);
  assert.match(String(resolveChoices(manifest, ['Nobody'])), /not on the ballot/);
  assert.match(String(resolveChoices(manifest, ['deputy=1'])), /no contest deputy/);
});

test('a mistyped code is refused before any request, with the check characters’ diagnosis', async () => {
  const code = generateVotingCode();
  const last = code.slice(-1);
  const typo = `${code.slice(0, -1)}${last === '0' ? '1' : '0'}`;
  const outcome = await castVote({
    server: 'http://127.0.0.1:1',
    electionId: 'vote-test',
    code: typo,
    answers: {},
    choices: ['1'],
    group: await loadGroup('sodium'),
  });
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.code, /^credential\//);
});
