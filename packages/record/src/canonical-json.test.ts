import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import jcsSerialize from 'canonicalize';
import { bytesToHex } from '@scrutineer/crypto';
import {
  MAX_JSON_DEPTH,
  canonicalBytes,
  canonicalize,
  parseCanonicalJson,
  parseCanonicalJsonBytes,
  parseJsonLines,
} from './canonical-json.ts';
import { RecordFailure } from './result.ts';

/** Any record value (RFC 8785 data within the safe integers), its objects' keys drawn from `key`. */
type RecordValue =
  null | boolean | number | string | RecordValue[] | { [key: string]: RecordValue };
function recordValue(key: fc.Arbitrary<string>, maxKeys: number): fc.Arbitrary<RecordValue> {
  return fc.letrec<{ value: RecordValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.string({ unit: 'binary' }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys, noNullPrototype: true })
    ),
  })).value;
}

/** The error code (and path) parseCanonicalJson reports for `text`, or 'ok'. */
function verdict(text: string): string {
  const result = parseCanonicalJson(text);
  if (result.ok) return 'ok';
  return result.error.path === undefined
    ? result.error.code
    : `${result.error.code} at ${result.error.path}`;
}

/** The code canonicalize throws with for `value`. */
function refusal(value: unknown): string {
  try {
    canonicalize(value);
  } catch (error) {
    assert.ok(error instanceof RecordFailure, 'throws a RecordFailure');
    return error.code;
  }
  return 'accepted';
}

/**
 * RFC 8785 test data from github.com/cyberphone/json-canonicalization (testdata/input/*.json →
 * testdata/output/*.json), the reference set of the RFC's author. values.json's numbers are
 * fractions and 1e30, which the record refuses (safe integers only), so only its string is used.
 */
