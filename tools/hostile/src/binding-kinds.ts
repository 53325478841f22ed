/**
 * @module Hostile ballots that are well made but bound to the wrong member or moment (threats
 * guide A7–A10, A19): proofs or ciphertexts copied from other members (as they are, re-signed,
 * spliced in or re-randomised), a ballot for a credential the sender is not signed in as or
 * signed with another key, and casting outside the voting window.
 */
import fc from 'fast-check';
import {
  GROUP_ORDER,
  addCiphertexts,
  bytesToHex,
  decodeCiphertext,
  deriveCredentialKey,
  encodeCiphertext,
  encryptWithRandomness,
  hexToBytes,
} from '@scrutineer/crypto';
import { resign, type TestVoter } from '@scrutineer/testkit';
import type { Ballot } from '@scrutineer/record';
import { unsigned, withSelection } from './forged-ballots.ts';
import { castBy, poolIndex, selectionAt, votingCode } from './hostile-arbitraries.ts';
import type { HostileFixture, SignedInElection } from './hostile-fixture.ts';
import { hostileKind } from './run-hostile.ts';

function signedAs(secretKey: bigint, credential: string): TestVoter {
  return { secretKey, credential } as TestVoter;
}

/**
 * Outside the voting window the ballot's contents do not matter: the window is checked before any
 * cryptography (cheap refusals), so a pool ballot with random bytes in one ciphertext will do.
 */
const outsideWindow = fc.record({
  i: fc.nat({ max: 1 }),
  at: selectionAt,
  bytes: fc.uint8Array({ minLength: 64, maxLength: 64 }),
});
function scrambled(
  signedIn: SignedInElection,
  v: { i: number; at: { contest: number; option: number }; bytes: Uint8Array }
): Ballot {
  const ballot = signedIn.ballots[v.i] as Ballot;
  return withSelection(signedIn.election.setup, signedIn.voter, ballot, v.at, () => ({
    ciphertext: bytesToHex(v.bytes),
  }));
}

export function bindingKinds(fixture: HostileFixture) {
  const { group } = fixture;
  const { election, voter: victim } = fixture.open;
  const setup = election.setup;
  const pool = (i: number) => fixture.open.ballots[i] as Ballot;

  return [
    hostileKind({
      name: 'proof-copied-from-another-credential',
      threat: 'A7',
      code: 'ballot/invalid-proof',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          j: poolIndex,
          take: fc.constantFrom<number[]>([0], [1], [0, 1]),
        }),
      request: (f, v) => {
        const theirs = f.bystander.ballots[v.j] as Ballot;
        const contests = pool(v.i).contests.map((own, c) =>
          v.take.includes(c) ? (theirs.contests[c] ?? own) : own
        );
        return castBy(f.open, resign(setup, victim, { ...unsigned(pool(v.i)), contests }));
      },
    }),
    hostileKind({
      name: 'ballot-for-another-credential',
      threat: 'A10',
      code: 'ballot/credential-mismatch',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          code: votingCode,
          published: fc.boolean(),
        }),
      request: (f, v) => {
        // An unpublished credential from a random code, or a published one the sender does not hold.
        const key = deriveCredentialKey(group, election.electionId, v.code);
        const signer = v.published
          ? f.bystander.voter
          : signedAs(key.secretKey, bytesToHex(group.encodePoint(key.publicKey)));
        return castBy(
          f.open,
          resign(setup, signer, { ...unsigned(pool(v.i)), credential: signer.credential })
        );
      },
    }),
    hostileKind({
      name: 'signature-by-another-key',
      threat: 'A10',
      code: 'ballot/invalid-signature',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          j: poolIndex,
          key: fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n }),
          how: fc.nat({ max: 2 }),
        }),
      request: (f, v) => {
        const ballot = pool(v.i);
        if (v.how === 0)
          return castBy(
            f.open,
            resign(setup, signedAs(v.key, victim.credential), unsigned(ballot))
          );
        if (v.how === 1)
          return castBy(
            f.open,
            resign(
              setup,
              signedAs(f.bystander.voter.secretKey, victim.credential),
              unsigned(ballot)
            )
          );
        // Another of the victim's own ballots' signature: valid, but over other bytes.
        const other = pool(v.i === v.j ? (v.j + 1) % 6 : v.j);
        return castBy(f.open, { ...ballot, signature: other.signature });
      },
    }),
    hostileKind({
      name: 'ciphertext-replayed',
      threat: 'A7, A9',
      code: 'ballot/ciphertext-reused',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          k: fc.nat({ max: 3 }),
          at: selectionAt,
          how: fc.nat({ max: 2 }),
        }),
      request: (f, v) => {
        const copied = f.cast[v.k] as Ballot;
        if (v.how === 0) return castBy(f.open, copied);
        if (v.how === 1)
          return castBy(
            f.open,
            resign(setup, victim, { ...unsigned(copied), credential: victim.credential })
          );
        const theirs = copied.contests[v.at.contest]?.selections[v.at.option];
        return castBy(
          f.open,
          withSelection(setup, victim, pool(v.i), v.at, () => ({ ...theirs }))
        );
      },
    }),
    hostileKind({
      name: 'ciphertext-rerandomised',
      threat: 'A8',
      code: 'ballot/proof-reused',
      arbitrary: () =>
        fc.record({
          k: fc.nat({ max: 3 }),
          r: fc.array(fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n }), {
            minLength: 6,
            maxLength: 6,
          }),
        }),
      request: (f, v) => {
        const copied = f.cast[v.k] as Ballot;
        let n = 0;
        const contests = copied.contests.map((contest) => ({
          ...contest,
          selections: contest.selections.map((s) => {
            const ciphertext = decodeCiphertext(group, hexToBytes(s.ciphertext), {
              allowIdentity: false,
            });
            const zero = encryptWithRandomness(group, setup.electionKey, 0n, v.r[n++] ?? 1n);
            return {
              ...s,
              ciphertext: bytesToHex(
                encodeCiphertext(group, addCiphertexts(group, ciphertext, zero))
              ),
            };
          }),
        }));
        return castBy(
          f.open,
          resign(setup, victim, { ...unsigned(copied), credential: victim.credential, contests })
        );
      },
    }),
    hostileKind({
      name: 'cast-before-open',
      threat: 'A19',
      code: 'election/not-open',
      arbitrary: () => outsideWindow,
      request: (f, v) => castBy(f.notOpen, scrambled(f.notOpen, v)),
    }),
    hostileKind({
      name: 'cast-after-close',
      threat: 'A19',
      code: 'election/closed',
      arbitrary: () => outsideWindow,
      request: (f, v) => castBy(f.closed, scrambled(f.closed, v)),
    }),
  ];
}
