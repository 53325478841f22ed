import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CROCKFORD_ALPHABET } from '@scrutineer/crypto';
import { generatePackId, parsePackId } from './pack-id.ts';

test('pack ids are 10 symbols, XXXXX-XXXXX, distinct, and check', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const id = generatePackId();
    assert.match(id, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    assert.deepEqual(parsePackId(id), { ok: true, value: id });
    seen.add(id);
  }
  assert.equal(seen.size, 2000);
});

test('reading folds case, separators and look-alikes', () => {
  const id = generatePackId();
  const typed = id.toLowerCase().replace('-', ' ').replace(/1/g, 'l').replace(/0/g, 'o');
  assert.deepEqual(parsePackId(typed), { ok: true, value: id });
});

test('every single wrong symbol is caught, and nearly every neighbour swap', () => {
  let swapsMissed = 0;
  let swaps = 0;
  for (let trial = 0; trial < 50; trial++) {
    const symbols = generatePackId().replace('-', '');
    for (let i = 0; i < symbols.length; i++) {
      for (const replacement of CROCKFORD_ALPHABET) {
        if (replacement === symbols[i]) continue;
        const wrong = symbols.slice(0, i) + replacement + symbols.slice(i + 1);
        assert.equal(parsePackId(wrong).ok, false, `${symbols} → ${wrong}`);
      }
      if (i + 1 < symbols.length && symbols[i] !== symbols[i + 1]) {
        swaps++;
        const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
        if (parsePackId(swapped).ok) swapsMissed++;
      }
    }
  }
  assert.ok(swapsMissed / swaps < 0.01, `${swapsMissed} of ${swaps} swaps missed`);
  assert.equal(parsePackId('ABCDE-FGHJ').ok, false);
  assert.equal(parsePackId('ABCDE-FGHJU').ok, false);
});