const jcsVectors: readonly { name: string; input: string; output: string }[] = [
  {
    name: 'structures.json',
    input:
      '{\n  "1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0},\n  "10": { },\n  "": "empty",\n  "a": { },\n  "111": [ { } ],\n  "A": { }\n}',
    output: '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}',
  },
  {
    name: 'weird.json',
    input:
      '{\n  "\\u20ac": "Euro Sign",\n  "1": "One",\n  "\\u0080": "Control\\u007f",\n  "\\ud83d\\ude02": "Smiley",\n  "\\u00f6": "Latin Small Letter O With Diaeresis",\n  "\\ufb33": "Hebrew Letter Dalet With Dagesh",\n  "</script>": "Browser Challenge"\n}\n',
    output:
      '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  },
  {
    name: 'unicode.json (no normalisation)',
    input: '{\n  "Unnormalized Unicode":"\\u1e0d\\u0307"\n}\n',
    output: '{"Unnormalized Unicode":"\u1e0d\u0307"}',
  },
  {
    name: 'french.json (code-unit order, not locale order)',
    input:
      '{\n  "peach": "This sorting order",\n  "péché": "is wrong according to French",\n  "pêche": "but canonicalization MUST",\n  "sin":   "ingnore locale"\n}\n',
    output:
      '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ingnore locale"}',
  },
  {
    name: 'values.json, escaping',
    input: '{"escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/"}',
    output: '{"escaping":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  },
];

describe('canonicalize (RFC 8785 JCS)', () => {
  for (const { name, input, output } of jcsVectors) {
    it(`reproduces ${name}, and parseCanonicalJson accepts only the output`, () => {
      assert.equal(canonicalize(JSON.parse(input)), output);
      const parsed = parseCanonicalJson(output);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.value, JSON.parse(input));
      assert.equal(verdict(input).split(' ')[0], 'record/non-canonical-json');
    });
  }

  it('refuses numbers that are not safe integers, with the path of the first one', () => {
    assert.equal(verdict(canonicalize({ a: Number.MAX_SAFE_INTEGER })), 'ok');
    assert.equal(canonicalize([-Number.MAX_SAFE_INTEGER, 0, -0]), '[-9007199254740991,0,0]');
    for (const value of [Number.NaN, Infinity, -Infinity, 1.5, 2 ** 53, -(2 ** 53), 1e30]) {
      assert.equal(refusal(value), 'record/unsafe-number', String(value));
    }
    // Same message for the reader: JCS itself would accept 1e+30 and 4.5 (values.json's output).
    assert.equal(
      verdict(
        '{"escaping":"x","literals":[null,true,false],"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}'
      ),
      'record/unsafe-number at /numbers/0'
    );
  });

  it('refuses values JSON cannot carry and objects that are not plain data', () => {
    class Point {
      x = 1;
    }
    const cases: [string, unknown][] = [
      ['undefined', undefined],
      ['undefined member', { a: undefined }],
      ['undefined element', [undefined]],
      ['bigint', 10n],
      ['function', () => 1],
      ['toJSON method', { toJSON: () => 'x' }],
      ['symbol', Symbol('s')],
      ['symbol key', { [Symbol('s')]: 1 }],
      ['Date', new Date(0)],
      ['Map', new Map()],
      ['Uint8Array', new Uint8Array(2)],
      ['class instance', new Point()],
      ['array hole', new Array<number>(2).fill(1, 1)],
    ];
    for (const [what, value] of cases)
      assert.equal(refusal(value), 'record/unsupported-value', what);
    assert.equal(refusal('\ud800'), 'record/invalid-string');
    assert.equal(refusal({ ['\udc00']: 1 }), 'record/invalid-string');
    assert.equal(
      canonicalize(Object.assign(Object.create(null) as object, { b: 1, a: 2 })),
      '{"a":2,"b":1}'
    );
  });

  it('names where a refused value sits, as a JSON Pointer', () => {
    try {
      canonicalize({ ok: [1, 2], 'a/b': [{ 'c~d': 0.5 }] });
      assert.fail('accepted 0.5');
    } catch (error) {
      assert.ok(error instanceof RecordFailure);
      assert.deepEqual(error.error, {
        code: 'record/unsafe-number',
        message: '0.5 is not an integer in [-(2^53 - 1), 2^53 - 1]: encode it as a decimal string',
        path: '/a~1b/0/c~0d',
      });
      assert.match(error.message, /^record\/unsafe-number: 0\.5 .* \(at \/a~1b\/0\/c~0d\)$/);
    }
  });

  it(`accepts nesting to depth ${MAX_JSON_DEPTH} and refuses one level more`, () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    assert.equal(verdict(nested(MAX_JSON_DEPTH)), 'ok');
    assert.equal(verdict(nested(MAX_JSON_DEPTH + 1)).split(' ')[0], 'record/too-deep');
    assert.equal(verdict(nested(100_000)).split(' ')[0], 'record/too-deep');
    assert.equal(refusal(JSON.parse(nested(MAX_JSON_DEPTH + 1))), 'record/too-deep');
  });

  it('gives the example of spec §10.1.1', () => {
    const spaced = '{ "b": [1, "\\u00e9"], "a": "\\u000F" }';
    assert.equal(canonicalize(JSON.parse(spaced)), '{"a":"\\u000f","b":[1,"é"]}');
    assert.equal(verdict('{"a":"\\u000f","b":[1,"é"]}'), 'ok');
  });

  it('encodes to UTF-8 bytes', () => {
    assert.equal(
      bytesToHex(canonicalBytes({ b: '€', a: 1 })),
      bytesToHex(new TextEncoder().encode('{"a":1,"b":"€"}'))
    );
  });
});

