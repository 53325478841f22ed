import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trusteeCy } from './trustee-messages-cy.ts';
import { trusteeEn } from './trustee-messages-en.ts';

const parameters = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

test('the Welsh trustee messages have every English key, none empty, with the same parameters', () => {
  assert.deepEqual(Object.keys(trusteeCy).sort(), Object.keys(trusteeEn).sort());
  for (const [key, english] of Object.entries(trusteeEn)) {
    const welsh = trusteeCy[key as keyof typeof trusteeEn];
    assert.ok(welsh.trim().length > 0, key);
    assert.notEqual(welsh, english, `${key} is not translated`);
    assert.deepEqual(parameters(welsh), parameters(english), key);
  }
});
