/**
 * @module Vectors for the record's hashes and signed statements: manifest hash, credential list
 * hash, base hash and fingerprint (spec §9.3), the Merkle log's roots and its inclusion and
 * consistency proofs (§10.2), and the checkpoint's signing input and signature (§10.3).
 */
import assert from 'node:assert/strict';
import {
  bytesToHex,
  decodeScalar,
  encodeScalar,
  encodeSignature,
  hexToBytes,
  nobleGroup,
  signWithNonce,
  utf8,
} from '@scrutineer/crypto';
import {
  CredentialListHasher,
  canonicalize,
  checkpointMessage,
  computeBaseHash,
  consistencyProof,
  electionFingerprint,
  hashLeaf,
  inclusionProof,
  merkleRoot,
  parseManifest,
  verifyConsistency,
  verifyInclusion,
  verifyStatement,
} from '@scrutineer/record';
import { manifestHash } from '@scrutineer/record';
import type { RecordVectorArea } from './area.ts';
import { recordVectorSource, seededStream } from './seeded.ts';

const SETUP_SEED = 'scrutineer/record-vectors/setup-hashes/v1';
const MERKLE_SEED = 'scrutineer/record-vectors/merkle/v1';
const CHECKPOINT_SEED = 'scrutineer/record-vectors/checkpoint/v1';

/** A small valid manifest whose keys come from the stream (its proofs are not checked here). */
export function vectorManifest(seed: string): Record<string, unknown> {
  const s = seededStream(seed);
  return {
    board: { publicKey: s.pointHex() },
    channels: { online: true, postal: true },
    contests: [
      {
        candidates: [
          { id: 'yes', name: 'Yes' },
          { id: 'no', name: 'No — ☃' },
        ],
        id: 'motion',
        maxSelections: 1,
        minSelections: 1,
        title: 'Adopt the motion?',
      },
    ],
    electionId: 'vectors-2026',
    format: 'scrutineer/v1',
    organisation: 'Vector Society',
    policy: 'first-ballot-final',
    roll: { count: 3, root: bytesToHex(s.bytes(32)) },
    securityQuestions: [{ id: 'dob', label: 'Date of birth' }],
    title: 'Test vectors',
    trustees: {
      members: [
        {
          index: 1,
          keyProof: bytesToHex(s.bytes(64)),
          name: 'Trustee one',
          publicKey: s.pointHex(),
        },
      ],
      threshold: 1,
    },
    window: { closes: '2026-03-08T09:00:00Z', opens: '2026-03-01T09:00:00Z' },
  };
}

export const setupHashesArea: RecordVectorArea = {
  file: 'setup-hashes.json',
  make: () => {
    const s = seededStream(`${SETUP_SEED}/keys`);
    const manifest = vectorManifest(SETUP_SEED);
    const parsed = parseManifest(manifest);
    assert.ok(parsed.ok);
    const mHash = manifestHash(parsed.value);
    const electionKey = s.pointHex();
    const cases = [0, 1, 3].map((n) => {
      const keys = Array.from({ length: n }, () => s.pointHex());
      const hasher = new CredentialListHasher();
      keys.forEach((k) => hasher.add(k));
      const listHash = hasher.digestHex();
      const baseHash = computeBaseHash({
        manifestHash: mHash,
        electionKey,
        credentialListHash: listHash,
        credentialCount: n,
      });
      return {
        name: `${n} credential${n === 1 ? '' : 's'}`,
        manifest,
        manifestCanonical: canonicalize(manifest),
        manifestHash: mHash,
        credentials: keys,
        credentialListHash: listHash,
        electionKey,
        baseHash,
        fingerprint: electionFingerprint(baseHash),
      };
    });
    return {
      source: recordVectorSource(SETUP_SEED, '§9.3'),
      description:
        'Spec §9.3. manifestHash = SHA-256(canonical bytes of manifest) (`manifestCanonical` is that text); credentialListHash = SHA-256(frame(utf8("scrutineer/v1/credential-list")) ‖ frame(C₁) ‖ … ‖ frame(C_N)); baseHash = SHA-256(frame(utf8("scrutineer/v1/base-hash")) ‖ frame(manifestHash) ‖ frame(utf8("ristretto255")) ‖ frame(K) ‖ frame(credentialListHash) ‖ frame(u64le(N))) (9.1); fingerprint = first 20 hex digits of baseHash in upper-case groups of 4. frame(x) = u32le(len(x)) ‖ x (§3.1). Keys are random points; they need not be anybody’s.',
      cases,
    };
  },
  check: (content) => {
    for (const c of content.cases) {
      assert.equal(canonicalize(c.manifest), c.manifestCanonical);
      const parsed = parseManifest(c.manifest);
      assert.ok(parsed.ok, 'the manifest is valid');
      assert.equal(manifestHash(parsed.value), c.manifestHash);
      const hasher = new CredentialListHasher();
      (c.credentials as string[]).forEach((k) => hasher.add(k));
      assert.equal(hasher.digestHex(), c.credentialListHash);
      const baseHash = computeBaseHash({
        manifestHash: c.manifestHash as string,
        electionKey: c.electionKey as string,
        credentialListHash: c.credentialListHash as string,
        credentialCount: (c.credentials as string[]).length,
      });
      assert.equal(baseHash, c.baseHash);
      assert.equal(electionFingerprint(baseHash), c.fingerprint);
    }
  },
};

