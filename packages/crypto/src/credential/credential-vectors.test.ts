import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sha512 } from '@noble/hashes/sha2.js';
import { ristretto255 } from '@noble/curves/ed25519.js';
import {
  credentialVectors,
  type CredentialCase,
  type CredentialKeyCase,
} from '../../scripts/vectors/credential.ts';
import { encodeVotingCodeData, formatVotingCode, parseVotingCode } from './voting-code.ts';
import { bytesToHex, concatBytes, encodeU32, hexToBytes, utf8 } from '../bytes.ts';
import { GROUP_ORDER, bytesToNumberLE, encodeScalar } from '../scalar.ts';
import { nobleGroup } from '../backends/noble.ts';

const vectors = credentialVectors.make() as { cases: readonly CredentialCase[] };
const keyCases = vectors.cases.filter((c): c is CredentialKeyCase => c.kind === 'key');
const committedFile = new URL(`../../vectors/${credentialVectors.file}`, import.meta.url);

test('the vector area is deterministic and covers keys and every parse verdict', () => {
  assert.deepEqual(credentialVectors.make(), vectors);
  assert.ok(keyCases.length >= 8);
  const verdicts = new Set(
    vectors.cases.flatMap((c) =>
      c.kind === 'parse' ? [c.expected.ok ? 'ok' : c.expected.error] : []
    )
  );
  assert.deepEqual([...verdicts].sort(), [
    'credential/check-failed',
    'credential/invalid-character',
    'credential/wrong-length',
    'ok',
  ]);
});

test('pinned vectors: an accidental change to packing, hashing or the seed fails here', () => {
  const pick = (name: string): object | undefined => {
    const found = keyCases.find((c) => c.name === name);
    return found && { ...found, kind: undefined, name: undefined };
  };
  assert.deepEqual(pick('all-zero data'), {
    kind: undefined,
    name: undefined,
    electionId: 'scrutineer-test-2025',
    code: '0000-0000-0000-0000-0000-0000',
    data: '0000000000000000000000000000',
    secretKey: 'e75f4ba605596da3a0b9b2addbd8921e6b1e083299db0291ac2a2bcbbbb91b08',
    publicKey: '9eae6ee5e82e46931f8df2bfb5846ec0caa6759435fd3fcb37f2fee86fa3b72d',
  });
  assert.deepEqual(pick('random code 1'), {
    kind: undefined,
    name: undefined,
    electionId: 'élection-ünïcode-✓',
    code: '316Y-HWSS-WCTK-84E1-CGGR-G0KP',
    data: '06137a3cce78cd4d047059086200',
    secretKey: '57ad2425048b21ec2b9eabcc9c18aa34d155905e7bfc20f11a69f9da2b12e907',
    publicKey: '1c4a9d554d95de40b4a9fba42368226ba780fdb564db7104b8d15c7686710109',
  });
});

test('the area check accepts its own output and rejects a tampered case', () => {
  credentialVectors.check?.(vectors, nobleGroup);
  const tampered = (edit: (c: CredentialKeyCase) => CredentialKeyCase) => ({
    cases: [edit(keyCases[2] as CredentialKeyCase)],
  });
  const flip = (hex: string): string => (hex.startsWith('0') ? '1' : '0') + hex.slice(1);
  for (const edit of [
    (c: CredentialKeyCase) => ({ ...c, electionId: `${c.electionId}x` }),
    (c: CredentialKeyCase) => ({ ...c, data: flip(c.data) }),
    (c: CredentialKeyCase) => ({
      ...c,
      publicKey: (keyCases[3] as CredentialKeyCase).publicKey,
    }),
  ]) {
    assert.throws(() => credentialVectors.check?.(tampered(edit), nobleGroup));
  }
  const wrongSymbol = vectors.cases.find(
    (c) => c.kind === 'parse' && c.name === '7th symbol wrong'
  );
  assert.ok(wrongSymbol?.kind === 'parse' && !wrongSymbol.expected.ok);
  const moved = { ...wrongSymbol, expected: { ...wrongSymbol.expected, position: 8 } };
  assert.throws(() => credentialVectors.check?.({ cases: [moved] }, nobleGroup));
});

test('every key case reproduces: parse → packing → eq. (6.6) by hand → C = c·G by noble', () => {
  for (const vector of keyCases) {
    const parsed = parseVotingCode(vector.code);
    assert.ok(parsed.ok);
    assert.equal(formatVotingCode(parsed.value), vector.code);
    const data = encodeVotingCodeData(parsed.value);
    assert.equal(bytesToHex(data), vector.data);
    const frame = (part: Uint8Array): Uint8Array => concatBytes(encodeU32(part.length), part);
    const digest = sha512(
      concatBytes(
        frame(utf8('scrutineer/v1/credential-key')),
        frame(utf8(vector.electionId)),
        frame(data)
      )
    );
    const secretKey = bytesToNumberLE(digest) % GROUP_ORDER;
    assert.equal(bytesToHex(encodeScalar(secretKey)), vector.secretKey);
    const publicKey = ristretto255.Point.BASE.multiply(
      bytesToNumberLE(hexToBytes(vector.secretKey))
    );
    assert.equal(bytesToHex(publicKey.toBytes()), vector.publicKey);
  }
});

test('the committed vector file, once generated, matches the generator', (t) => {
  if (!existsSync(committedFile)) {
    t.skip(`packages/crypto/vectors/${credentialVectors.file} not generated yet (npm run vectors)`);
    return;
  }
  const committed: unknown = JSON.parse(readFileSync(committedFile, 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(vectors)));
  credentialVectors.check?.(committed, nobleGroup);
});
