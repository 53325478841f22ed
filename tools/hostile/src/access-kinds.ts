/**
 * @module Hostile requests around the ballot: sign-in with a bad signature, a forged or expired
 * challenge or an unknown credential (a code guess, A18); forged session tokens; trustee messages
 * with bad signatures; malformed postal batches; Benaloh audits whose openings lie; forged
 * trackers (a receipt that is not on the board); out-of-range path parameters; and the
 * `__proto__` key. None may change anything or spend any of the victim's answer attempts.
 */
import fc from 'fast-check';
import { GROUP_ORDER, bytesToHex, deriveCredentialKey, encodeScalar } from '@scrutineer/crypto';
import { honestBallot, nth } from '@scrutineer/testkit';
import { openAuditedBallot, signTrusteeBody } from '@scrutineer/protocol';
import { type AuditedBallot, type EventBody, signSignIn } from '@scrutineer/record';
import { issueChallenge } from '@scrutineer/server';
import { littleEndian, poolIndex, votingCode } from './hostile-arbitraries.ts';
import type { HostileFixture } from './hostile-fixture.ts';
import { signInBody } from './inject.ts';
import { changeAt } from './json-paths.ts';
import { hostileKind } from './run-hostile.ts';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const hex = (n: number) => bytes(n).map(bytesToHex);

