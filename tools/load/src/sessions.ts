/**
 * @module Signing every member in before a load run, over HTTP, as the booth does: a challenge,
 * the credential's signature on it, and the security answers. Tokens last 30 minutes. For runs
 * of tens of thousands of members, where signing everyone in would take longer than the run,
 * `mintSessions` stamps the same tokens with the election's key, as a successful sign-in would;
 * the cast path checks them exactly as it checks any other.
 */
import { signSignIn } from '@scrutineer/record';
import { issueSessionToken, SESSION_LIFETIME_SECONDS } from '@scrutineer/server';
import type { TestElection } from '@scrutineer/testkit';
import type { LoadClient } from './http-client.ts';

export async function signInAll(
  client: LoadClient,
  target: { readonly url: string },
  election: TestElection,
  concurrency: number,
  log: (line: string) => void
): Promise<string[]> {
  const group = election.setup.group;
  const base = `/api/elections/${election.electionId}`;
  const tokens: string[] = new Array<string>(election.voters.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < election.voters.length; i = next++) {
        const voter = election.voters[i];
        if (voter === undefined) break;
        const challenge = await client.request(target.url, 'GET', `${base}/sign-in/challenge`);
        if (challenge.status !== 200) throw new Error(`challenge: ${challenge.body}`);
        const { challenge: value } = JSON.parse(challenge.body) as { challenge: string };
        const signature = signSignIn(
          group,
          election.manifestHash,
          election.electionId,
          value,
          voter.answers,
          voter.secretKey
        );
        const answer = await client.request(target.url, 'POST', `${base}/sign-in`, {
          body: JSON.stringify({
            credential: voter.credential,
            answers: voter.answers,
            challenge: value,
            signature,
          }),
        });
        if (answer.status !== 200) throw new Error(`sign-in ${i}: ${answer.body}`);
        tokens[i] = (JSON.parse(answer.body) as { token: string }).token;
        if (i > 0 && i % 5000 === 0) log(`  signed in ${i} members`);
      }
    })
  );
  log(
    `${tokens.length} members signed in (${((performance.now() - started) / 1000).toFixed(1)} s)`
  );
  return tokens;
}

export function mintSessions(election: TestElection, hmacKey: Uint8Array, now: Date): string[] {
  const expiry = Math.floor(now.getTime() / 1000) + SESSION_LIFETIME_SECONDS;
  return election.voters.map((voter) =>
    issueSessionToken(hmacKey, {
      electionId: election.electionId,
      credential: voter.credential,
      expiry,
    })
  );
}
