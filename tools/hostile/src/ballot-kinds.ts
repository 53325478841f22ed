/**
 * @module Hostile ballots that parse but whose encodings, proofs or shape are wrong (docs/threat-model.md
 * A1, A2, A5, A13, I1). Each starts from an honest ballot of the fixture's pool, breaks one thing,
 * and re-signs with the sender's key, so the refusal is the one intended and not the signature.
 */
import fc from 'fast-check';
import { GROUP_ORDER, hexToBytes } from '@scrutineer/crypto';
import { resign, nth } from '@scrutineer/testkit';
import { encryptBallot } from '@scrutineer/protocol';
import type { Ballot } from '@scrutineer/record';
import { forgedBallot, replaceBytes, unsigned } from './forged-ballots.ts';
import { P, bytes32, castBy, littleEndian, poolIndex, selectionAt } from './hostile-arbitraries.ts';
import type { HostileFixture } from './hostile-fixture.ts';
import { hostileKind } from './run-hostile.ts';

/** Where a 32-byte field of a selection lives: α, β, or a range-proof branch's a, b, c or z. */
type Slot = 'alpha' | 'beta' | 'a' | 'b' | 'c' | 'z';
function placeIn(
  ballot: Ballot,
  at: { contest: number; option: number },
  slot: Slot,
  branch: number,
  value: Uint8Array,
  total: boolean
): Ballot['contests'] {
  return ballot.contests.map((contest, c) => {
    if (c !== at.contest) return contest;
    const offset = (proof: string) =>
      (branch % (proof.length / 256)) * 128 + 'abcz'.indexOf(slot) * 32;
    if (total)
      return {
        ...contest,
        totalProof: replaceBytes(contest.totalProof ?? '', offset(contest.totalProof ?? ''), value),
      };
    return {
      ...contest,
      selections: contest.selections.map((s, j) => {
        if (j !== at.option) return s;
        if (slot === 'alpha' || slot === 'beta')
          return { ...s, ciphertext: replaceBytes(s.ciphertext, slot === 'alpha' ? 0 : 32, value) };
        return { ...s, proof: replaceBytes(s.proof, offset(s.proof), value) };
      }),
    };
  });
}

