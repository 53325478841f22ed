/**
 * @module The hex and little-endian helpers the verifier leans on (spec §2.1, §2.2), against
 * Node's own hex codec and a byte-at-a-time reference, on random lengths and every byte value.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, concatByteArrays, hexToBytes } from './bytes.ts';
import { bytesToNumberLE } from './scalar.ts';

describe('bytes', () => {
  it('bytesToHex and hexToBytes agree with Buffer hex and invert each other', () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    assert.equal(bytesToHex(every), Buffer.from(every).toString('hex'));
    fc.assert(
      // Past 2,048 bytes the digits no longer fit the reused scratch buffer.
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const hex = bytesToHex(bytes);
        assert.equal(hex, Buffer.from(bytes).toString('hex'));
        assert.deepEqual(hexToBytes(hex), bytes);
      })
    );
  });

  it('hexToBytes refuses odd lengths, upper case and non-hex characters', () => {
    // Non-ASCII characters take more than one byte when read out: 'é0', '0Ā', an emoji (two code
    // units); and one bad digit past the scratch buffer's 4,096 characters.
    const long = `${'0'.repeat(5000)}0G`;
    for (const bad of [
      '0',
      'abc',
      'AB',
      '0g',
      'zz',
      ' 00',
      '0x00',
      'é0',
      '0\u0100',
      '\u{1f600}',
      long,
    ]) {
      assert.throws(() => hexToBytes(bad), /bytes\/invalid-hex/, bad);
    }
  });

  it('hexToBytes refuses a string with any one character that is not a lower-case hex digit', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 3000 }),
        fc.nat(),
        fc.integer({ min: 0, max: 0xffff }),
        (bytes, where, code) => {
          const hex = bytesToHex(bytes);
          const at = where % hex.length;
          const char = String.fromCharCode(code);
          const changed = `${hex.slice(0, at)}${char}${hex.slice(at + 1)}`;
          if (/^[0-9a-f]$/.test(char))
            assert.deepEqual(hexToBytes(changed), Buffer.from(changed, 'hex'));
          else assert.throws(() => hexToBytes(changed), /bytes\/invalid-hex/);
        }
      )
    );
  });

  it('bytesToNumberLE equals the byte-at-a-time sum on any length, views included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat(7), (bytes, offset) => {
        const view = new Uint8Array(bytes.length + offset).subarray(offset);
        view.set(bytes);
        const expected = bytes.reduceRight((n, b) => (n << 8n) | BigInt(b), 0n);
        assert.equal(bytesToNumberLE(view), expected);
      })
    );
  });
});

describe('concatByteArrays', () => {
  it('joins more parts than a call may take as arguments (a 160,000-row shuffle: ~2 million)', () => {
    const parts = Array.from({ length: 2_000_000 }, (_, i) => new Uint8Array([i & 0xff]));
    const joined = concatByteArrays(parts);
    assert.equal(joined.length, 2_000_000);
    assert.equal(joined[257], 1);
    assert.equal(joined[1_999_999], 1_999_999 & 0xff);
  });
});
