import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import {
  Hex32,
  Hex64,
  decodeHex,
  decodeHex32,
  decodeHex64,
  encodeHex,
  hexBytes,
  hexBytesCodec,
  recordErrorFromZod,
} from './hex.ts';

const a32 = 'ab'.repeat(32);
const a64 = '0f'.repeat(64);

describe('Hex32 and Hex64', () => {
  it('accept exactly 32 or 64 bytes of lower-case hex', () => {
    assert.equal(Hex32.parse(a32), a32);
    assert.equal(Hex64.parse(a64), a64);
    assert.equal(hexBytes(0).parse(''), '');
  });

  it('refuse upper case, prefixes, spaces, wrong lengths and non-strings', () => {
    for (const bad of [
      a32.toUpperCase(),
      `0x${a32.slice(2)}`,
      ` ${a32.slice(1)}`,
      a32.slice(1),
      a32.slice(2),
      `${a32}00`,
      `${a32.slice(1)}g`,
      a64,
      32,
      null,
      undefined,
      [a32],
    ]) {
      assert.equal(Hex32.safeParse(bad).success, false, JSON.stringify(bad));
    }
    assert.equal(Hex64.safeParse(a32).success, false);
    assert.equal(Hex64.safeParse(`${a64}\n`).success, false);
  });

  it('refuse a length that is not a byte count', () => {
    assert.throws(() => hexBytes(-1), RangeError);
    assert.throws(() => hexBytes(1.5), RangeError);
  });
});

describe('decodeHex', () => {
  it('decodes to bytes', () => {
    const result = decodeHex32(a32, 'credential');
    assert.ok(result.ok);
    assert.deepEqual(result.value, new Uint8Array(32).fill(0xab));
    const wide = decodeHex64(a64, 'signature');
    assert.ok(wide.ok && wide.value.length === 64);
    const three = decodeHex('00ff10', 3, 'x');
    assert.ok(three.ok);
    assert.deepEqual(three.value, new Uint8Array([0, 255, 16]));
  });

  it('names the field and what it expected', () => {
    assert.deepEqual(decodeHex32('AB'.repeat(32), 'credential'), {
      ok: false,
      error: {
        code: 'record/invalid-hex',
        message: '/credential: expected 32 bytes as 64 lower-case hexadecimal digits',
        path: '/credential',
      },
    });
    const notString = decodeHex64(7, '/body/ballot/signature');
    assert.ok(!notString.ok);
    assert.equal(notString.error.path, '/body/ballot/signature');
    assert.match(notString.error.message, /expected a string of 64 bytes/);
  });

  it('round-trips any bytes through encodeHex', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), (bytes) => {
        const decoded = decodeHex(encodeHex(bytes, bytes.length), bytes.length, 'field');
        assert.ok(decoded.ok);
        assert.deepEqual(decoded.value, bytes);
      })
    );
    assert.throws(() => encodeHex(new Uint8Array(31), 32), RangeError);
  });
});

describe('hexBytesCodec', () => {
  it('decodes hex to bytes and encodes back', () => {
    const codec = hexBytesCodec(2);
    assert.deepEqual(codec.parse('0aff'), new Uint8Array([10, 255]));
    assert.equal(z.encode(codec, new Uint8Array([1, 2])), '0102');
    assert.equal(codec.safeParse('0AFF').success, false);
  });
});

describe('recordErrorFromZod', () => {
  it('gives the path of the first issue as a JSON Pointer below the field', () => {
    const schema = z.object({ contests: z.array(z.object({ 'a/b': Hex64 })) });
    const parsed = schema.safeParse({ contests: [{ 'a/b': a64 }, { 'a/b': 'zz' }] });
    assert.ok(!parsed.success);
    assert.deepEqual(recordErrorFromZod(parsed.error, 'record/schema-mismatch', 'ballot'), {
      code: 'record/schema-mismatch',
      message: '/ballot/contests/1/a~1b: expected 64 bytes as 128 lower-case hexadecimal digits',
      path: '/ballot/contests/1/a~1b',
    });
    const top = z.string().safeParse(1);
    assert.ok(!top.success);
    const error = recordErrorFromZod(top.error);
    assert.equal(error.code, 'record/schema-mismatch');
    assert.equal('path' in error, false);
  });
});
