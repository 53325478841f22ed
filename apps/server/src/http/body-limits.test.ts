import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { it } from 'node:test';
import type { RunningServer } from '../server.ts';
import {
  api,
  castHonestBallot,
  errorCode,
  receiptOf,
  sessionFor,
  honestBallot,
  nth,
  suiteServer,
  forEachEngine,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';
import { VOTER_BALLOT_BODY_LIMIT, ballotBodyBytes } from './body-limits.ts';

/**
 * Announces a `declared`-byte JSON body, sends only its first KiB, and waits (at most `waitMs`)
 * for an answer: a server that checks the caller before reading answers at once; one that reads
 * first waits for bytes that never come.
 */
function announceBigBody(
  server: RunningServer,
  path: string,
  declared: number,
  headers: Record<string, string> = {},
  waitMs = 3000
): Promise<{ status: number; body: unknown; connection?: string } | 'no answer'> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(declared),
        ...headers,
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      resolve('no answer');
    }, waitMs);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        clearTimeout(timer);
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(text) as unknown,
          ...(response.headers.connection === undefined
            ? {}
            : { connection: response.headers.connection }),
        });
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.write(`{"pad":"${'x'.repeat(1024)}`);
  });
}

const codeOf = (answer: { status: number; body: unknown } | 'no answer'): string | undefined =>
  answer === 'no answer'
    ? answer
    : errorCode({ status: answer.status, body: answer.body, headers: new Headers() });

forEachEngine('body limits and checks before the body', (engine) => {
  const server = suiteServer(engine);

  it('F8: officer, operator and audit-log routes refuse a caller without the key before reading the body', async () => {
    const election = await createTestElection(server().service, { voters: 1, open: false });
    const base = `/api/elections/${election.electionId}`;
    const eightMiB = 8 * 1024 * 1024 - 1;
    const refused = await announceBigBody(server(), `${base}/credentials`, eightMiB);
    assert.equal(codeOf(refused), 'auth/admin-required');
    // …and the connection is closed, so the rest of the body is not read and discarded either.
    assert.equal(refused !== 'no answer' && refused.connection, 'close');
    assert.equal(
      codeOf(
        await announceBigBody(server(), `${base}/credentials`, eightMiB, {
          authorization: 'Bearer not-the-key',
        })
      ),
      'auth/admin-required'
    );
    assert.equal(
      codeOf(await announceBigBody(server(), '/api/elections', eightMiB)),
      'auth/operator-required'
    );
    // A trustee is authenticated by the signature inside its body: an unknown election is
    // refused first, and a body beyond the largest trustee message is never read.
    assert.equal(
      codeOf(await announceBigBody(server(), '/api/elections/no-such/trustee-messages', 1_000_000)),
      'election/not-found'
    );
    assert.equal(
      codeOf(await announceBigBody(server(), `${base}/trustee-messages`, eightMiB)),
      'request/body-too-large'
    );
  });

  it('F8: a cast without a session, or a cast or audit longer than the largest ballot, is refused before its body is read', async () => {
    const election = await createTestElection(server().service, { voters: 1 });
    const voter = nth(election.voters, 0);
    const base = `/api/elections/${election.electionId}`;
    const big = VOTER_BALLOT_BODY_LIMIT - 1;
    assert.equal(
      codeOf(await announceBigBody(server(), `${base}/ballots`, big)),
      'auth/missing-token'
    );
    // An audit takes no session (spec §9.4); its size is capped as a ballot's is.
    assert.equal(
      codeOf(await announceBigBody(server(), `${base}/audits`, big + 2)),
      'request/body-too-large'
    );
    const token = await sessionFor(server(), election, voter);
    assert.equal(
      codeOf(
        await announceBigBody(server(), `${base}/ballots`, big + 2, {
          authorization: `Bearer ${token}`,
        })
      ),
      'request/body-too-large'
    );
  });

  it('F25: a ballot of two 50-candidate contests (over 64 KiB) is accepted', async () => {
    const candidates = Array.from({ length: 50 }, (_, k) => `Candidate ${k}`);
    const election = await createTestElection(server().service, {
      voters: 1,
      contests: ['a', 'b'].map((id) => ({
        id,
        title: id,
        minSelections: 0,
        maxSelections: 1,
        candidates,
      })),
    });
    const voter = nth(election.voters, 0);
    const ballot = honestBallot(election.setup, voter, 3).ballot;
    assert.ok(JSON.stringify({ ballot }).length > 64 * 1024);
    assert.ok(
      JSON.stringify({ ballot }).length <= ballotBodyBytes(election.setup.manifest.contests)
    );
    const token = await sessionFor(server(), election, voter);
    const cast = await castHonestBallot(server(), election, token, voter, 3);
    assert.equal(cast.status, 201, JSON.stringify(cast.body));
    receiptOf(cast);
  });

  it('F25: the voter limit is the largest ballot the manifest schema allows', () => {
    const largest = ballotBodyBytes(
      Array.from({ length: 20 }, () => ({ candidates: Array.from({ length: 50 }) }))
    );
    assert.equal(VOTER_BALLOT_BODY_LIMIT, largest);
    assert.ok(largest > 900_000 && largest < 2_000_000, String(largest));
  });
});

forEachEngine('officials’ key checks', (engine) => {
  it('F20: an address guessing the officer key is locked out after 10 wrong keys, and it raises warnings', async () => {
    const lines: string[] = [];
    const server = await startTestServer(await engine.freshDatabase(), {
      signInMonitor: {
        maxFailuresPerIpPerHour: 10,
        baselineFailuresPerHour: 1000,
        alarmMultiple: 5,
      },
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } },
    });
    try {
      const election = await createTestElection(server.service, { voters: 1, open: false });
      const path = `/api/elections/${election.electionId}/audit-log`;
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 12; i++)
        codes.push(errorCode(await api(server, 'GET', path, { token: `guess-${i}` })));
      assert.deepEqual(codes.slice(0, 10), Array<string>(10).fill('auth/admin-required'));
      assert.deepEqual(codes.slice(10), ['request/rate-limited', 'request/rate-limited']);
      // Even the right key is refused from that address for the hour: the guesser cannot tell.
      const right = await api(server, 'GET', path, { token: election.adminKey });
      assert.equal(errorCode(right), 'request/rate-limited');
      assert.equal(
        lines.filter((line) => line.includes('an official key check failed')).length,
        10
      );
      assert.ok(!lines.join('').includes('127.0.0.1'), 'no address in the log');
    } finally {
      await server.close();
    }
  });
});
