/**
 * @module Hostile request envelopes (docs/threat-model.md I1 "envelope"): the cast request with its
 * JSON broken — truncated, oversized, deeply nested, the wrong content type, a field missing,
 * added or of the wrong type, a huge number, a byte string of the wrong length or spelling. All
 * are refused by the HTTP layer before the ballot reaches the service.
 */
import fc from 'fast-check';
import type { Ballot } from '@scrutineer/record';
import { castBy, plainJson, poolIndex } from './hostile-arbitraries.ts';
import type { HostileFixture } from './hostile-fixture.ts';
import type { HostileRequest } from './inject.ts';
import { changeAt, jsonType, objectPathsOf, pathsOf, valueAt } from './json-paths.ts';
import { hostileKind } from './run-hostile.ts';
import { VOTER_BALLOT_BODY_LIMIT } from '@scrutineer/server';

/** The byte-string fields of a ballot, as paths. */
const HEX_FIELDS = [
  ['ballot', 'credential'],
  ['ballot', 'signature'],
  ['ballot', 'contests', 0, 'totalProof'],
  ['ballot', 'contests', 1, 'totalProof'],
  ...[0, 1].flatMap((c) =>
    [0, 1, 2].flatMap((j) => [
      ['ballot', 'contests', c, 'selections', j, 'ciphertext'],
      ['ballot', 'contests', c, 'selections', j, 'proof'],
    ])
  ),
] as const;

/** Characters that look like hex digits and are not lower-case ASCII hex. */
const LOOK_ALIKES = ['A', 'F', '０', '９', '٣', 'а', 'е', 'ｆ', ' ', '\u200b', 'x', 'g'];

