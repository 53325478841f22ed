/** @module Test helper: the item at `index`, or a failed assertion (no non-null assertions). */
import assert from 'node:assert/strict';

export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  assert.ok(item !== undefined, `no item at ${index}`);
  return item;
}
