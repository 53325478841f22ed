/**
 * @module Hostile-input helper: ballots a cheating client could build with the real crypto, each
 * broken in exactly one way (threats guide A1, A5, A13). The range proofs are made by the honest
 * prover told a lie about the plaintext, which is how a cheating booth would try: the proof is
 * well-formed and canonical, only its equations fail. Every ballot is re-signed with the sender's
 * key, so the refusal under test is the one intended and not the signature.
 */
import {
  type Ciphertext,
  type Encryption,
  GROUP_ORDER,
  bytesToHex,
  encodeCiphertext,
  encodeRangeProof,
  encodeU64,
  hexToBytes,
  proveRange,
  randomScalar,
  sumCiphertexts,
  sumRandomness,
} from '@scrutineer/crypto';
import type { EncryptionSetup } from '@scrutineer/protocol';
import type { Ballot, UnsignedBallot } from '@scrutineer/record';
import { resign } from '../test-support/ballot-forgery.ts';
import type { TestVoter } from '../test-support/test-election.ts';

/**
 * (r·G, m·G + r·K) for any integer m, negative votes wrapping mod ℓ: the encryption a cheating
 * booth computes itself, since the library's `encrypt` refuses plaintexts outside [0, ℓ − 1).
 */
function cheatingEncryption(setup: EncryptionSetup, vote: bigint, randomness: bigint): Ciphertext {
  const { group, electionKey } = setup;
  const m = ((vote % GROUP_ORDER) + GROUP_ORDER) % GROUP_ORDER;
  const keyTerm = group.multiply(electionKey, randomness);
  return {
    alpha: group.multiplyBase(randomness),
    beta: m === 0n ? keyTerm : group.add(group.multiplyBase(m), keyTerm),
  };
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}

/**
 * A ballot whose plaintexts are `votes` (any integers, per contest and option), with every range
 * proof made by the honest prover for the nearest in-range value: a vote of 2 or −1 gets a
 * "proof" that it is 1 or 0 (A1/A5), and a contest total outside its limits gets a "proof" that
 * it is at the nearest limit (an over- or under-vote with valid 0/1 proofs).
 */
export function forgedBallot(
  setup: EncryptionSetup,
  voter: TestVoter,
  votes: readonly (readonly bigint[])[]
): Ballot {
  const { group, manifest, electionKey, baseHash } = setup;
  const credentialBytes = hexToBytes(voter.credential);
  const contests = manifest.contests.map((contest, c) => {
    const binding = [credentialBytes, encodeU64(c)];
    const encryptions: Encryption[] = [];
    const selections = contest.candidates.map((_, j) => {
      const vote = votes[c]?.[j] ?? 0n;
      const randomness = randomScalar();
      const encryption = {
        ciphertext: cheatingEncryption(setup, vote, randomness),
        randomness,
      };
      encryptions.push(encryption);
      const proof = proveRange(
        group,
        { baseHash, bindings: [...binding, encodeU64(j)] },
        electionKey,
        encryption,
        clamp(vote, 0n, 1n),
        { min: 0n, max: 1n }
      );
      return {
        ciphertext: bytesToHex(encodeCiphertext(group, encryption.ciphertext)),
        proof: bytesToHex(encodeRangeProof(group, proof)),
      };
    });
    const total: Encryption = {
      ciphertext: sumCiphertexts(
        group,
        encryptions.map((e) => e.ciphertext)
      ),
      randomness: sumRandomness(encryptions.map((e) => e.randomness)),
    };
    const sum = (votes[c] ?? []).reduce((a, b) => a + b, 0n);
    const range = { min: BigInt(contest.minSelections), max: BigInt(contest.maxSelections) };
    const totalProof = proveRange(
      group,
      { baseHash, bindings: binding },
      electionKey,
      total,
      clamp(sum, range.min, range.max),
      range
    );
    return { selections, totalProof: bytesToHex(encodeRangeProof(group, totalProof)) };
  });
  return resign(setup, voter, {
    election: manifest.electionId,
    credential: voter.credential,
    contests,
  });
}

/** The ballot without its signature, for re-signing after a change. */
export function unsigned(ballot: Ballot): UnsignedBallot {
  const { signature: _signature, ...rest } = ballot;
  return rest;
}

/** `ballot` with selection (contest, option) changed by `change`, re-signed by `voter`. */
export function withSelection(
  setup: EncryptionSetup,
  voter: TestVoter,
  ballot: Ballot,
  at: { readonly contest: number; readonly option: number },
  change: (
    selection: Ballot['contests'][number]['selections'][number]
  ) => Partial<Ballot['contests'][number]['selections'][number]>
): Ballot {
  return resign(setup, voter, {
    ...unsigned(ballot),
    contests: ballot.contests.map((contest, c) =>
      c !== at.contest
        ? contest
        : {
            ...contest,
            selections: contest.selections.map((selection, j) =>
              j === at.option ? { ...selection, ...change(selection) } : selection
            ),
          }
    ),
  });
}

/** `hex` with the 32-byte field at byte `offset` replaced by `bytes`. */
export function replaceBytes(hex: string, offset: number, bytes: Uint8Array): string {
  return hex.slice(0, 2 * offset) + bytesToHex(bytes) + hex.slice(2 * offset + 64);
}
