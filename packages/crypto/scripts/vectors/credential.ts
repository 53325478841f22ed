/**
 * @module Vector area `credential` (spec §6): voting codes, their 14-byte data packing (eq. 6.5),
 * the derived credential keys (eq. 6.6–6.7), and parser verdicts on typed text (§6.4.3).
 * Everything is generated through the public API from a fixed seed, so the file is reproducible
 * and an outside implementation can check its §6 code against it.
 */
import assert from 'node:assert/strict';
import {
  CROCKFORD_ALPHABET,
  type Group,
  type VotingCode,
  VOTING_CODE_DATA_BYTES,
  bytesToHex,
  deriveCredentialKey,
  deriveCredentialSecretKey,
  encodeVotingCodeData,
  formatVotingCode,
  nobleGroup,
  parseVotingCode,
  votingCodeFromData,
} from '../../src/index.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import {
  type SeededContent,
  type VectorArea,
  casesOf,
  pointHex,
  readScalar,
  scalarHex,
  seededArea,
} from './vector-file.ts';

const SEED = 'scrutineer/vectors/credential/v1';

/** One derivation: code → packing → (c, C). */
export interface CredentialKeyCase {
  readonly kind: 'key';
  readonly name: string;
  readonly electionId: string;
  /** The printed form, `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`. */
  readonly code: string;
  /** eq. (6.5): the 22 data symbols as a 14-byte big-endian integer. */
  readonly data: string;
  /** eq. (6.6): c, 32 bytes little-endian. */
  readonly secretKey: string;
  /** eq. (6.7): C = c·G, canonical encoding. */
  readonly publicKey: string;
}

/** One parser verdict (spec §6.4.3). */
export interface ParseCase {
  readonly kind: 'parse';
  readonly name: string;
  readonly input: string;
  readonly expected:
    | { readonly ok: true; readonly code: string }
    | {
        readonly ok: false;
        readonly error: string;
        readonly position?: number;
        readonly suggestion?: string;
      };
}

export type CredentialCase = CredentialKeyCase | ParseCase;

const ELECTION_IDS = [
  'scrutineer-test-2025',
  'leadership-election-2025',
  'élection-ünïcode-✓',
] as const;

function keyCase(name: string, electionId: string, code: VotingCode): CredentialKeyCase {
  const { secretKey, publicKey } = deriveCredentialKey(nobleGroup, electionId, code);
  return {
    kind: 'key',
    name,
    electionId,
    code: formatVotingCode(code),
    data: bytesToHex(encodeVotingCodeData(code)),
    secretKey: scalarHex(secretKey),
    publicKey: pointHex(nobleGroup, publicKey),
  };
}

function parseCase(name: string, input: string): ParseCase {
  const result = parseVotingCode(input);
  if (result.ok)
    return {
      kind: 'parse',
      name,
      input,
      expected: { ok: true, code: formatVotingCode(result.value) },
    };
  const { code, position, suggestion } = result.error;
  return {
    kind: 'parse',
    name,
    input,
    expected: {
      ok: false,
      error: code,
      ...(position === undefined ? {} : { position }),
      ...(suggestion === undefined ? {} : { suggestion }),
    },
  };
}

