/**
 * @module The voting code printed in a member's ballot pack (spec §6.4): 110 bits from the CSPRNG
 * as 22 Crockford base32 data symbols, then 2 Reed–Solomon check symbols (spec §6.3), printed as
 * six groups of four, `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`. Parsing is forgiving (case, look-alikes,
 * spaces, hyphens) and answers a typo with the position of the wrong symbol and the likely fix.
 */
import { randomBytes } from '../random.ts';
import { computeCheckSymbols, diagnoseCheckSymbols } from './check-symbols.ts';
import { CredentialError } from './credential-error.ts';
import {
  CROCKFORD_ALPHABET,
  decodeCrockfordCharacter,
  encodeCrockfordSymbol,
  isCodeSeparator,
} from './crockford-base32.ts';

/** Bits of CSPRNG output a voting code carries (spec §6.4). */
export const votingCodeEntropyBits = 110;
/** Data symbols: 22 × 5 bits = 110 bits. */
export const VOTING_CODE_DATA_SYMBOLS = 22;
/** Data symbols plus the 2 check symbols. */
export const VOTING_CODE_SYMBOLS = 24;
/** Spec §6.4 eq. (6.5): the 110 data bits as a 14-byte big-endian integer, top 2 bits zero. */
export const VOTING_CODE_DATA_BYTES = 14;
/** Symbols per printed group. */
const GROUP_SYMBOLS = 4;
/** Bits above the 110 data bits in the 14-byte packing; they are always zero. */
const PADDING_BITS = 8 * VOTING_CODE_DATA_BYTES - 5 * VOTING_CODE_DATA_SYMBOLS;

declare const votingCodeBrand: unique symbol;
/**
 * A valid voting code: its 24 symbols as canonical upper-case characters, without separators.
 * Only this module makes one, so a `VotingCode` always passes its check symbols.
 */
export type VotingCode = string & { readonly [votingCodeBrand]: true };

/** Why a typed code was refused (spec §6.4.3). */
export interface VotingCodeError {
  readonly code:
    'credential/wrong-length' | 'credential/invalid-character' | 'credential/check-failed';
  /** English text for logs and tests; the booth words its own message from the fields. */
  readonly message: string;
  /** 1-based position among the symbols (separators not counted) of the character at fault. */
  readonly position?: number;
  /** The formatted code with the one symbol at `position` replaced, when one symbol explains it. */
  readonly suggestion?: string;
}

export type ParseVotingCodeResult =
  | { readonly ok: true; readonly value: VotingCode }
  | { readonly ok: false; readonly error: VotingCodeError };

function codeFromSymbols(symbols: readonly number[]): VotingCode {
  return symbols.map(encodeCrockfordSymbol).join('') as VotingCode;
}

/** The 24 symbol values of a code; throws if the string is not a valid code (a forged cast). */
function symbolsOf(code: VotingCode): number[] {
  const symbols: number[] = [];
  for (const character of code) {
    const index = CROCKFORD_ALPHABET.indexOf(character);
    if (index < 0) {
      throw new CredentialError('credential/invalid-code', 'not a canonical voting code');
    }
    symbols.push(index);
  }
  if (symbols.length !== VOTING_CODE_SYMBOLS || diagnoseCheckSymbols(symbols).status !== 'valid') {
    throw new CredentialError('credential/invalid-code', 'not a valid voting code');
  }
  return symbols;
}

/** Appends the check symbols to 22 data symbols (spec §6.3). */
function codeFromDataSymbols(data: readonly number[]): VotingCode {
  return codeFromSymbols([...data, ...computeCheckSymbols(data)]);
}

/**
 * Spec §6.4 eq. (6.5): the code whose data symbols are the base-32 digits, most significant
 * first, of the 110-bit big-endian integer in `data`.
 * @throws {CredentialError} unless `data` is 14 bytes with its top 2 bits zero.
 */
