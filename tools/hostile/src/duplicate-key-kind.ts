/**
 * @module Hostile cast bodies whose JSON text gives one key twice in an object (docs/threat-model.md
 * I1 "parser strictness"; spec §10.1.2 rule 8): at the top level (two `ballot` or `tracker`
 * members) or nested (two `credential`, `contests`, `selections`, `proof` …), the copy first or
 * last, spelled the same or with an escape (`"\u0070roof"` is `"proof"`), holding the same value,
 * another valid ballot's value or any JSON. JSON.parse keeps the last copy silently, so a lenient
 * reader and the board could disagree about which ballot was cast; the parser refuses every one
 * with `request/invalid-json` before any schema or signature check.
 */
import fc from 'fast-check';
import type { Ballot } from '@scrutineer/record';
import { castBy, plainJson, poolIndex } from './hostile-arbitraries.ts';
import type { HostileFixture } from './hostile-fixture.ts';
import { type JsonPath, changeAt, objectPathsOf, valueAt } from './json-paths.ts';
import { hostileKind } from './run-hostile.ts';

/** Stands for the second copy's key until the text is written (no ballot has such a key). */
const MARKER = '@@duplicate@@';

/** A key no ballot body has, given twice (the cast body carries no tracker). */
const ABSENT_KEY = 'tracker';

/** `key` as JSON text: plain, or with its first character as a `\u` escape. */
function spell(key: string, escaped: boolean): string {
  if (!escaped) return JSON.stringify(key);
  const code = key.charCodeAt(0).toString(16).padStart(4, '0');
  return `"\\u${code}${JSON.stringify(key).slice(2)}`;
}

export function duplicateKeyKind(fixture: HostileFixture) {
  const pool = (i: number) => ({ ballot: fixture.open.ballots[i] as Ballot });
  const objectAt = (i: number, path: JsonPath) => valueAt(pool(i), path) as Record<string, unknown>;

  return hostileKind({
    name: 'json-duplicate-key',
    threat: 'I1 parser strictness',
    code: 'request/invalid-json',
    arbitrary: () =>
      poolIndex
        .chain((i) => fc.constantFrom(...objectPathsOf(pool(i))).map((path) => ({ i, path })))
        .chain(({ i, path }) =>
          fc.record({
            i: fc.constant(i),
            path: fc.constant(path),
            key: fc.constantFrom(...Object.keys(objectAt(i, path)), ABSENT_KEY),
            /** Where the copy's value comes from: the same, another pool ballot's, or anything. */
            copy: fc.oneof(
              fc.constantFrom('same' as const, 'other' as const),
              plainJson.map((value) => ({ value }))
            ),
            other: poolIndex,
            copyFirst: fc.boolean(),
            escaped: fc.boolean(),
          })
        ),
    request: (f, v) => {
      const node = objectAt(v.i, v.path);
      const original = Object.hasOwn(node, v.key) ? node[v.key] : 'ab'.repeat(32);
      const copy =
        v.copy === 'same'
          ? original
          : v.copy === 'other'
            ? (valueAt(pool(v.other), [...v.path, v.key]) ?? 'cd'.repeat(32))
            : v.copy.value;
      const body = changeAt(pool(v.i), v.path, (object) =>
        v.copyFirst
          ? { [MARKER]: copy, ...(object as object), [v.key]: original }
          : { ...(object as object), [v.key]: original, [MARKER]: copy }
      );
      const raw = JSON.stringify(body).replace(`"${MARKER}":`, `${spell(v.key, v.escaped)}:`);
      return { ...castBy(f.open, undefined), raw };
    },
  });
}
