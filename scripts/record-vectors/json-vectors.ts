/**
 * @module Vectors for canonical JSON and JSON Lines (spec §10.1): the canonical text of a value
 * (RFC 8785 with the record's profile), which texts a reader accepts and the code it reports for the
 * others, and how a JSON Lines file is framed (§10.1.4). Inputs are fixed texts, not random.
 */
import assert from 'node:assert/strict';
import { canonicalize, parseCanonicalJson, parseJsonLines } from '@scrutineer/record';
import type { RecordVectorArea } from './area.ts';

const CANONICALIZE: readonly [string, string][] = [
  ['spec §10.1.1 example', '{ "b": [1, "\\u00e9"], "a": "\\u000F" }'],
  ['member order by UTF-16 code units', '{"דּ":7,"😂":6,"€":5,"ö":4,"\\u0080":3,"1":2,"\\r":1}'],
  ['the five short escapes and the other controls', '["\\b\\t\\n\\f\\r", "\\u0000\\u001f\\u000B"]'],
  [
    'quote and backslash escaped; slash, DEL, U+2028 as themselves',
    '["\\"\\\\", "\\/", "\\u007f", "\\u2028"]',
  ],
  ['no Unicode normalisation (U+1E0D U+0307 stays)', '"\\u1e0d\\u0307"'],
  ['astral character as itself (UTF-8, not a surrogate pair escape)', '"\\ud83d\\ude02"'],
  [
    'numbers: -0 is 0, exponent and fraction forms of integers',
    '[-0, 1e2, 100.0, -9007199254740991, 9007199254740991]',
  ],
  ['literals and empty containers', '[null, true, false, {}, [], ""]'],
];

const READ: readonly [string, string][] = [
  ['canonical object', '{"a":1,"b":[true,null]}'],
  ['space after a colon', '{"a": 1}'],
  ['members out of order', '{"b":1,"a":2}'],
  ['escaped A', '"\\u0041"'],
  ['escaped slash', '"\\/"'],
  ['upper-case hex in an escape', '"\\u000F"'],
  ['fraction 1.0', '1.0'],
  ['exponent 1e2', '1e2'],
  ['negative zero', '-0'],
  ['2^53 + 1 is not a safe integer', '9007199254740993'],
  ['a fraction is not an integer', '1.5'],
  ['duplicate key', '{"a":1,"a":2}'],
  ['duplicate key after unescaping', '{"\\u0061":1,"a":2}'],
  ['lone surrogate', '"\\ud800"'],
  ['byte-order mark', '\ufeff{}'],
  ['two JSON texts', '{}{}'],
  ['depth 64 (the limit)', `${'['.repeat(64)}${']'.repeat(64)}`],
  ['depth 65', `${'['.repeat(65)}${']'.repeat(65)}`],
  ['trailing carriage return', '{"a":1}\r'],
];

const JSON_LINES: readonly [string, string][] = [
  ['two lines', '{"a":1}\n{"b":2}\n'],
  ['the empty file holds no values', ''],
  ['no line feed after the last line', '{"a":1}\n{"b":2}'],
  ['CRLF line endings', '{"a":1}\r\n{"b":2}\r\n'],
  ['an empty line', '{"a":1}\n\n{"b":2}\n'],
  ['a bad second line', '{"a":1}\n{"b": 2}\n'],
];

function readOutcome(text: string): Record<string, unknown> {
  const parsed = parseCanonicalJson(text);
  return parsed.ok
    ? { accept: true }
    : {
        accept: false,
        code: parsed.error.code,
        ...(parsed.error.path ? { path: parsed.error.path } : {}),
      };
}

function linesOutcome(text: string): Record<string, unknown> {
  const parsed = parseJsonLines(text);
  return parsed.ok
    ? { accept: true, values: parsed.value }
    : { accept: false, code: parsed.error.code, line: parsed.error.line };
}

export const canonicalJsonArea: RecordVectorArea = {
  file: 'canonical-json.json',
  make: () => ({
    source:
      'hand-written inputs in scripts/record-vectors/json-vectors.ts; outputs by our record code (made by scripts/make-record-vectors.ts)',
    description:
      'Spec §10.1. kind "canonicalize": `input` is any JSON text of a record value, `canonical` the canonical text of that value (§10.1.1–§10.1.2). kind "read": `text` is a candidate canonical text; `accept` is what a reader MUST decide (§10.1.3), `code` the code it SHOULD report (and `path`, a JSON Pointer, when it names a place). kind "jsonLines": `text` is a whole .jsonl file; `accept` MUST hold, `values` are its values, or `code` and the 1-based `line` of the first fault (§10.1.4).',
    cases: [
      ...CANONICALIZE.map(([name, input]) => ({
        name,
        kind: 'canonicalize',
        input,
        canonical: canonicalize(JSON.parse(input)),
      })),
      ...READ.map(([name, text]) => ({ name, kind: 'read', text, ...readOutcome(text) })),
      ...JSON_LINES.map(([name, text]) => ({
        name,
        kind: 'jsonLines',
        text,
        ...linesOutcome(text),
      })),
    ],
  }),
  check: (content) => {
    for (const c of content.cases) {
      if (c.kind === 'canonicalize')
        assert.equal(canonicalize(JSON.parse(c.input as string)), c.canonical, c.name as string);
      else if (c.kind === 'read') {
        const { name: _n, kind: _k, text, ...expected } = c;
        assert.deepEqual(readOutcome(text as string), expected, c.name as string);
      } else {
        const { name: _n, kind: _k, text, ...expected } = c;
        assert.deepEqual(linesOutcome(text as string), expected, c.name as string);
      }
    }
  },
};