export function ballotKinds(fixture: HostileFixture) {
  const { group } = fixture;
  const { election, voter: victim } = fixture.open;
  const setup = election.setup;
  const decodes = (bytes: Uint8Array) => {
    try {
      group.decodePoint(bytes, { allowIdentity: true });
      return true;
    } catch {
      return false;
    }
  };
  const pool = (i: number) => fixture.open.ballots[i] as Ballot;

  return [
    hostileKind({
      name: 'point-not-canonical',
      threat: 'A13',
      code: 'ballot/not-canonical-point',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          at: selectionAt,
          slot: fc.constantFrom<Slot>('alpha', 'beta', 'a', 'b'),
          total: fc.boolean(),
          branch: fc.nat({ max: 2 }),
          bytes: fc
            .oneof(
              bytes32.map((b) => Uint8Array.from(b, (x, k) => (k === 31 ? x | 0x80 : x))),
              bytes32.map((b) => Uint8Array.from(b, (x, k) => (k === 0 ? x | 1 : x))),
              fc.nat({ max: 18 }).map((k) => littleEndian(P + BigInt(k))),
              bytes32
            )
            .filter((b) => !decodes(b)),
        }),
      request: (f, v) => {
        const slot = v.total && (v.slot === 'alpha' || v.slot === 'beta') ? 'a' : v.slot;
        const contests = placeIn(pool(v.i), v.at, slot, v.branch, v.bytes, v.total);
        return castBy(f.open, resign(setup, victim, { ...unsigned(pool(v.i)), contests }));
      },
    }),
    // Spec §2.5: only α must not be the identity; β may be (and then the proof fails).
    hostileKind({
      name: 'identity-ciphertext',
      threat: 'A13',
      code: 'ballot/identity-point',
      arbitrary: () =>
        fc.record({ i: poolIndex, at: selectionAt, slot: fc.constant<Slot>('alpha') }),
      request: (f, v) =>
        castBy(
          f.open,
          resign(setup, victim, {
            ...unsigned(pool(v.i)),
            contests: placeIn(pool(v.i), v.at, v.slot, 0, new Uint8Array(32), false),
          })
        ),
    }),
    hostileKind({
      name: 'scalar-not-canonical',
      threat: 'A13',
      code: 'ballot/not-canonical-scalar',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          at: selectionAt,
          slot: fc.constantFrom<Slot>('c', 'z'),
          total: fc.boolean(),
          branch: fc.nat({ max: 2 }),
          value: fc.bigInt({ min: GROUP_ORDER, max: 2n ** 256n - 1n }),
        }),
      request: (f, v) =>
        castBy(
          f.open,
          resign(setup, victim, {
            ...unsigned(pool(v.i)),
            contests: placeIn(pool(v.i), v.at, v.slot, v.branch, littleEndian(v.value), v.total),
          })
        ),
    }),
    hostileKind({
      name: 'proof-from-another-base-hash',
      threat: 'A2',
      code: 'ballot/invalid-proof',
      arbitrary: () =>
        fc.record({
          baseHash: bytes32,
          leader: fc.nat({ max: 2 }),
          council: fc.subarray([0, 1, 2], { maxLength: 2 }),
        }),
      request: (f, v) => {
        const foreign = encryptBallot(
          { ...setup, baseHash: v.baseHash },
          {
            secretKey: victim.secretKey,
            publicKey: group.decodePoint(hexToBytes(victim.credential)),
          },
          [[v.leader], v.council]
        ).ballot;
        // Signed for this election: only the proofs carry the foreign base hash.
        return castBy(f.open, resign(setup, victim, unsigned(foreign)));
      },
    }),
    hostileKind({
      name: 'vote-out-of-range-forged-proof',
      threat: 'A1, A5',
      code: 'ballot/invalid-proof',
      arbitrary: () =>
        fc.record({
          at: selectionAt,
          vote: fc.oneof(
            fc.bigInt({ min: 2n, max: 1000n }),
            fc.bigInt({ min: -1000n, max: -1n }),
            fc.constant(GROUP_ORDER - 1n)
          ),
        }),
      request: (f, v) => {
        const votes = [
          [1n, 0n, 0n],
          [0n, 0n, 0n],
        ];
        (votes[v.at.contest] as bigint[])[v.at.option] = v.vote;
        return castBy(f.open, forgedBallot(setup, victim, votes));
      },
    }),
    hostileKind({
      name: 'total-out-of-range-forged-proof',
      threat: 'A1, A5',
      code: 'ballot/invalid-total-proof',
      arbitrary: () =>
        fc.oneof(
          // Leader (exactly 1): none or several chosen; council (up to 2): all three.
          fc
            .subarray([0, 1, 2])
            .filter((s) => s.length !== 1)
            .map((s) => [[0, 1, 2].map((j) => (s.includes(j) ? 1n : 0n)), [0n, 0n, 0n]]),
          fc.nat({ max: 2 }).map((j) => [[0, 1, 2].map((k) => (k === j ? 1n : 0n)), [1n, 1n, 1n]])
        ),
      request: (f, votes) => castBy(f.open, forgedBallot(setup, victim, votes)),
    }),
    hostileKind({
      name: 'wrong-contest-count',
      threat: 'I1 missing/extra contest',
      code: 'ballot/malformed',
      arbitrary: () =>
        fc
          .record({ i: poolIndex, keep: fc.subarray([0, 1]), extra: fc.nat({ max: 18 }) })
          .filter((v) => v.keep.length + v.extra !== 2),
      request: (f, v) => {
        const own = pool(v.i).contests;
        const contests = [
          ...v.keep.map((c) => nth(own, c)),
          ...Array.from({ length: v.extra }, (_, k) => nth(own, k % 2)),
        ];
        return castBy(f.open, resign(setup, victim, { ...unsigned(pool(v.i)), contests }));
      },
    }),
    hostileKind({
      name: 'wrong-option-count',
      threat: 'A5',
      code: 'ballot/malformed',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          contest: fc.nat({ max: 1 }),
          count: fc.nat({ max: 50 }).filter((n) => n !== 3),
        }),
      request: (f, v) => {
        const ballot = pool(v.i);
        const contests = ballot.contests.map((contest, c) =>
          c !== v.contest
            ? contest
            : {
                ...contest,
                selections: Array.from({ length: v.count }, (_, j) =>
                  nth(contest.selections, j % 3)
                ),
              }
        );
        return castBy(f.open, resign(setup, victim, { ...unsigned(ballot), contests }));
      },
    }),
    hostileKind({
      name: 'wrong-election-id',
      threat: 'A2',
      code: 'ballot/wrong-election',
      arbitrary: () =>
        fc
          .oneof(
            fc.string({ unit: 'binary', maxLength: 64 }),
            // Look-alikes of the real id: Cyrillic е, a zero-width joiner, case, NFD-style marks.
            fc
              .constantFrom('е', '\u200d', '\u202e', 'E', 'é', ' ', '\u0000')
              .chain((c) =>
                fc
                  .nat({ max: election.electionId.length })
                  .map((at) => election.electionId.slice(0, at) + c + election.electionId.slice(at))
              ),
            fc.constant(fixture.closed.election.electionId)
          )
          .filter((s) => s.length <= 64 && s !== election.electionId),
      request: (f, id) =>
        castBy(f.open, resign(setup, victim, { ...unsigned(pool(0)), election: id })),
    }),
  ];
}
