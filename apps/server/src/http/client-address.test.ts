import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { signSignIn } from '@scrutineer/record';
import type { RunningServer } from '../server.ts';
import {
  bodyAs,
  errorCode,
  nth,
  cleanUpTestDatabases,
  forEachEngine,
  postgresEngine,
  reopen,
  type TestElection,
  type TestVoter,
  createTestElection,
  startTestServer,
  testGroup,
} from '@scrutineer/testkit';
import { challengeResponse, signInResponse } from '@scrutineer/api-contract';
import { TrustedProxyError, limitKey, trustProxyFunction } from './client-address.ts';

const LIMITED = {
  signInMonitor: { maxFailuresPerIpPerHour: 10, baselineFailuresPerHour: 1000, alarmMultiple: 5 },
};

/** A sign-in through the real API, as from `forwardedFor` (an X-Forwarded-For header) if given. */
async function signInAs(
  server: RunningServer,
  election: TestElection,
  voter: TestVoter,
  options: { forwardedFor?: string; signer?: TestVoter } = {}
): Promise<{ status: number; code: string | undefined; body: unknown }> {
  const group = await testGroup();
  const base = `${server.url}/api/elections/${election.electionId}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.forwardedFor !== undefined) headers['x-forwarded-for'] = options.forwardedFor;
  const challengeReply = await fetch(`${base}/sign-in/challenge`, { headers });
  const { challenge } = bodyAs(challengeResponse, {
    status: challengeReply.status,
    body: await challengeReply.json(),
    headers: challengeReply.headers,
  });
  // A wrong signer makes a cheap failed attempt (auth/invalid-signature counts as a failure).
  const signature = signSignIn(
    group,
    election.manifestHash,
    election.electionId,
    challenge,
    voter.answers,
    (options.signer ?? voter).secretKey
  );
  const reply = await fetch(`${base}/sign-in`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      credential: voter.credential,
      answers: voter.answers,
      challenge,
      signature,
    }),
  });
  const body = (await reply.json()) as unknown;
  return {
    status: reply.status,
    code: errorCode({ status: reply.status, body, headers: reply.headers }),
    body,
  };
}

describe('client addresses and limit keys', () => {
  it('keys IPv4 on the address and IPv6 on its /64', () => {
    assert.equal(limitKey('192.0.2.7'), '192.0.2.7');
    assert.equal(limitKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(limitKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(limitKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(limitKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(limitKey('::1'), '0:0:0:0::/64');
  });

  it('trusts a hop only if it is on the list and within the hop count', () => {
    assert.equal(trustProxyFunction(undefined), false);
    const trust = trustProxyFunction({ addresses: ['10.0.0.0/8', '::1'], hops: 1 });
    assert.ok(trust !== false);
    assert.equal(trust('10.1.2.3', 0), true);
    assert.equal(trust('::ffff:10.1.2.3', 0), true);
    assert.equal(trust('10.1.2.3', 1), false, 'beyond the hop count');
    assert.equal(trust('192.0.2.1', 0), false, 'not on the list');
    assert.throws(() => trustProxyFunction({ addresses: ['10.0.0.0/33'] }), TrustedProxyError);
    assert.throws(() => trustProxyFunction({ addresses: ['proxy.local'] }), TrustedProxyError);
  });
});

forEachEngine('per-address sign-in limits', (engine) => {
  it('F6: a spoofed X-Forwarded-For from an untrusted peer is ignored: 10 failures, then refused', async () => {
    const server = await startTestServer(await engine.freshDatabase(), LIMITED);
    try {
      const election = await createTestElection(server.service, { voters: 2 });
      const [victim, other] = [nth(election.voters, 0), nth(election.voters, 1)];
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 12; i++) {
        const forwardedFor = `198.51.100.${i}`; // a new "client" each time, were it believed
        codes.push(
          (await signInAs(server, election, victim, { forwardedFor, signer: other })).code
        );
      }
      assert.deepEqual(codes.slice(0, 10), Array<string>(10).fill('auth/invalid-signature'));
      assert.deepEqual(codes.slice(10), ['request/rate-limited', 'request/rate-limited']);
    } finally {
      await server.close();
    }
  });

  it('F6: behind a trusted proxy each client has its own bucket, and a forged left part of the header is ignored', async () => {
    const server = await startTestServer(await engine.freshDatabase(), {
      ...LIMITED,
      trustedProxies: { addresses: ['127.0.0.1', '::1'], hops: 1 },
    });
    try {
      const election = await createTestElection(server.service, { voters: 2 });
      const [member, attacker] = [nth(election.voters, 0), nth(election.voters, 1)];
      // The attacker, at 203.0.113.9, prepends a fresh address each time; the proxy appends the real one.
      for (let i = 0; i < 10; i++) {
        const forwardedFor = `198.51.100.${i}, 203.0.113.9`;
        const failed = await signInAs(server, election, attacker, { forwardedFor, signer: member });
        assert.equal(failed.code, 'auth/invalid-signature');
      }
      const refused = await signInAs(server, election, attacker, {
        forwardedFor: '198.51.100.77, 203.0.113.9',
        signer: member,
      });
      assert.equal(refused.code, 'request/rate-limited');
      // Before: every voter behind the proxy shared one bucket, and this honest member got 429.
      const honest = await signInAs(server, election, member, { forwardedFor: '192.0.2.50' });
      assert.equal(honest.status, 200, JSON.stringify(honest.body));
      bodyAs(signInResponse, { status: 200, body: honest.body, headers: new Headers() });
    } finally {
      await server.close();
    }
  });

  it('F6: IPv6 clients are limited on their /64, not per address', async () => {
    const server = await startTestServer(await engine.freshDatabase(), {
      ...LIMITED,
      trustedProxies: { addresses: ['127.0.0.1', '::1'], hops: 1 },
    });
    try {
      const election = await createTestElection(server.service, { voters: 2 });
      const [member, attacker] = [nth(election.voters, 0), nth(election.voters, 1)];
      for (let i = 1; i <= 10; i++) {
        const forwardedFor = `2001:db8:1:2::${i.toString(16)}`;
        const failed = await signInAs(server, election, attacker, { forwardedFor, signer: member });
        assert.equal(failed.code, 'auth/invalid-signature');
      }
      const sameSubnet = await signInAs(server, election, attacker, {
        forwardedFor: '2001:db8:1:2:ffff:ffff:ffff:ffff',
        signer: member,
      });
      assert.equal(sameSubnet.code, 'request/rate-limited');
      const otherSubnet = await signInAs(server, election, member, {
        forwardedFor: '2001:db8:1:3::1',
      });
      assert.equal(otherSubnet.status, 200, JSON.stringify(otherSubnet.body));
    } finally {
      await server.close();
    }
  });
});

describe('per-address limits across instances', () => {
  after(cleanUpTestDatabases);

  it('F6: two server instances on one PostgreSQL share the per-address failure count', async () => {
    const engine = postgresEngine();
    const database = await engine.freshDatabase();
    const first = await startTestServer(database, LIMITED);
    const second = await startTestServer(await reopen(engine, database), LIMITED);
    try {
      const election = await createTestElection(first.service, { voters: 2 });
      const [victim, other] = [nth(election.voters, 0), nth(election.voters, 1)];
      // Alternating instances: with per-process maps each allowed 10, so 20 got through.
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 12; i++) {
        const server = i % 2 === 0 ? first : second;
        codes.push((await signInAs(server, election, victim, { signer: other })).code);
      }
      assert.equal(codes.filter((code) => code === 'auth/invalid-signature').length, 10);
      assert.deepEqual(codes.slice(10), ['request/rate-limited', 'request/rate-limited']);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