describe('parseCanonicalJson', () => {
  it('accepts canonical texts of every kind of value', () => {
    for (const text of [
      'null',
      'true',
      '0',
      '-5',
      '"x"',
      '[]',
      '{}',
      '{"a":[1,{"b":null}],"c":"\u007f"}',
      '"\\u001f"',
    ]) {
      assert.equal(verdict(text), 'ok', text);
    }
  });

  it('reports text that is not JSON as record/invalid-json', () => {
    for (const text of [
      '',
      ' ',
      '{',
      "{'a':1}",
      '[1,]',
      'NaN',
      '01',
      '\ufeff{}',
      '{"a":1}x',
      'undefined',
    ]) {
      assert.equal(verdict(text), 'record/invalid-json', JSON.stringify(text));
    }
  });

  it('reports every other spelling of a value as record/non-canonical-json', () => {
    const cases = [
      ' {}',
      '{} ',
      '{}\n',
      '{"b":1,"a":2}',
      '{"a" :1}',
      '{"a": 1}',
      '[1, 2]',
      '1.0',
      '1e2',
      '1E2',
      '-0',
      '10\r',
      '"\\u0041"',
      '"\\/"',
      '"\\u00e9"',
      '"\\u001F"',
      '"\\u000a"',
      '"\\ud83d\\ude02"',
    ];
    for (const text of cases) {
      assert.equal(verdict(text), 'record/non-canonical-json', JSON.stringify(text));
    }
    const result = parseCanonicalJson('{"b":1,"a":2}');
    assert.ok(!result.ok);
    assert.match(result.error.message, /differs at character 2/);
  });

  it('reports a repeated key, even one spelled differently, before anything else', () => {
    assert.equal(verdict('{"a":1,"a":1}'), 'record/duplicate-key at /a');
    assert.equal(verdict('{"a":1,"\\u0061":2}'), 'record/duplicate-key at /a');
    assert.equal(verdict('{"x":[{"k":1},{"k":2,"k":3}]}'), 'record/duplicate-key at /x/1/k');
    assert.equal(verdict('{"a/b":{"c":1,"c":2}}'), 'record/duplicate-key at /a~1b/c');
    assert.equal(verdict('{ "z": 1.5, "z": 2 }'), 'record/duplicate-key at /z');
    // Equal strings as values, or equal keys in sibling objects, are fine.
    assert.equal(verdict('{"a":"a","b":{"a":1},"c":{"a":2}}'), 'ok');
    assert.equal(verdict('[{"a":1},{"a":1}]'), 'ok');
  });

  it('reports numbers outside the safe integers and lone surrogates', () => {
    assert.equal(verdict('9007199254740991'), 'ok');
    assert.equal(verdict('-9007199254740991'), 'ok');
    assert.equal(verdict('9007199254740992'), 'record/unsafe-number');
    assert.equal(verdict('12345678901234567890'), 'record/unsafe-number');
    assert.equal(verdict('1e400'), 'record/unsafe-number');
    assert.equal(verdict('{"n":[0.5]}'), 'record/unsafe-number at /n/0');
    assert.equal(verdict('"\\ud800"'), 'record/invalid-string');
    assert.equal(verdict('{"\\udc00x":1}'), 'record/invalid-string at /\udc00x');
  });

  it('round-trips every record value, and refuses it pretty-printed or with keys reversed', () => {
    const value = recordValue(fc.string({ unit: 'binary' }), 4);
    fc.assert(
      fc.property(value, (original) => {
        const text = canonicalize(original);
        const parsed = parseCanonicalJson(text);
        assert.ok(parsed.ok, text);
        assert.deepEqual(parsed.value, original);
        assert.equal(canonicalize(parsed.value), text);
        const pretty = JSON.stringify(original, null, 1);
        if (pretty !== text) assert.equal(verdict(pretty), 'record/non-canonical-json');
        if (typeof original === 'object' && original !== null && !Array.isArray(original)) {
          const keys = Object.keys(original).sort().reverse();
          if (keys.length > 1) {
            const member = (k: string) => `${JSON.stringify(k)}:${canonicalize(original[k])}`;
            const reversed = `{${keys.map(member).join(',')}}`;
            assert.equal(verdict(reversed), 'record/non-canonical-json');
          }
        }
      }),
      { numRuns: 300 }
    );
  });

  it("gives the RFC 8785 library's text for any record value, integer-like and unsorted keys included", () => {
    // Keys such as "10" and "9", which V8 enumerates in numeric order and RFC 8785 sorts as text,
    // and keys inserted out of order: the built-in serialiser's shortcut must not apply to them.
    const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), fc.nat(20).map(String));
    const value = recordValue(key, 5);
    fc.assert(
      fc.property(value, (original) => {
        assert.equal(canonicalize(original), jcsSerialize(original));
        const text = jcsSerialize(original) as string;
        const parsed = parseCanonicalJson(text);
        assert.ok(parsed.ok, text);
        assert.equal(
          verdict(JSON.stringify(original)),
          JSON.stringify(original) === text ? 'ok' : 'record/non-canonical-json'
        );
      }),
      { numRuns: 500 }
    );
    assert.equal(canonicalize({ 9: 'a', 10: 'b', b: 1, a: 2 }), '{"10":"b","9":"a","a":2,"b":1}');
  });

  it('refuses a canonical text with a space inserted outside strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), (value, at) => {
        let text: string;
        try {
          text = canonicalize(value);
        } catch {
          return; // floats and -0 from the generator: not record data
        }
        const position = at % (text.length + 1);
        const spaced = `${text.slice(0, position)} ${text.slice(position)}`;
        const result = parseCanonicalJson(spaced);
        // Either refused, or the space landed inside a string and made another canonical value.
        if (result.ok) assert.equal(canonicalize(result.value), spaced);
        else assert.match(result.error.code, /^record\/(non-canonical-json|invalid-json)$/);
      }),
      { numRuns: 300 }
    );
  });
});

