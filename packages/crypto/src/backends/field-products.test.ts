/**
 * @module packages/crypto/wasm/field-multiply.c holds exactly the generated products
 * (scripts/field-products.ts, decision 0028): no hand edit of the 155 lines can drop, double or
 * misplace one unnoticed (the cross-backend vectors would catch most such edits; this names it).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { multiplyBody, squareBody } from '../../scripts/field-products.ts';

const source = readFileSync(new URL('../../wasm/field-multiply.c', import.meta.url), 'utf8');

/** The lines of the C function `name` between its `accum = 0` and its final carry comment. */
function body(name: string): string[] {
  const start = source.indexOf(`void ${name}(`);
  assert.ok(start !== -1, name);
  const lines = source.slice(start).split('\n');
  const from = lines.findIndex((line) => line.includes('uint64_t accum = 0;'));
  const to = lines.findIndex((line) => line.includes('The carry out of limb 9'));
  return lines.slice(from + 1, to);
}

it('gf_mul and gf_sqr in field-multiply.c are the generated products, line for line', () => {
  assert.deepEqual(body('gf_mul'), multiplyBody());
  assert.deepEqual(body('gf_sqr'), squareBody());
});
