import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatVotingCode } from '@scrutineer/crypto';
import {
  api,
  bodyAs,
  castHonestBallot,
  errorCode,
  receiptOf,
  sessionFor,
  signInVoter,
  textOf,
  nth,
  suiteServer,
  forEachEngine,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';
import { ERROR_CATALOGUE } from '../http-errors.ts';
import { signInResponse } from '@scrutineer/api-contract';
import { z } from 'zod';

forEachEngine('HTTP hygiene', (engine) => {
  const logLines: string[] = [];
  const server = suiteServer(engine, {
    logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
    signInMonitor: { maxFailuresPerIpPerHour: 4, baselineFailuresPerHour: 1, alarmMultiple: 2 },
  });

  it('shows no count per candidate anywhere before the result', async () => {
    const election = await createTestElection(server().service, { voters: 3 });
    for (const voter of election.voters) {
      const token = await sessionFor(server(), election, voter);
      assert.equal((await castHonestBallot(server(), election, token, voter)).status, 201);
    }
    const base = `/api/elections/${election.electionId}`;
    const answers = await Promise.all(
      [
        '',
        '/manifest',
        '/events?limit=1000',
        '/checkpoints',
        '/turnout',
        '/result',
        '/record/board.jsonl',
      ].map((path) => api(server(), 'GET', `${base}${path}`))
    );
    const text = answers
      .map((a) => (typeof a.body === 'string' ? a.body : JSON.stringify(a.body)))
      .join('\n');
    assert.ok(!/"(online|postal|total|counts)":\s*\[/.test(text));
    assert.ok(!text.includes('"election-result"') && !text.includes('"encrypted-tally"'));
    assert.deepEqual(nth(answers, 4).body, {
      online: 3,
      postal: 0,
      total: 3,
      eligible: 3,
      stage: 'open',
    });
    assert.equal(errorCode(nth(answers, 5)), 'election/no-result');
  });

  it('logs no code, answer, token, tracker or IP address, and raises the failed sign-in alarm', async () => {
    const election = await createTestElection(server().service, { voters: 2 });
    const [voter, other] = [nth(election.voters, 0), nth(election.voters, 1)];
    const signIn = await signInVoter(server(), election, voter);
    const { token } = bodyAs(signInResponse, signIn);
    const receipt = receiptOf(await castHonestBallot(server(), election, token, voter));
    await api(server(), 'GET', `/api/elections/${election.electionId}/trackers/${receipt.tracker}`);
    for (let i = 0; i < 3; i++)
      await signInVoter(server(), election, {
        ...other,
        answers: { dob: '1999-09-09', postcode: 'E1 6AN' },
      });
    const limited = await signInVoter(server(), election, other);
    assert.equal(limited.status, 200, 'three failures are under the per-IP limit of 4');
    await signInVoter(server(), election, {
      ...other,
      answers: { dob: '1999-09-09', postcode: 'E1 6AN' },
    });
    const blocked = await signInVoter(server(), election, other);
    assert.equal(blocked.status, 429);
    assert.equal(errorCode(blocked), 'request/rate-limited');

    const logs = logLines.filter((line) => !line.includes('Server listening at')).join('');
    assert.ok(logs.includes('"alarm":"sign-in-failures"'), 'the alarm fired');
    assert.ok(
      logs.includes('"route":"/api/elections/:electionId/ballots"'),
      'requests are logged by route'
    );
    const completed = logLines.filter((line) => line.includes('"msg":"request completed"'));
    assert.ok(completed.length >= 3, 'every request has its access line');
    assert.ok(!logs.includes('incoming request'), 'one line per request, not two');
    const secrets = [
      formatVotingCode(voter.code),
      voter.answers.dob,
      voter.answers.postcode,
      '1999-09-09',
      token,
      nth(token.split('.'), 2),
      receipt.tracker,
      receipt.signature,
      '127.0.0.1',
    ];
    for (const secret of secrets) assert.ok(!logs.includes(secret), `the logs contain ${secret}`);
    const metrics = textOf(await api(server(), 'GET', '/metrics'));
    assert.match(metrics, /scrutineer_sign_in_failures_total 4/);
    assert.match(metrics, /scrutineer_sign_in_alarms_total 1/);
    assert.match(metrics, /scrutineer_ballots_cast_total 4/);
  });

  it('sends security headers and catalogue errors everywhere', async () => {
    const missing = await api(server(), 'GET', '/nowhere');
    assert.deepEqual(missing.body, {
      error: { code: 'request/not-found', message: ERROR_CATALOGUE['request/not-found'][1] },
    });
    const unknown = await api(server(), 'GET', '/api/elections/no-such-election/manifest');
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown), 'election/not-found');
    const badId = await api(server(), 'GET', '/api/elections/NOT_AN_ID');
    assert.equal(errorCode(badId), 'request/invalid-parameter');
    for (const response of [missing, unknown]) {
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
  });

  it('describes every route in the OpenAPI document, generated from the schemas', async () => {
    const document = z
      .object({
        openapi: z.string(),
        paths: z.record(
          z.string(),
          z.record(z.string(), z.object({ requestBody: z.unknown().optional() }))
        ),
        'x-error-codes': z.record(z.string(), z.unknown()),
      })
      .parse((await api(server(), 'GET', '/api/openapi.json')).body);
    assert.equal(document.openapi, '3.1.0');
    const expected: readonly (readonly [string, string])[] = [
      ['post', '/api/elections/{electionId}/ballots'],
      ['post', '/api/elections/{electionId}/sign-in'],
      ['get', '/api/elections/{electionId}/proofs/inclusion'],
      ['post', '/api/elections/{electionId}/credentials'],
      ['post', '/api/elections/{electionId}/trustee-messages'],
      ['get', '/api/elections/{electionId}/record/board.jsonl'],
    ];
    for (const [method, path] of expected)
      assert.ok(document.paths[path]?.[method], `${method} ${path}`);
    const ballotBody = document.paths['/api/elections/{electionId}/ballots']?.['post']?.requestBody;
    const ballotSchema = z
      .object({
        content: z.object({
          'application/json': z.object({ schema: z.object({ additionalProperties: z.boolean() }) }),
        }),
      })
      .parse(ballotBody);
    assert.equal(ballotSchema.content['application/json'].schema.additionalProperties, false);
    assert.deepEqual(
      Object.keys(document['x-error-codes']).sort(),
      Object.keys(ERROR_CATALOGUE).sort()
    );
  });
});

it('refuses with request/rate-limited past the per-IP request limit', async () => {
  const { TEST_ENGINES, cleanUpTestDatabases } = await import('@scrutineer/testkit');
  const database = await nth(TEST_ENGINES, 0).freshDatabase();
  const server = await startTestServer(database, { requestsPerMinute: 5 });
  try {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await api(server, 'GET', '/api/health'));
    assert.deepEqual(
      statuses.slice(0, 5).map((r) => r.status),
      [200, 200, 200, 200, 200]
    );
    const limited = nth(statuses, 5);
    assert.equal(limited.status, 429);
    assert.equal(errorCode(limited), 'request/rate-limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  } finally {
    await server.close();
    await cleanUpTestDatabases();
  }
});