describe('parseCanonicalJsonBytes', () => {
  it('requires UTF-8 without a byte-order mark', () => {
    const bytes = (...values: number[]) => new Uint8Array(values);
    const code = (input: Uint8Array) => {
      const result = parseCanonicalJsonBytes(input);
      return result.ok ? 'ok' : result.error.code;
    };
    assert.equal(code(new TextEncoder().encode('{"a":"€"}')), 'ok');
    assert.equal(code(bytes(0x22, 0xff, 0x22)), 'record/invalid-utf8');
    assert.equal(code(bytes(0x22, 0xc0, 0xaf, 0x22)), 'record/invalid-utf8'); // overlong '/'
    assert.equal(code(bytes(0x22, 0xed, 0xa0, 0x80, 0x22)), 'record/invalid-utf8'); // surrogate
    assert.equal(code(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d)), 'record/invalid-json'); // BOM + {}
  });
});

describe('parseJsonLines', () => {
  const lines = (text: string) => {
    const result = parseJsonLines(text);
    return result.ok ? result.value : `${result.error.code} line ${result.error.line}`;
  };

  it('reads one canonical value per \\n-terminated line', () => {
    assert.deepEqual(lines(''), []);
    assert.deepEqual(lines('1\n{"a":[]}\n"x"\n'), [1, { a: [] }, 'x']);
  });

  it('refuses a missing final newline, blank lines, CRLF and bad lines, naming the line', () => {
    assert.equal(lines('1\n2'), 'record/missing-final-newline line 2');
    assert.equal(lines('1'), 'record/missing-final-newline line 1');
    assert.equal(lines('\n'), 'record/empty-line line 1');
    assert.equal(lines('1\n\n2\n'), 'record/empty-line line 2');
    assert.equal(lines('1\n2\n\n'), 'record/empty-line line 3');
    assert.equal(lines('1\r\n'), 'record/non-canonical-json line 1');
    assert.equal(lines('{"a":1}\n{"a" :1}\n'), 'record/non-canonical-json line 2');
    assert.equal(lines('1\n2\n{"k":1,"k":2}\n'), 'record/duplicate-key line 3');
    assert.equal(lines('1\n[\n'), 'record/invalid-json line 2');
    const result = parseJsonLines('0\n1.5\n');
    assert.ok(!result.ok);
    assert.deepEqual(
      { ...result.error, message: '' },
      { code: 'record/unsafe-number', message: '', line: 2 }
    );
  });
});