const hex = (bytes: Uint8Array): string => bytesToHex(bytes);

export const merkleArea: RecordVectorArea = {
  file: 'merkle.json',
  make: () => {
    const s = seededStream(MERKLE_SEED);
    // Entries of varied length (0 … 40 bytes), as board lines would be.
    const entries = Array.from({ length: 11 }, (_, i) => hex(s.bytes((i * 7) % 41)));
    const leaves = entries.map((e) => hashLeaf(hexToBytes(e)));
    const root = (n: number): string => hex(merkleRoot(leaves.slice(0, n)));
    const cases: Record<string, unknown>[] = [
      {
        name: 'roots of every prefix',
        kind: 'roots',
        entries,
        roots: entries.map((_, i) => root(i + 1)),
        emptyRoot: root(0),
      },
    ];
    for (const [m, n] of [
      [0, 1],
      [0, 11],
      [4, 11],
      [5, 8],
      [7, 11],
      [10, 11],
      [6, 7],
    ] as const)
      cases.push({
        name: `inclusion of entry ${m} in the log of size ${n}`,
        kind: 'inclusion',
        index: m,
        size: n,
        leafHash: hex(leaves[m] as Uint8Array),
        root: root(n),
        proof: inclusionProof(leaves, m, n).map(hex),
      });
    for (const [m, n] of [
      [1, 11],
      [3, 7],
      [4, 8],
      [6, 11],
      [8, 11],
      [11, 11],
      [0, 5],
    ] as const)
      cases.push({
        name: `consistency from size ${m} to size ${n}`,
        kind: 'consistency',
        size1: m,
        size2: n,
        root1: root(m),
        root2: root(n),
        proof: consistencyProof(leaves, m, n).map(hex),
      });
    return {
      source: recordVectorSource(MERKLE_SEED, '§10.2'),
      description:
        'Spec §10.2 (RFC 9162 §2.1 with SHA-256). kind "roots": `entries` are the log entries (hex), `roots[i]` the root of the first i + 1, `emptyRoot` MTH({}). kind "inclusion": PATH(index, D[size]) nearest the leaf first, verifying to `root` from `leafHash` = SHA-256(0x00 ‖ entry) (§10.2.3). kind "consistency": PROOF(size1, D[size2]) verifying root1 → root2 (§10.2.4). Every proof MUST verify; the same proof with any hash changed MUST not.',
      cases,
    };
  },
  check: (content) => {
    const roots = content.cases[0] as { entries: string[]; roots: string[]; emptyRoot: string };
    const leaves = roots.entries.map((e) => hashLeaf(hexToBytes(e)));
    roots.roots.forEach((r, i) => assert.equal(hex(merkleRoot(leaves.slice(0, i + 1))), r));
    assert.equal(hex(merkleRoot([])), roots.emptyRoot);
    for (const c of content.cases.slice(1)) {
      const proof = (c.proof as string[]).map((p) => hexToBytes(p));
      if (c.kind === 'inclusion') {
        const { index, size, leafHash, root } = c as {
          index: number;
          size: number;
          leafHash: string;
          root: string;
        };
        assert.deepEqual(inclusionProof(leaves, index, size).map(hex), c.proof, c.name as string);
        assert.ok(verifyInclusion(hexToBytes(leafHash), index, size, proof, hexToBytes(root)));
      } else {
        const { size1, size2, root1, root2 } = c as {
          size1: number;
          size2: number;
          root1: string;
          root2: string;
        };
        assert.deepEqual(
          consistencyProof(leaves, size1, size2).map(hex),
          c.proof,
          c.name as string
        );
        assert.ok(verifyConsistency(size1, size2, hexToBytes(root1), hexToBytes(root2), proof));
      }
    }
  },
};

