/**
 * @module Test helper: what a malicious or broken client might send. Each helper re-signs with the
 * sender's own credential key, so the refusal tested is the one intended (a proof, a copy, an
 * encoding), not the signature.
 */
import { type Group, hexToBytes } from '@scrutineer/crypto';
import { type EncryptedBallot, type EncryptionSetup, encryptBallot } from '@scrutineer/protocol';
import type { Ballot, UnsignedBallot } from '@scrutineer/record';
import { rerandomiseBallot, signUnsignedBallot } from './forge-ballot.ts';
import { nth } from './nth.ts';
import type { TestVoter } from './test-election.ts';

export function resign(setup: EncryptionSetup, voter: TestVoter, unsigned: UnsignedBallot): Ballot {
  return signUnsignedBallot(setup.group, setup.baseHash, voter.secretKey, unsigned);
}

export function voterKey(
  group: Group,
  voter: TestVoter
): { secretKey: bigint; publicKey: ReturnType<Group['decodePoint']> } {
  return { secretKey: voter.secretKey, publicKey: group.decodePoint(hexToBytes(voter.credential)) };
}

export function honestBallot(
  setup: EncryptionSetup,
  voter: TestVoter,
  choice = 0
): EncryptedBallot {
  return encryptBallot(
    setup,
    voterKey(setup.group, voter),
    setup.manifest.contests.map(() => [choice])
  );
}

/** Flips the low byte of the first selection's first response scalar (still canonical) and re-signs. */
export function withBadProof(setup: EncryptionSetup, voter: TestVoter, ballot: Ballot): Ballot {
  const proof = firstSelection(ballot).proof;
  const at = 2 * 96; // branch 0: a ‖ b ‖ c ‖ z, 32 bytes each; z starts at byte 96
  const flipped = ((parseInt(proof.slice(at, at + 2), 16) ^ 1) & 0xff)
    .toString(16)
    .padStart(2, '0');
  const tampered = proof.slice(0, at) + flipped + proof.slice(at + 2);
  return resign(setup, voter, replaceSelection(ballot, { proof: tampered }));
}

/** Another voter's ciphertexts and proofs under `voter`'s credential (attack A7). */
export function copiedUnder(setup: EncryptionSetup, voter: TestVoter, original: Ballot): Ballot {
  const { signature: _s, ...unsigned } = original;
  return resign(setup, voter, { ...unsigned, credential: voter.credential });
}

/** Re-randomised copy keeping the original's proofs (attack A8). */
export function rerandomisedUnder(
  setup: EncryptionSetup,
  voter: TestVoter,
  original: Ballot
): Ballot {
  const { contests } = rerandomiseBallot(setup, original);
  return resign(setup, voter, {
    election: original.election,
    credential: voter.credential,
    contests,
  });
}

/** The first ciphertext's α replaced by a non-canonical encoding (a field element ≥ p), re-signed. */
export function withNonCanonicalPoint(
  setup: EncryptionSetup,
  voter: TestVoter,
  ballot: Ballot
): Ballot {
  const ciphertext = firstSelection(ballot).ciphertext;
  return resign(
    setup,
    voter,
    replaceSelection(ballot, { ciphertext: 'ff'.repeat(32) + ciphertext.slice(64) })
  );
}

function replaceSelection(
  ballot: Ballot,
  change: Partial<Ballot['contests'][number]['selections'][number]>
): UnsignedBallot {
  const [first, ...rest] = ballot.contests;
  if (first === undefined) throw new Error('a ballot without contests');
  const [selection, ...others] = first.selections;
  if (selection === undefined) throw new Error('a contest without selections');
  return {
    election: ballot.election,
    credential: ballot.credential,
    contests: [{ ...first, selections: [{ ...selection, ...change }, ...others] }, ...rest],
  };
}

function firstSelection(ballot: Ballot): Ballot['contests'][number]['selections'][number] {
  return nth(nth(ballot.contests, 0).selections, 0);
}
