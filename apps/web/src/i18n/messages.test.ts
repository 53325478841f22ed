import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECK_IDS } from '@scrutineer/verifier';
import { cy } from './messages-cy.ts';
import { en } from './messages-en.ts';

const parameters = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

test('the Welsh catalogue has every English key, and no other', () => {
  assert.deepEqual(Object.keys(cy).sort(), Object.keys(en).sort());
});

test('every message is non-empty and Welsh uses the same parameters as English', () => {
  for (const [key, english] of Object.entries(en) as [keyof typeof en, string][]) {
    const welsh = cy[key];
    assert.ok(english.trim().length > 0, key);
    assert.ok(welsh.trim().length > 0, key);
    assert.deepEqual(parameters(welsh), parameters(english), key);
  }
});

test('Welsh is actually translated (most messages differ from English)', () => {
  const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === cy[k]);
  // Only names, codes and pure placeholders may be identical.
  assert.deepEqual(same.sort(), ['app.name', 'audit.contestOption', 'ranking.place']);
});

test('every numbered check of the verifier has a title, and no other check does', () => {
  const titled = Object.keys(en)
    .filter((key) => key.startsWith('check.'))
    .map((key) => key.slice('check.'.length));
  assert.deepEqual(titled.sort(), [...CHECK_IDS].sort());
});
