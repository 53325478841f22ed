/**
 * @module Test helper: a small ranked election on a running server (RANKED_TEST_CONTESTS, three
 * trustees of whom two decrypt), its three members' mixed ballots cast over HTTP, before the close.
 */
import assert from 'node:assert/strict';
import { encryptBallot } from '@scrutineer/protocol';
import type { RunningServer } from '@scrutineer/server';
import { castBallotRequest, sessionFor } from './api-client.ts';
import { nth } from './nth.ts';
import { RANKED_TEST_CONTESTS } from './simulate-ranked.ts';
import { voterKey } from './ballot-forgery.ts';
import { type TestElection, createTestElection } from './test-election.ts';

/** The members' choices: 0-based, in preference order (leader, committee), and the motion's. */
export const RANKED_TEST_PLANS: readonly number[][][] = [
  [[2, 0], [2, 0, 3], [0]],
  [[0, 1], [1], [1]],
  [[2], [3, 2], [0]],
];

export async function castRankedTestElection(server: RunningServer): Promise<TestElection> {
  const election = await createTestElection(server.service, {
    voters: RANKED_TEST_PLANS.length,
    contests: RANKED_TEST_CONTESTS,
    trustees: 3,
    threshold: 2,
  });
  for (const [i, choices] of RANKED_TEST_PLANS.entries()) {
    const voter = nth(election.voters, i);
    const { ballot } = encryptBallot(
      election.setup,
      voterKey(election.setup.group, voter),
      choices
    );
    const token = await sessionFor(server, election, voter);
    const cast = await castBallotRequest(server, election.electionId, token, ballot);
    assert.equal(cast.status, 201, JSON.stringify(cast.body));
  }
  return election;
}
