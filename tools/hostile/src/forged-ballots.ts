/**
 * @module Hostile-input helper: ballots a cheating client could build with the real crypto, each
 * broken in exactly one way (docs/threat-model.md A1, A5, A13). The range proofs are made by the honest
 * prover told a lie about the plaintext, which is how a cheating booth would try: the proof is
 * well-formed and canonical, only its equations fail (built by the testkit's forge-ballot.ts, which
 * the verifier fixtures share). Every ballot is re-signed with the sender's key, so the refusal
 * under test is the one intended and not the signature.
 */
import { bytesToHex } from '@scrutineer/crypto';
import { resign, forgeBallot, type TestVoter } from '@scrutineer/testkit';
import type { EncryptionSetup } from '@scrutineer/protocol';
import type { Ballot, UnsignedBallot } from '@scrutineer/record';

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
  return forgeBallot(setup, {
    credentialHex: voter.credential,
    signingKey: voter.secretKey,
    contests: setup.manifest.contests.map((contest, c) => ({
      selections: contest.candidates.map((_, j) => {
        const vote = votes[c]?.[j] ?? 0n;
        return { vote, claim: clamp(vote, 0n, 1n) };
      }),
      totalClaim: clamp(
        (votes[c] ?? []).reduce((a, b) => a + b, 0n),
        BigInt(contest.minSelections),
        BigInt(contest.maxSelections)
      ),
    })),
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
