/**
 * @module The stage for the hostile-input suite: one real server (PGlite or PostgreSQL) with three
 * real elections — open, not yet open, closed — set up by the officials' own code, voters signed
 * in properly, a pool of honest ballots to mutate, and ballots already on the board to copy. The
 * `victim` is the member whose credential every hostile ballot is sent under; it must still be
 * able to cast at the end. `snapshot` reads what a refusal must leave untouched (board heads of
 * every election, credential uses, failed-attempt counters, stored ballots).
 */
import assert from 'node:assert/strict';
import type { Group } from '@scrutineer/crypto';
import {
  type ContestSpec,
  honestBallot,
  nth,
  type TestElection,
  type TestVoter,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';
import type { Ballot } from '@scrutineer/record';
import { type Database, closeElection, type RunningServer } from '@scrutineer/server';
import { type Injected, inject, signInToken } from './inject.ts';

/** A contest of each kind: 1-of-3 (totals [1, 1]) and approval of up to 2 of 3 (totals [0, 2]). */
export const HOSTILE_CONTESTS: readonly ContestSpec[] = [
  {
    id: 'leader',
    title: 'Leader',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['A', 'B', 'C'],
  },
  {
    id: 'council',
    title: 'Council',
    minSelections: 0,
    maxSelections: 2,
    candidates: ['D', 'E', 'F'],
  },
];

/** An election the victim's counterpart is signed in to, with honest ballots ready. */
export interface SignedInElection {
  readonly election: TestElection;
  readonly voter: TestVoter;
  readonly token: string;
  readonly ballots: readonly Ballot[];
}

export interface HostileFixture {
  readonly server: RunningServer;
  readonly group: Group;
  /** The open election; `voter` is the victim. */
  readonly open: SignedInElection;
  /** A member of the open election who never casts, whose ballots get copied under the victim. */
  readonly bystander: { readonly voter: TestVoter; readonly ballots: readonly Ballot[] };
  /** Ballots other members cast, on the board. */
  readonly cast: readonly Ballot[];
  readonly notOpen: SignedInElection;
  readonly closed: SignedInElection;
  /** A trustee message already on the open election's board. */
  readonly trusteeMessage: { readonly type: string; readonly body: Record<string, unknown> };
}

const POOL = 6;

async function signedIn(
  server: RunningServer,
  election: TestElection,
  voter: TestVoter,
  pool: number
): Promise<SignedInElection> {
  const token = await signInToken(server.app, election, voter);
  const ballots = Array.from(
    { length: pool },
    (_, i) => honestBallot(election.setup, voter, i % 3).ballot
  );
  return { election, voter, token, ballots };
}

export async function createHostileFixture(database: Database): Promise<HostileFixture> {
  // Limits high enough that thousands of hostile requests from one address reach the checks under
  // test; the limits themselves are the guessing attack's subject (guessing-attack.ts).
  const server = await startTestServer(database, {
    requestsPerMinute: 1e9,
    signInPerMinute: 1e9,
    signInMonitor: { maxFailuresPerIpPerHour: 1e9, baselineFailuresPerHour: 1e9, alarmMultiple: 5 },
  });
  const service = server.service;
  const election = await createTestElection(service, { voters: 6, contests: HOSTILE_CONTESTS });
  const open = await signedIn(server, election, nth(election.voters, 0), POOL);
  const bystander = nth(election.voters, 1);
  const cast: Ballot[] = [];
  for (const voter of election.voters.slice(2)) {
    const ballot = honestBallot(election.setup, voter, cast.length % 3).ballot;
    const token = await signInToken(server.app, election, voter);
    const response = await inject(server.app, {
      method: 'POST',
      url: `/api/elections/${election.electionId}/ballots`,
      token,
      body: { ballot },
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    cast.push(ballot);
  }

  const now = service.clock().getTime();
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const later = await createTestElection(service, {
    voters: 1,
    contests: HOSTILE_CONTESTS,
    window: { opens: iso(now + 3_600_000), closes: iso(now + 7_200_000) },
  });
  const notOpen = await signedIn(server, later, nth(later.voters, 0), 2);
  const ended = await createTestElection(service, { voters: 1, contests: HOSTILE_CONTESTS });
  const closed = await signedIn(server, ended, nth(ended.voters, 0), 2);
  await closeElection(service, ended.electionId);

  const events = await inject(server.app, {
    method: 'GET',
    url: `/api/elections/${election.electionId}/events?from=0&limit=1000`,
  });
  const posted = (events.body as { events: { type: string; body: Record<string, unknown> }[] })
    .events;
  const commitments = posted.find((e) => e.type === 'trustee-commitments');
  assert.ok(commitments !== undefined, 'the ceremony posted commitments');

  return {
    server,
    group: service.group,
    open,
    bystander: {
      voter: bystander,
      ballots: Array.from(
        { length: POOL },
        (_, i) => honestBallot(election.setup, bystander, i % 3).ballot
      ),
    },
    cast,
    notOpen,
    closed,
    trusteeMessage: { type: commitments.type, body: commitments.body },
  };
}

/** What no refusal may change, as one comparable value. */
export async function snapshot(database: Database): Promise<string> {
  const heads = await database.query<{ election_id: string; size: string; head_hash: string }>(
    'SELECT election_id, size, head_hash FROM board_heads ORDER BY election_id'
  );
  const [uses] = await database.query<{ n: string }>('SELECT count(*) AS n FROM credential_uses');
  const [attempts] = await database.query<{ n: string | null }>(
    'SELECT sum(failed_attempts) AS n FROM credentials'
  );
  const [ballots] = await database.query<{ n: string }>('SELECT count(*) AS n FROM ballots');
  return JSON.stringify({
    heads: heads.map((h) => [h.election_id, String(h.size), h.head_hash]),
    credentialUses: String(uses?.n),
    failedAttempts: String(attempts?.n ?? 0),
    ballots: String(ballots?.n),
  });
}

export type { Injected };
