/**
 * Who may call what, across the whole endpoint table of @scrutineer/api-contract: every endpoint
 * that is not public refuses an anonymous caller, every officer endpoint refuses a trustee's key
 * and a voter's session, every trustee endpoint refuses the officer's key, every mix server's
 * endpoint refuses the officer's key and a body whose signature is not the mix server's, and so on. The cases
 * are read off the table, so a new endpoint is covered as soon as it is added; nothing refused
 * reaches the board.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AUDIENCE_ERRORS,
  type Audience,
  type Endpoint,
  endpointList,
  endpointPath,
} from '@scrutineer/api-contract';
import type { RunningServer } from '../server.ts';
import {
  api,
  errorCode,
  sessionFor,
  nth,
  cleanUpTestDatabases,
  postgresEngine,
  OPERATOR_KEY,
  type TestElection,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';

describe('every endpoint refuses callers outside its audience', () => {
  let server: RunningServer;
  let election: TestElection;
  /** What each kind of caller holds: a bearer token, or nothing. */
  let holds: Record<'anonymous' | 'voter' | 'officer' | 'trustee' | 'operator', string | undefined>;
  /** A trustee message of the right shape whose signature is not the trustee's. */
  let forgedTrusteeMessage: Record<string, unknown>;

  before(async () => {
    server = await startTestServer(await postgresEngine().freshDatabase(), {
      metricsToken: 'metrics-token-for-tests',
    });
    election = await createTestElection(server.service, { voters: 1 });
    const trustee = nth(election.trusteeKeys, 0);
    holds = {
      anonymous: undefined,
      voter: await sessionFor(server, election, nth(election.voters, 0)),
      officer: election.adminKey,
      // A trustee holds no bearer key: the closest it has is its ceremony secret.
      trustee: trustee.secretKey.toString(16).padStart(64, '0'),
      operator: OPERATOR_KEY,
    };
    const page = await api(server, 'GET', `/api/elections/${election.electionId}/events`);
    const events = (page.body as { events: { type: string; body: Record<string, unknown> }[] })
      .events;
    const commitments = events.find((e) => e.type === 'trustee-commitments');
    assert.ok(commitments !== undefined);
    forgedTrusteeMessage = {
      type: 'trustee-commitments',
      body: { ...commitments.body, signature: '11'.repeat(64) },
    };
  });
  after(async () => {
    await server.close();
    await cleanUpTestDatabases();
  });

  /** Sample path values; a new path parameter needs one here (the test says so). */
  function pathOf(spec: Endpoint): string {
    const samples: Record<string, string> = {
      electionId: election.electionId,
      position: '0',
      tracker: '00'.repeat(32),
    };
    const params: Record<string, string> = {};
    for (const name of Object.keys(spec.params?.shape ?? {})) {
      const value = samples[name];
      assert.ok(value !== undefined, `${spec.path}: add a sample value for :${name}`);
      params[name] = value;
    }
    return endpointPath(spec, params);
  }

  /** A mix part of the right shape whose signature is no mix server's. */
  const forgedMixPart = {
    contest: 0,
    mixer: 1,
    part: 0,
    parts: 1,
    inputHash: '00'.repeat(32),
    outputs: [],
    proof: '',
    signature: '11'.repeat(64),
  };
  /** Each mix server's endpoint's body, signed by nobody (refused before anything else). */
  const FORGED_MIXER_BODIES: Record<string, unknown> = {
    '/api/elections/:electionId/ranked/mixer/mixes': { parts: [forgedMixPart] },
    '/api/elections/:electionId/ranked/mixer/staging/parts': {
      body: forgedMixPart,
      signature: '11'.repeat(64),
    },
    '/api/elections/:electionId/ranked/mixer/staging/commit': {
      step: 'mix/0/1',
      digest: '00'.repeat(32),
      signature: '11'.repeat(64),
    },
    '/api/elections/:electionId/ranked/mixer/staging/discard': {
      step: 'mix/0/1',
      signature: '11'.repeat(64),
    },
  };

  /** Calls `spec` holding `token`; the body, if any, is what the gate must refuse unread. */
  async function callAs(spec: Endpoint, token: string | undefined) {
    const body =
      spec.audience === 'trustee'
        ? forgedTrusteeMessage
        : spec.audience === 'mixer'
          ? FORGED_MIXER_BODIES[spec.path]
          : {};
    assert.ok(body !== undefined, `${spec.path}: add a forged mixer body`);
    return api(server, spec.method, pathOf(spec), {
      ...(token === undefined ? {} : { token }),
      ...(spec.method === 'POST' ? { body } : {}),
    });
  }

  /** Who, beyond the anonymous caller, must be refused by each audience. */
  const OUTSIDERS: Record<Audience, readonly (keyof typeof holds)[]> = {
    public: [],
    voter: ['officer', 'trustee', 'operator'],
    officer: ['trustee', 'voter', 'operator'],
    trustee: ['officer', 'voter', 'operator'],
    // A mix server holds no bearer key: the officer's key, or any other, does not stand for it.
    mixer: ['officer', 'trustee', 'voter', 'operator'],
    operator: ['officer', 'trustee', 'voter'],
    metrics: ['officer', 'voter', 'operator'],
  };

  it('refuses, before anything is recorded, every caller outside each endpoint’s audience', async () => {
    const sizeBefore = (await server.service.database.query('SELECT count(*) AS n FROM events'))[0];
    const audiences = new Set<Audience>();
    let refusals = 0;
    for (const [name, spec] of endpointList()) {
      if (spec.audience === 'public') continue;
      audiences.add(spec.audience);
      for (const caller of ['anonymous', ...OUTSIDERS[spec.audience]] as const) {
        const response = await callAs(spec, holds[caller]);
        const code = errorCode(response);
        assert.ok(
          code !== undefined && AUDIENCE_ERRORS[spec.audience].includes(code as never),
          `${name} (${spec.audience}) let the ${caller} through: ${response.status} ${code ?? ''}`
        );
        // A mix server's signature is refused as on the officer's routes (V10.6's 400).
        const expected = spec.audience === 'mixer' ? [400] : [401, 403];
        assert.ok(expected.includes(response.status), `${name}: ${response.status}`);
        refusals++;
      }
    }
    // The table has endpoints of every audience (else this test would prove less than it says).
    assert.deepEqual([...audiences].sort(), [
      'metrics',
      'mixer',
      'officer',
      'operator',
      'trustee',
      'voter',
    ]);
    assert.ok(refusals >= 60, `${refusals} refusals`);
    const sizeAfter = (await server.service.database.query('SELECT count(*) AS n FROM events'))[0];
    assert.deepEqual(sizeAfter, sizeBefore, 'a refused call changed the board');
  });

  it('lets each audience through its own gate', async () => {
    const officerOnly = endpointList().find(([name]) => name === 'auditLog')?.[1];
    const voterOnly = endpointList().find(([name]) => name === 'me')?.[1];
    assert.ok(officerOnly !== undefined && voterOnly !== undefined);
    assert.equal((await callAs(officerOnly, holds.officer)).status, 200);
    assert.equal((await callAs(voterOnly, holds.voter)).status, 200);
  });
});