export const checkpointArea: RecordVectorArea = {
  file: 'checkpoint.json',
  make: () => {
    const s = seededStream(CHECKPOINT_SEED);
    const group = nobleGroup;
    const manifest = vectorManifest(CHECKPOINT_SEED);
    const secret = s.scalar();
    (manifest.board as { publicKey: string }).publicKey = bytesToHex(
      group.encodePoint(group.multiplyBase(secret))
    );
    const parsed = parseManifest(manifest);
    assert.ok(parsed.ok);
    const mHash = manifestHash(parsed.value);
    const cases = [1, 12, 9_007_199_254_740_991].map((size) => {
      const unsigned = { size, root: bytesToHex(s.bytes(32)), time: '2026-03-01T09:00:07Z' };
      const message = checkpointMessage(parsed.value.electionId, unsigned);
      const nonce = s.scalar();
      const signature = bytesToHex(
        encodeSignature(group, signWithNonce(group, hexToBytes(mHash), secret, message, nonce))
      );
      return {
        name: `checkpoint of size ${size}`,
        electionId: parsed.value.electionId,
        manifestHash: mHash,
        boardPublicKey: parsed.value.board.publicKey,
        boardSecretKey: bytesToHex(encodeScalar(secret)),
        checkpoint: { ...unsigned, signature },
        line: canonicalize({ ...unsigned, signature }),
        message: bytesToHex(message),
        nonce: bytesToHex(encodeScalar(nonce)),
      };
    });
    return {
      source: recordVectorSource(CHECKPOINT_SEED, '§10.3'),
      description:
        'Spec §10.3. message M = SHA-256(frame(utf8("scrutineer/v1/checkpoint")) ‖ frame(utf8(electionId)) ‖ frame(u64le(size)) ‖ frame(root) ‖ frame(utf8(time))) (10.2); `signature` is the §5.4 Schnorr signature A ‖ z under the board key with the manifest hash in the base-hash slot, made with the secret nonce `nonce` (A = nonce·G) so that it is reproducible; `line` is the checkpoint as a line of checkpoints.jsonl (without its LF).',
      cases,
    };
  },
  check: (content) => {
    const group = nobleGroup;
    for (const c of content.cases) {
      const cp = c.checkpoint as { size: number; root: string; time: string; signature: string };
      const { signature, ...unsigned } = cp;
      const message = checkpointMessage(c.electionId as string, unsigned);
      assert.equal(bytesToHex(message), c.message);
      assert.equal(canonicalize(cp), c.line);
      const key = group.decodePoint(hexToBytes(c.boardPublicKey as string));
      assert.ok(verifyStatement(group, c.manifestHash as string, key, message, signature));
      const secret = decodeScalar(hexToBytes(c.boardSecretKey as string));
      const again = signWithNonce(
        group,
        hexToBytes(c.manifestHash as string),
        secret,
        message,
        decodeScalar(hexToBytes(c.nonce as string))
      );
      assert.equal(bytesToHex(encodeSignature(group, again)), signature);
      assert.ok(
        !verifyStatement(group, c.manifestHash as string, key, utf8('another message'), signature)
      );
    }
  },
};