function makeCredentialVectors(random: SeededRandom): SeededContent<CredentialCase> {
  const zero = votingCodeFromData(new Uint8Array(VOTING_CODE_DATA_BYTES));
  const largest = votingCodeFromData(Uint8Array.from([0x3f, ...new Array<number>(13).fill(0xff)]));
  const randomCodes = Array.from({ length: 6 }, () => {
    const data = random.bytes(VOTING_CODE_DATA_BYTES);
    data[0] = (data[0] as number) & 0x3f; // spec §6.4.1: 110 bits
    return votingCodeFromData(data);
  });
  const [first] = randomCodes as [VotingCode];
  const keyCases = [
    keyCase('all-zero data', ELECTION_IDS[0], zero),
    keyCase('largest data', ELECTION_IDS[1], largest),
    ...randomCodes.map((code, i) =>
      keyCase(`random code ${i + 1}`, ELECTION_IDS[(i + 2) % 3] as string, code)
    ),
    keyCase('random code 1 under another election id', ELECTION_IDS[1], first),
  ];

  const formatted = formatVotingCode(first);
  const compact: string = first;
  /** `compact` with symbol `index` (0-based) replaced by the next symbol of the alphabet. */
  const substituted = (index: number): string => {
    const next = CROCKFORD_ALPHABET.charAt(
      (CROCKFORD_ALPHABET.indexOf(compact.charAt(index)) + 1) % 32
    );
    return compact.slice(0, index) + next + compact.slice(index + 1);
  };
  const swapAt = compact.search(/(.)(?!\1)./); // the first two differing neighbours
  const swapped =
    compact.slice(0, swapAt) +
    compact.charAt(swapAt + 1) +
    compact.charAt(swapAt) +
    compact.slice(swapAt + 2);
  const parseCases = [
    parseCase('printed form', formatted),
    parseCase('no separators', compact),
    parseCase('lower case', compact.toLowerCase()),
    parseCase('spaces for hyphens', formatted.replaceAll('-', ' ')),
    parseCase(
      'en dash, leading space, trailing no-break space',
      ` ${formatted.slice(0, 14)}\u2013${formatted.slice(15)}\u00a0`
    ),
    parseCase('I and l for 1', formatted.replace('1', 'I').replace('1', 'l')),
    parseCase('o for 0', formatVotingCode(zero).replaceAll('0', 'o')),
    parseCase('7th symbol wrong', substituted(6)),
    parseCase('last check symbol wrong', substituted(23)),
    parseCase('adjacent swap (misleading suggestion, spec §6.3)', swapped),
    parseCase('U is not a symbol', `${compact.slice(0, 9)}U${compact.slice(10)}`),
    parseCase('punctuation', formatted.replace(/.$/, '*')),
    parseCase('one symbol missing', formatted.slice(0, -1)),
    parseCase('one symbol extra', `${formatted}0`),
    parseCase('empty', ''),
  ];

  return {
    description:
      'Spec §6: voting codes (Crockford base32 + 2 Reed–Solomon check symbols over GF(32)). ' +
      'kind "key": data = the 22 data symbols as a 14-byte big-endian integer (eq. 6.5); ' +
      'secretKey c = LE(SHA-512(frame(utf8("scrutineer/v1/credential-key")) ‖ frame(utf8(electionId)) ‖ ' +
      'frame(data))) mod ℓ (eq. 6.6), 32-byte little-endian; publicKey C = c·G (eq. 6.7). ' +
      'kind "parse": the verdict of §6.4.3 on a typed input (position 1-based among the symbols; ' +
      'suggestion in printed form).',
    cases: [...keyCases, ...parseCases],
  };
}

function checkCredentialVectors(content: unknown, group: Group): void {
  for (const c of casesOf<CredentialCase>(content)) {
    const parsed = parseVotingCode(c.kind === 'key' ? c.code : c.input);
    if (c.kind === 'key') {
      assert.ok(parsed.ok, c.name);
      assert.equal(formatVotingCode(parsed.value), c.code, c.name);
      assert.equal(bytesToHex(encodeVotingCodeData(parsed.value)), c.data, c.name);
      assert.equal(
        scalarHex(deriveCredentialSecretKey(c.electionId, parsed.value)),
        c.secretKey,
        c.name
      );
      assert.equal(
        pointHex(group, group.multiplyBase(readScalar(c.secretKey))),
        c.publicKey,
        c.name
      );
    } else if (c.expected.ok) {
      assert.ok(parsed.ok, c.name);
      assert.equal(formatVotingCode(parsed.value), c.expected.code, c.name);
    } else {
      assert.ok(!parsed.ok, c.name);
      assert.equal(parsed.error.code, c.expected.error, c.name);
      assert.equal(parsed.error.position, c.expected.position, c.name);
      assert.equal(parsed.error.suggestion, c.expected.suggestion, c.name);
    }
  }
}

export const credentialVectors: VectorArea = seededArea({
  file: 'credential.json',
  seed: SEED,
  make: makeCredentialVectors,
  check: checkCredentialVectors,
});
