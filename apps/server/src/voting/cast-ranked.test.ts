/**
 * Ranked contests on the cast path (spec §9.4, §11.2): a ballot with an AV contest, an STV
 * contest and a yes/no question is accepted; the board checks every ranked entry's ranking proof
 * before it accepts, refusing a forged one with `ballot/invalid-ranking-proof` and a ranked
 * contest answered with 0/1 selections (or the other way round) as malformed, each without
 * changing the board; a Benaloh-audited ranked ballot opens to its ranking.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bytesToHex, hexToBytes } from '@scrutineer/crypto';
import { encryptBallot, openAuditedBallot } from '@scrutineer/protocol';
import type { Ballot } from '@scrutineer/record';
import { auditedBallotFault, auditedChoices } from '@scrutineer/verifier';
import {
  castBallotRequest,
  createTestElection,
  errorCode,
  forEachEngine,
  headHash,
  nth,
  resign,
  sessionFor,
  suiteServer,
  voterKey,
} from '@scrutineer/testkit';

const CONTESTS = [
  {
    id: 'leader',
    title: 'Leader',
    minSelections: 0,
    maxSelections: 3,
    candidates: ['Ada', 'Ben', 'Cai'],
    method: 'irv' as const,
  },
  {
    id: 'committee',
    title: 'Committee',
    minSelections: 0,
    maxSelections: 4,
    candidates: ['Dee', 'Eli', 'Fay', 'RON'],
    method: 'stv' as const,
    rules: 'ers97' as const,
    seats: 2,
  },
  {
    id: 'motion',
    title: 'Motion',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['Yes', 'No'],
  },
];

forEachEngine('ranked ballots on the cast path', (engine) => {
  const server = suiteServer(engine);

  it('accepts a mixed ballot, refuses a forged ranking proof and a wrong entry kind, unchanged', async () => {
    const election = await createTestElection(server().service, {
      voters: 2,
      contests: CONTESTS,
    });
    const [alice, bob] = [nth(election.voters, 0), nth(election.voters, 1)];
    const key = (v: typeof alice) => voterKey(election.setup.group, v);
    // 0-based, preference order: Cai > Ada; Fay > Dee > RON; Yes.
    const choices = [[2, 0], [2, 0, 3], [0]];
    const bobs = encryptBallot(election.setup, key(bob), choices);
    const bobToken = await sessionFor(server(), election, bob);

    const before = await headHash(server(), election.electionId);
    const forged = forgeRankingProof(bobs.ballot);
    const refused = await castBallotRequest(
      server(),
      election.electionId,
      bobToken,
      resign(election.setup, bob, forged)
    );
    assert.equal(errorCode(refused), 'ballot/invalid-ranking-proof');
    const kind = await castBallotRequest(
      server(),
      election.electionId,
      bobToken,
      resign(election.setup, bob, {
        ...bobs.ballot,
        contests: [nth(bobs.ballot.contests, 2), ...bobs.ballot.contests.slice(1)],
      })
    );
    assert.equal(errorCode(kind), 'ballot/malformed');
    assert.deepEqual(await headHash(server(), election.electionId), before);

    const accepted = await castBallotRequest(server(), election.electionId, bobToken, bobs.ballot);
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));

    // A blank ranking (nothing ranked) is a valid ranked entry too.
    const aliceToken = await sessionFor(server(), election, alice);
    const blank = encryptBallot(election.setup, key(alice), [[], [1], [1]]);
    assert.equal(
      (await castBallotRequest(server(), election.electionId, aliceToken, blank.ballot)).status,
      201
    );
  });

  it('a Benaloh-audited ranked ballot opens to its ranking, in preference order', async () => {
    const election = await createTestElection(server().service, { voters: 1, contests: CONTESTS });
    const voter = nth(election.voters, 0);
    const encrypted = encryptBallot(
      election.setup,
      voterKey(election.setup.group, voter),
      [[1, 2, 0], [3], [1]]
    );
    const audited = openAuditedBallot(encrypted);
    const context = { group: election.setup.group, electionKey: election.setup.electionKey };
    assert.equal(auditedBallotFault(context, audited), null);
    assert.deepEqual(
      auditedChoices(election.manifest, audited).map((c) => c.chosen),
      [['Ben', 'Cai', 'Ada'], ['RON'], ['No']]
    );
    // Claiming another ranking for the same ciphertexts fails the opening.
    const ranked = nth(audited.contests, 0).ranked;
    assert.ok(ranked);
    const lie = {
      ...audited,
      contests: [
        { ...nth(audited.contests, 0), ranked: { ...ranked, values: [2, 1, 3, 0] } },
        ...audited.contests.slice(1),
      ],
    };
    assert.notEqual(auditedBallotFault(context, lie), null);
  });
});

/** Flips the low byte of the ranking proof's last response scalar (still canonical). */
function forgeRankingProof(ballot: Ballot): Ballot {
  const first = nth(ballot.contests, 0);
  assert.ok(first.ranked);
  const proof = hexToBytes(first.ranked.proof);
  proof[proof.length - 32] = (proof[proof.length - 32] ?? 0) ^ 1;
  return {
    ...ballot,
    contests: [
      { ...first, ranked: { ...first.ranked, proof: bytesToHex(proof) } },
      ...ballot.contests.slice(1),
    ],
  };
}
