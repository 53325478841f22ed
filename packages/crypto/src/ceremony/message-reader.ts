/**
 * @module A cursor over the fixed-layout byte encodings of ceremony and decryption messages
 * (spec §7.7, §8.7). Every read validates: indices must be trustee indices, points canonical (and
 * non-identity unless allowed), and nothing may follow the last field.
 */
import type { Group, Point } from '../group.ts';
import { CeremonyError } from './ceremony-parameters.ts';

/** What went wrong in a read; the owner of the message turns it into its typed error. */
export type ReadFailure = 'wrong-length' | 'index-out-of-range' | 'trailing-bytes';

const ceremonyFailure = (reason: ReadFailure, message: string): Error =>
  new CeremonyError(`ceremony/${reason}`, message);

export class MessageReader {
  readonly #bytes: Uint8Array;
  readonly #what: string;
  readonly #fail: (reason: ReadFailure, message: string) => Error;
  #offset = 0;

  /** `fail` builds the error thrown for a bad read (a {@link CeremonyError} by default). */
  constructor(
    bytes: Uint8Array,
    what: string,
    fail: (reason: ReadFailure, message: string) => Error = ceremonyFailure
  ) {
    this.#bytes = bytes;
    this.#what = what;
    this.#fail = fail;
  }

  #take(length: number): Uint8Array {
    if (this.#offset + length > this.#bytes.length) {
      throw this.#fail('wrong-length', `${this.#what} is truncated`);
    }
    const slice = this.#bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return slice;
  }

  /** A u32, little-endian (spec §3.1). */
  u32(): number {
    const bytes = this.#take(4);
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  }

  /** A trustee index: a u32le in 1..n. */
  index(trusteeCount: number, role: string): number {
    const index = this.u32();
    if (index < 1 || index > trusteeCount) {
      throw this.#fail(
        'index-out-of-range',
        `${this.#what}: ${role} index ${index} not in 1..${trusteeCount}`
      );
    }
    return index;
  }

  /** A canonical point; the identity only if `allowIdentity` (spec §2.3). */
  point(group: Group, allowIdentity = false): Point {
    return group.decodePoint(this.#take(32), { allowIdentity });
  }

  /** `length` raw bytes, copied. */
  bytes(length: number): Uint8Array {
    return this.#take(length).slice();
  }

  /** Throws unless every byte was read. */
  end(): void {
    if (this.#offset !== this.#bytes.length) {
      throw this.#fail(
        'trailing-bytes',
        `${this.#what} has ${this.#bytes.length - this.#offset} extra bytes`
      );
    }
  }
}