export function votingCodeFromData(data: Uint8Array): VotingCode {
  if (data.length !== VOTING_CODE_DATA_BYTES) {
    throw new CredentialError(
      'credential/wrong-length',
      `voting code data is ${VOTING_CODE_DATA_BYTES} bytes, got ${data.length}`
    );
  }
  if ((data[0] as number) >> (8 - PADDING_BITS) !== 0) {
    throw new CredentialError(
      'credential/non-canonical-data',
      'the top 2 bits of the data must be 0'
    );
  }
  const symbols: number[] = [];
  for (let i = 0; i < VOTING_CODE_DATA_SYMBOLS; i++) {
    // Symbol i occupies bits [offset, offset + 5) counted from the most significant bit.
    const offset = PADDING_BITS + 5 * i;
    const byteIndex = offset >> 3;
    const window = ((data[byteIndex] as number) << 8) | (data[byteIndex + 1] ?? 0);
    symbols.push((window >> (11 - (offset & 7))) & 31);
  }
  return codeFromDataSymbols(symbols);
}

/** Spec §6.4 eq. (6.5): the 14-byte packing of a code's 22 data symbols (inverse of the above). */
export function encodeVotingCodeData(code: VotingCode): Uint8Array {
  const symbols = symbolsOf(code);
  const data = new Uint8Array(VOTING_CODE_DATA_BYTES);
  for (let i = 0; i < VOTING_CODE_DATA_SYMBOLS; i++) {
    const offset = PADDING_BITS + 5 * i;
    const byteIndex = offset >> 3;
    const shifted = (symbols[i] as number) << (11 - (offset & 7));
    data[byteIndex] = (data[byteIndex] as number) | (shifted >> 8);
    if (byteIndex + 1 < data.length)
      data[byteIndex + 1] = (data[byteIndex + 1] as number) | (shifted & 0xff);
  }
  return data;
}

/** A fresh voting code: 110 bits from the platform CSPRNG (spec §1.4, §6.4). */
export function generateVotingCode(): VotingCode {
  const data = randomBytes(VOTING_CODE_DATA_BYTES);
  data[0] = (data[0] as number) & (0xff >> PADDING_BITS);
  return votingCodeFromData(data);
}

/** Spec §6.4.2: the printed form, six groups of four symbols joined by hyphens. */
export function formatVotingCode(code: VotingCode): string {
  symbolsOf(code);
  const groups: string[] = [];
  for (let i = 0; i < VOTING_CODE_SYMBOLS; i += GROUP_SYMBOLS)
    groups.push(code.slice(i, i + GROUP_SYMBOLS));
  return groups.join('-');
}

/** English ordinal for messages: 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st. */
function ordinal(n: number): string {
  const suffixes: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (suffixes[n % 10] ?? 'th')}`;
}

/**
 * Spec §6.4.3: reads a typed or scanned code. Separators are skipped, case is ignored, I and L
 * read as 1 and O as 0. A refusal says which symbol is at fault when it can, and suggests the
 * corrected code when exactly one wrong symbol explains the check failure.
 */
export function parseVotingCode(text: string): ParseVotingCodeResult {
  const symbols: number[] = [];
  for (const character of text) {
    if (isCodeSeparator(character)) continue;
    const value = decodeCrockfordCharacter(character);
    if (value === undefined) {
      const position = symbols.length + 1;
      return {
        ok: false,
        error: {
          code: 'credential/invalid-character',
          message: `the ${ordinal(position)} character, "${character}", is not used in voting codes`,
          position,
        },
      };
    }
    symbols.push(value);
  }
  if (symbols.length !== VOTING_CODE_SYMBOLS) {
    return {
      ok: false,
      error: {
        code: 'credential/wrong-length',
        message: `a voting code has ${VOTING_CODE_SYMBOLS} characters; this has ${symbols.length}`,
      },
    };
  }
  const diagnosis = diagnoseCheckSymbols(symbols);
  switch (diagnosis.status) {
    case 'valid':
      return { ok: true, value: codeFromSymbols(symbols) };
    case 'correctable': {
      const corrected = [...symbols];
      corrected[diagnosis.index] = diagnosis.correctedValue;
      const position = diagnosis.index + 1;
      const expected = encodeCrockfordSymbol(diagnosis.correctedValue);
      return {
        ok: false,
        error: {
          code: 'credential/check-failed',
          message: `the ${ordinal(position)} character looks wrong; did you mean ${expected}?`,
          position,
          suggestion: formatVotingCode(codeFromSymbols(corrected)),
        },
      };
    }
    case 'uncorrectable':
      return {
        ok: false,
        error: {
          code: 'credential/check-failed',
          message: 'this is not a valid voting code; please check every character',
        },
      };
  }
}
