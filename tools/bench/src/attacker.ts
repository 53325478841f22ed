/**
 * @module The attack loads of attack-latency.ts, in a process of their own (so they compete with
 * the server for the machine, not for its event loop). Usage:
 * `node --import tsx attacker.ts <url> <electionId> <manifestHash> f7|f8 <seconds> [perSecond]`
 * - f7: sign-ins with self-made keys (not on the credential list), `perSecond` a second (the
 *   review's 33/s stalled casting when each cost one Argon2id on the event loop);
 * - f8: one client posting 8 MiB bodies to an officer route without the key, back to back.
 * Prints one JSON line: requests sent and their statuses.
 */
import http from 'node:http';
import { bytesToHex, deriveCredentialKey, generateVotingCode, loadGroup } from '@scrutineer/crypto';
import { signSignIn } from '@scrutineer/record';

const [
  url = '',
  electionId = '',
  manifestHash = '',
  mode = 'f7',
  secondsText = '10',
  rateText = '33',
] = process.argv.slice(2);
const until = Date.now() + Number(secondsText) * 1000;
const statuses: Record<string, number> = {};
const count = (status: number | string): void => {
  statuses[status] = (statuses[status] ?? 0) + 1;
};

function post(
  path: string,
  body: string | Buffer,
  length = Buffer.byteLength(body)
): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(new URL(path, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(length) },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', () => resolve(-1));
    request.end(body);
  });
}

if (mode === 'f7') {
  const group = await loadGroup('sodium');
  const keys = Array.from({ length: 20 }, () => {
    const pair = deriveCredentialKey(group, electionId, generateVotingCode());
    return { secretKey: pair.secretKey, credential: bytesToHex(group.encodePoint(pair.publicKey)) };
  });
  const interval = 1000 / Number(rateText);
  const inFlight = new Set<Promise<void>>();
  for (let k = 0; Date.now() < until; k++) {
    const key = keys[k % keys.length] as (typeof keys)[number];
    const job = (async () => {
      const challengeReply = await fetch(`${url}/api/elections/${electionId}/sign-in/challenge`);
      const { challenge } = (await challengeReply.json()) as { challenge: string };
      const answers = { dob: '1970-01-01', postcode: 'SW1A 1AA' };
      const signature = signSignIn(
        group,
        manifestHash,
        electionId,
        challenge,
        answers,
        key.secretKey
      );
      const body = JSON.stringify({
        credential: key.credential,
        answers,
        challenge,
        signature,
      });
      count(await post(`/api/elections/${electionId}/sign-in`, body));
    })().catch(() => count('error'));
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    if (inFlight.size > 64) await Promise.race(inFlight);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  await Promise.all(inFlight);
} else {
  const body = Buffer.alloc(8 * 1024 * 1024 - 16, 0x20);
  const json = Buffer.concat([Buffer.from('{"credentials":['), body, Buffer.from(']}')]);
  while (Date.now() < until) count(await post(`/api/elections/${electionId}/credentials`, json));
}
process.stdout.write(`${JSON.stringify({ mode, statuses })}\n`);
