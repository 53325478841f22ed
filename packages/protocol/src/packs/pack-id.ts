/**
 * @module Pack references (spec §9.5.4): the short random reference printed on a ballot pack's
 * letter, by which the member and the registrar name the pack when it is replaced. Only the
 * registrar can map it to a credential; the board never holds it. It is not the voting code and
 * reveals nothing about it. Nine random Crockford base32 symbols (45 bits) and one check symbol
 * (Luhn mod 32: it catches every single wrong symbol and nearly every swap of two neighbours),
 * printed `XXXXX-XXXXX`. Reading folds case and look-alikes (I, L → 1; O → 0) as voting codes do.
 */
import { CROCKFORD_ALPHABET, randomBytes } from '@scrutineer/crypto';
import { type Result, err, ok } from '@scrutineer/record';

const BASE = 32;
const RANDOM_SYMBOLS = 9;

/** Luhn mod N (N = 32) over symbol values: the check value that makes the weighted sum ≡ 0. */
function luhnCheck(values: readonly number[]): number {
  let sum = 0;
  let factor = 2;
  for (let i = values.length - 1; i >= 0; i--) {
    const addend = factor * (values[i] as number);
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return (BASE - (sum % BASE)) % BASE;
}

function format(values: readonly number[]): string {
  const text = values.map((v) => CROCKFORD_ALPHABET[v]).join('');
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

/** A fresh pack id from the CSPRNG. */
export function generatePackId(): string {
  const bytes = randomBytes(RANDOM_SYMBOLS);
  const values = Array.from(bytes, (b) => b % BASE); // 256 is a multiple of 32: no bias.
  return format([...values, luhnCheck(values)]);
}

export interface PackIdError {
  readonly code: 'pack/invalid-id';
  readonly message: string;
}

/** Reads a scanned or typed pack id into its printed form, checking the check symbol. */
export function parsePackId(text: string): Result<string, PackIdError> {
  const values: number[] = [];
  for (const character of text.trim().toUpperCase()) {
    if (character === '-' || character === ' ') continue;
    const folded =
      character === 'I' || character === 'L' ? '1' : character === 'O' ? '0' : character;
    const value = CROCKFORD_ALPHABET.indexOf(folded);
    if (value < 0)
      return err({ code: 'pack/invalid-id', message: `"${character}" is not used in pack ids` });
    values.push(value);
  }
  if (values.length !== RANDOM_SYMBOLS + 1) {
    return err({
      code: 'pack/invalid-id',
      message: `a pack id has ${RANDOM_SYMBOLS + 1} characters; this has ${values.length}`,
    });
  }
  if (luhnCheck(values.slice(0, RANDOM_SYMBOLS)) !== values[RANDOM_SYMBOLS]) {
    return err({
      code: 'pack/invalid-id',
      message: 'the pack id does not check: a character is wrong',
    });
  }
  return ok(format(values));
}