export function envelopeKinds(fixture: HostileFixture) {
  const pool = (i: number) => ({ ballot: fixture.open.ballots[i] as Ballot });
  const cast = (f: HostileFixture, raw: string, contentType?: string | null): HostileRequest => ({
    ...castBy(f.open, undefined),
    raw,
    ...(contentType === undefined ? {} : { contentType }),
  });
  const withBody = (f: HostileFixture, body: unknown): HostileRequest =>
    cast(f, JSON.stringify(body));
  const anyPath = (i: number) => fc.constantFrom(...pathsOf(pool(i)));

  return [
    hostileKind({
      name: 'json-truncated',
      threat: 'I1 invalid JSON',
      code: 'request/invalid-json',
      arbitrary: () => fc.record({ i: poolIndex, cut: fc.nat() }),
      request: (f, v) => {
        const text = JSON.stringify(pool(v.i));
        return cast(f, text.slice(0, 1 + (v.cut % (text.length - 1))));
      },
    }),
    hostileKind({
      name: 'body-too-large',
      threat: 'I1 oversize body, A23',
      code: 'request/body-too-large',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          size: fc.integer({ min: VOTER_BALLOT_BODY_LIMIT + 1, max: 2 * VOTER_BALLOT_BODY_LIMIT }),
          spaces: fc.boolean(),
        }),
      request: (f, v) => {
        const text = JSON.stringify(pool(v.i));
        const pad = v.size; // over the limit whatever the rest weighs
        // Valid JSON padded with white space, or a ballot with a huge election name.
        return v.spaces
          ? cast(f, text + ' '.repeat(pad))
          : withBody(f, { ballot: { ...pool(v.i).ballot, election: 'x'.repeat(pad) } });
      },
    }),
    hostileKind({
      name: 'json-deeply-nested',
      threat: 'I1 parser strictness',
      code: 'request/invalid-body',
      arbitrary: () =>
        fc
          .record({
            i: poolIndex,
            depth: fc.integer({ min: 1, max: 10_000 }),
            arrays: fc.boolean(),
          })
          .chain((v) => anyPath(v.i).map((path) => ({ ...v, path }))),
      request: (f, v) => {
        const [open, close] = v.arrays ? ['[', ']'] : ['{"a":', '}'];
        const marker = '"@@nested@@"';
        const text = JSON.stringify(changeAt(pool(v.i), v.path, () => '@@nested@@'));
        return cast(f, text.replace(marker, open.repeat(v.depth) + '1' + close.repeat(v.depth)));
      },
    }),
    hostileKind({
      name: 'wrong-content-type',
      threat: 'I1 header abuse',
      code: 'request/unsupported-media-type',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          type: fc.oneof(
            fc.constantFrom(
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/xml',
              'application/jsonl',
              'application/json-patch+json',
              'text/json',
              'application/octet-stream',
              null
            ),
            fc
              .tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z0-9.+-]{1,20}$/))
              .filter(([t, s]) => !(t === 'application' && s === 'json'))
              .map(([t, s]) => `${t}/${s}`)
          ),
        }),
      request: (f, v) => cast(f, JSON.stringify(pool(v.i)), v.type),
    }),
    hostileKind({
      name: 'field-missing',
      threat: 'I1 missing fields',
      code: 'request/invalid-body',
      arbitrary: () =>
        poolIndex.chain((i) =>
          fc
            .constantFrom(...pathsOf(pool(i)).filter((p) => typeof p.at(-1) === 'string'))
            .map((path) => ({ i, path }))
        ),
      request: (f, v) =>
        withBody(
          f,
          changeAt(pool(v.i), v.path, () => undefined)
        ),
    }),
    hostileKind({
      name: 'field-extra',
      threat: 'I1 unknown fields',
      code: 'request/unknown-field',
      arbitrary: () =>
        poolIndex.chain((i) =>
          fc.record({
            i: fc.constant(i),
            path: fc.constantFrom(...objectPathsOf(pool(i))),
            key: fc.string({ minLength: 1, maxLength: 20 }),
            value: plainJson,
          })
        ),
      request: (f, v) => {
        const node = valueAt(pool(v.i), v.path) as Record<string, unknown>;
        // A key the object already has is not extra, and __proto__ is its own kind (prototype-key).
        const key =
          Object.hasOwn(node, v.key) || v.key === '__proto__' || v.key === 'constructor'
            ? `${v.key}_extra`
            : v.key;
        return withBody(
          f,
          changeAt(pool(v.i), v.path, (n) => ({ ...(n as object), [key]: v.value }))
        );
      },
    }),
    hostileKind({
      name: 'field-wrong-type',
      threat: 'I1 wrong types',
      code: 'request/invalid-body',
      arbitrary: () =>
        poolIndex
          .chain((i) =>
            fc.record({
              i: fc.constant(i),
              path: fc.constantFrom(...pathsOf(pool(i))),
              value: plainJson,
            })
          )
          .filter((v) => jsonType(v.value) !== jsonType(valueAt(pool(v.i), v.path))),
      request: (f, v) =>
        withBody(
          f,
          changeAt(pool(v.i), v.path, () => v.value)
        ),
    }),
    hostileKind({
      name: 'number-huge',
      threat: 'I1 huge numbers',
      code: 'request/invalid-body',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          field: fc.constantFrom(...HEX_FIELDS, ['ballot', 'election'] as const),
          number: fc.oneof(
            fc.constantFrom(
              '1e309',
              '-1e309',
              '1e308',
              '9007199254740993',
              '-0',
              '1e-400',
              '1'.repeat(4000)
            ),
            fc.bigInt({ min: 2n ** 53n, max: 2n ** 4000n }).map(String)
          ),
        }),
      request: (f, v) => {
        const marker = '"@@number@@"';
        const text = JSON.stringify(changeAt(pool(v.i), v.field, () => '@@number@@'));
        return cast(f, text.replace(marker, v.number));
      },
    }),
    hostileKind({
      name: 'hex-wrong-length',
      threat: 'A13, I1 non-canonical encodings',
      code: 'request/invalid-body',
      arbitrary: () =>
        fc
          .record({
            i: poolIndex,
            field: fc.constantFrom(...HEX_FIELDS),
            delta: fc.integer({ min: -300, max: 300 }),
            digit: fc.constantFrom(...'0123456789abcdef'),
          })
          .filter(
            (v) =>
              v.delta !== 0 &&
              ((v.field.at(-1) !== 'proof' && v.field.at(-1) !== 'totalProof') ||
                v.delta % 256 !== 0)
          ),
      request: (f, v) =>
        withBody(
          f,
          changeAt(pool(v.i), v.field, (hex) => {
            const text = hex as string;
            return v.delta < 0
              ? text.slice(0, Math.max(0, text.length + v.delta))
              : text + v.digit.repeat(v.delta);
          })
        ),
    }),
    hostileKind({
      name: 'hex-not-canonical-spelling',
      threat: 'I1 non-canonical encodings, Unicode look-alikes',
      code: 'request/invalid-body',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          field: fc.constantFrom(...HEX_FIELDS),
          at: fc.nat(),
          how: fc.constantFrom(...LOOK_ALIKES, 'upper', '0x'),
        }),
      request: (f, v) =>
        withBody(
          f,
          changeAt(pool(v.i), v.field, (hex) => {
            const text = hex as string;
            if (v.how === '0x') return `0x${text.slice(2)}`;
            if (v.how === 'upper')
              return text.toUpperCase() === text ? `${text.slice(1)}A` : text.toUpperCase();
            const at = v.at % text.length;
            return text.slice(0, at) + v.how + text.slice(at + 1);
          })
        ),
    }),
  ];
}
