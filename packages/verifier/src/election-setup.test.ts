import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGroup } from '@scrutineer/crypto';
import { type BoardEvent, parseBoardEvent } from '@scrutineer/record';
import { checkElectionSetup } from './election-setup.ts';

const group = await loadGroup('sodium');
const root = new URL('../fixtures/', import.meta.url).pathname;

function events(fixture: string): BoardEvent[] {
  return readFileSync(`${root}${fixture}/record/board.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const parsed = parseBoardEvent(JSON.parse(line));
      assert.ok(parsed.ok);
      return parsed.value;
    });
}

test('the setup of valid records recomputes to their published key and base hash (with a complaint, with an absent trustee)', () => {
  for (const fixture of ['valid-small', 'valid-with-complaint', 'valid-absent-trustee']) {
    const all = events(fixture);
    const checked = checkElectionSetup(group, all);
    assert.ok(checked.ok, `${fixture}: ${checked.ok ? '' : checked.error.message}`);
    const open = all.find((e) => e.type === 'election-open');
    assert.ok(open?.type === 'election-open');
    assert.equal(checked.value.opening?.baseHash, open.body.baseHash);
    assert.equal(checked.value.boardPublicKey, checked.value.manifest.board.publicKey);
  }
});

test('a published key, verification key or Q not from the ceremony is refused, naming what differs', () => {
  const cases = [
    ['tampered-election-key', 'publicKey'],
    ['tampered-verification-key', 'verificationKeys['],
    ['tampered-qualified-set', 'qualified'],
  ] as const;
  for (const [fixture, difference] of cases) {
    const checked = checkElectionSetup(group, events(fixture));
    assert.ok(!checked.ok, fixture);
    assert.equal(checked.error.code, 'setup/key-not-from-ceremony', fixture);
    assert.match(checked.error.message, /does not follow from the trustees' ceremony/);
    assert.ok(
      checked.error.differences?.some((d) => d.startsWith(difference)),
      `${fixture}: ${checked.error.differences?.join()}`
    );
  }
  const unsigned = checkElectionSetup(group, events('tampered-commitments-signature'));
  assert.equal(unsigned.ok ? '' : unsigned.error.code, 'setup/invalid-ceremony-message');
  const base = checkElectionSetup(group, events('tampered-base-hash'));
  assert.equal(base.ok ? '' : base.error.code, 'setup/base-hash-mismatch');
});