export function accessKinds(fixture: HostileFixture) {
  const { group } = fixture;
  const { election, voter: victim, token } = fixture.open;
  const base = `/api/elections/${election.electionId}`;
  const app = fixture.server.app;
  const signIn = (body: unknown) => ({ method: 'POST' as const, url: `${base}/sign-in`, body });
  const fresh = () => signInBody(app, election, victim, victim.secretKey);
  const audits = [0, 1, 2].map((i) => openAuditedBallot(honestBallot(election.setup, victim, i)));
  const trusteeBody = fixture.trusteeMessage.body as EventBody<'trustee-commitments'>;
  const trustee = trusteeBody.trustee;
  const otherKey = nth(election.trusteeKeys, trustee % election.trusteeKeys.length);

  return [
    hostileKind({
      name: 'sign-in-bad-signature',
      threat: 'I1 protocol, A18',
      code: 'auth/invalid-signature',
      arbitrary: () =>
        fc.record({
          how: fc.nat({ max: 3 }),
          random: hex(64),
          key: fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n }),
          at: fc.nat({ max: 63 }),
        }),
      request: async (_f, v) => {
        const body = await fresh();
        const sign = (electionId: string, challenge: string, key: bigint) =>
          signSignIn(group, election.manifestHash, electionId, challenge, body.answers, key);
        const signature = [
          v.random,
          sign(election.electionId, body.challenge, v.key),
          sign(fixture.closed.election.electionId, body.challenge, victim.secretKey),
          // The right signature with one byte changed.
          body.signature.slice(0, 2 * v.at) +
            (parseInt(body.signature.slice(2 * v.at, 2 * v.at + 2), 16) ^ 0x5a)
              .toString(16)
              .padStart(2, '0') +
            body.signature.slice(2 * v.at + 2),
        ][v.how] as string;
        return signIn({ ...body, signature });
      },
    }),
    hostileKind({
      name: 'sign-in-forged-challenge',
      threat: 'I1 stale or forged nonce',
      code: 'auth/invalid-challenge',
      arbitrary: () =>
        fc.record({
          how: fc.nat({ max: 3 }),
          text: fc.string({ maxLength: 200 }),
          at: fc.nat(),
          digit: fc.constantFrom(...'0123456789abcdef'),
        }),
      request: async (_f, v) => {
        const body = await fresh();
        const other = await signInBody(app, fixture.closed.election, victim, victim.secretKey);
        const at = v.at % body.challenge.length;
        const flipped = body.challenge[at] === v.digit ? (v.digit === '0' ? '1' : '0') : v.digit;
        const challenge = [
          v.text,
          body.challenge.slice(0, at) + flipped + body.challenge.slice(at + 1),
          other.challenge,
          body.challenge.toUpperCase() === body.challenge
            ? `${body.challenge}0`
            : body.challenge.toUpperCase(),
        ][v.how] as string;
        // Signed properly where the text is hex at all, so only the challenge is wrong.
        const signature = /^(?:[0-9a-f]{2})+$/.test(challenge)
          ? signSignIn(
              group,
              election.manifestHash,
              election.electionId,
              challenge,
              body.answers,
              victim.secretKey
            )
          : body.signature;
        return signIn({ ...body, challenge, signature });
      },
    }),
    hostileKind({
      name: 'sign-in-expired-challenge',
      threat: 'I1 stale nonce',
      code: 'auth/challenge-expired',
      arbitrary: () => fc.integer({ min: 301, max: 10 ** 9 }),
      request: async (f, ageSeconds) => {
        const { hmacKey } = await f.server.service.elections.get(election.electionId);
        const { challenge } = issueChallenge(
          hmacKey,
          election.electionId,
          new Date(Date.now() - ageSeconds * 1000),
          300
        );
        const body = await fresh();
        const signature = signSignIn(
          group,
          election.manifestHash,
          election.electionId,
          challenge,
          body.answers,
          victim.secretKey
        );
        return signIn({ ...body, challenge, signature });
      },
    }),
    hostileKind({
      name: 'sign-in-code-guess',
      threat: 'A18',
      code: 'auth/sign-in-failed',
      arbitrary: () => fc.record({ code: votingCode, dob: fc.string({ maxLength: 20 }) }),
      request: async (_f, v) => {
        // A random code: the key derived from it is on no roll, so it must fail like wrong answers.
        const key = deriveCredentialKey(group, election.electionId, v.code);
        const credential = bytesToHex(group.encodePoint(key.publicKey));
        const body = await signInBody(
          app,
          election,
          { credential, answers: { dob: v.dob, postcode: 'X' } },
          key.secretKey
        );
        return signIn(body);
      },
    }),
    hostileKind({
      name: 'session-token-forged',
      threat: 'I1 protocol',
      code: 'auth/invalid-token',
      arbitrary: () =>
        fc.record({
          how: fc.nat({ max: 5 }),
          text: fc.stringMatching(/^[\x21-\x7e]{1,300}$/),
          junk: fc.constantFrom('!', '=', '*', '~', '%', '+', '/'),
          at: fc.nat(),
          mask: fc.integer({ min: 1, max: 255 }),
        }),
      request: (_f, v) => {
        const [version, payload, stamp] = token.split('.') as [string, string, string];
        const mac = Buffer.from(stamp, 'base64url');
        mac[v.at % mac.length] = (mac[v.at % mac.length] as number) ^ v.mask;
        const forged = [
          v.text,
          `${version}.${payload}.${mac.toString('base64url')}`,
          // Another election's token (its key differs), and a payload for another credential.
          fixture.closed.token,
          `${version}.${Buffer.from(JSON.stringify({ e: election.electionId, c: fixture.bystander.voter.credential, x: 4e9 })).toString('base64url')}.${stamp}`,
          // The victim's own stamp re-spelled: a stray character, or the last symbol's spare bits
          // set (both decode to the same bytes; the token must still be refused).
          `${version}.${payload}.${stamp.slice(0, v.at % (stamp.length + 1))}${v.junk}${stamp.slice(v.at % (stamp.length + 1))}`,
          `${version}.${payload}.${stamp.slice(0, -1)}${BASE64URL[(BASE64URL.indexOf(stamp.at(-1) as string) ^ (1 + (v.at % 3))) & 63]}`,
        ][v.how] as string;
        return {
          method: 'POST',
          url: `${base}/ballots`,
          token: forged,
          body: { ballot: fixture.open.ballots[0] },
        };
      },
    }),
    hostileKind({
      name: 'trustee-message-bad-signature',
      threat: 'I1, A6',
      code: 'trustee/invalid-signature',
      arbitrary: () =>
        fc.record({ how: fc.nat({ max: 2 }), random: hex(64), at: fc.nat({ max: 99 }) }),
      request: (_f, v) => {
        const { signature: _signature, ...unsigned } = trusteeBody;
        const body = [
          { ...trusteeBody, signature: v.random },
          // Signed by another trustee's key while naming this trustee.
          signTrusteeBody(group, election.manifest, otherKey, 'trustee-commitments', unsigned),
          // A commitment swapped for random bytes under the original signature.
          {
            ...trusteeBody,
            commitments: trusteeBody.commitments.map((c, i) =>
              i === v.at % trusteeBody.commitments.length ? v.random.slice(0, 64) : c
            ),
          },
        ][v.how];
        return {
          method: 'POST',
          url: `${base}/trustee-messages`,
          body: { type: fixture.trusteeMessage.type, body },
        };
      },
    }),
    hostileKind({
      name: 'postal-batch-inconsistent',
      threat: 'A16, I1',
      code: 'postal/invalid-batch',
      arbitrary: () =>
        fc
          .oneof(
            fc
              .record({ papers: fc.nat({ max: 1000 }), extra: fc.integer({ min: 1, max: 1000 }) })
              .map((v) => ({
                papers: v.papers,
                spoilt: v.papers + v.extra,
                contests: [{ counts: [0, 0, 0] }, { counts: [0, 0, 0] }],
              })),
            fc
              .array(fc.record({ counts: fc.constant([0, 0, 0]) }), { maxLength: 20 })
              .filter((c) => c.length !== 2)
              .map((contests) => ({ papers: 0, spoilt: 0, contests })),
            fc
              .array(fc.nat({ max: 10 }), { maxLength: 50 })
              .filter((c) => c.length !== 3)
              .map((counts) => ({
                papers: 0,
                spoilt: 0,
                contests: [{ counts }, { counts: [0, 0, 0] }],
              })),
            fc
              .record({
                papers: fc.integer({ min: 1, max: 10 ** 6 }),
                counts: fc.array(fc.nat({ max: 10 ** 6 }), { minLength: 3, maxLength: 3 }),
              })
              .filter((v) => v.counts.reduce((a, b) => a + b, 0) !== v.papers)
              .map((v) => ({
                papers: v.papers,
                spoilt: 0,
                contests: [{ counts: v.counts }, { counts: [0, 0, 0] }],
              }))
          )
          .chain((batch) =>
            fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/).map((id) => ({ batch: id, ...batch }))
          ),
      request: (_f, batch) => ({
        method: 'POST',
        url: `${base}/postal/batches`,
        token: election.adminKey,
        body: batch,
      }),
    }),
    hostileKind({
      name: 'audit-opening-wrong',
      threat: 'A5 (Benaloh)',
      code: 'ballot/invalid-audit',
      arbitrary: () =>
        fc.record({
          i: fc.nat({ max: 2 }),
          contest: fc.nat({ max: 1 }),
          option: fc.nat({ max: 2 }),
          how: fc.nat({ max: 2 }),
          scalar: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        }),
      request: (_f, v) => {
        const audited = nth(audits, v.i);
        const path = ['contests', v.contest, 'selections', v.option];
        const changed = changeAt(audited, path, (s) => {
          const selection = s as AuditedBallot['contests'][number]['selections'][number];
          if (v.how === 0) return { ...selection, vote: 1 - selection.vote };
          const r =
            v.how === 1
              ? v.scalar % GROUP_ORDER
              : GROUP_ORDER + (v.scalar % (2n ** 256n - GROUP_ORDER));
          const encoded = bytesToHex(v.how === 1 ? encodeScalar(r) : littleEndian(r));
          return encoded === selection.randomness
            ? { ...selection, vote: 1 - selection.vote }
            : { ...selection, randomness: encoded };
        });
        return { method: 'POST', url: `${base}/audits`, body: { audited: changed } };
      },
    }),
    hostileKind({
      name: 'tracker-forged',
      threat: 'A28, forged receipts',
      code: 'board/tracker-not-found',
      arbitrary: () => hex(32),
      request: (_f, tracker) => ({ method: 'GET', url: `${base}/trackers/${tracker}` }),
    }),
    hostileKind({
      name: 'path-parameter-out-of-range',
      threat: 'I1 huge numbers',
      code: 'request/invalid-parameter',
      arbitrary: () =>
        fc.oneof(
          fc.bigInt({ min: 2n ** 53n, max: 2n ** 300n }).map(String),
          fc.integer({ max: -1 }).map(String),
          fc.constantFrom('1e309', 'NaN', 'Infinity', '0x10', '1.5', '-0.5', '%00', '%20'),
          fc.stringMatching(/^[a-z]{1,10}$/)
        ),
      request: (_f, position) => ({ method: 'GET', url: `${base}/events/${position}` }),
    }),
    hostileKind({
      name: 'prototype-key',
      threat: 'I1 parser strictness',
      code: 'request/invalid-json',
      arbitrary: () =>
        fc.record({
          i: poolIndex,
          key: fc.constantFrom('__proto__', 'constructor'),
          deep: fc.boolean(),
        }),
      request: (_f, v) => {
        const ballot = JSON.stringify(fixture.open.ballots[v.i]);
        const poison = `"${v.key}":{"prototype":{"polluted":true},"polluted":true}`;
        const raw = v.deep
          ? `{"ballot":{${poison},${ballot.slice(1)}}`
          : `{${poison},"ballot":${ballot}}`;
        return { method: 'POST', url: `${base}/ballots`, token, raw };
      },
    }),
  ];
}
