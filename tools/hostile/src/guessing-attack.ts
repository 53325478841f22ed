/**
 * @module The online guessing attack of docs/threat-model.md A18 B4, over real HTTP on loopback.
 * A guess is what an attacker without a code can do against this sign-in (spec §10.5): pick a
 * random voting code, derive its credential key, sign a board challenge with it, and send some
 * answers. The board sees a well-signed request for a credential on no roll, so it must refuse it
 * exactly like wrong answers, and the per-IP limits and the alarm must do the rest. Guesses come
 * from many source addresses in 127.0.0.0/8 (all loopback; each its own IP to the server) and,
 * over keep-alive sockets, many source ports. Every response is classified: a success (must be
 * 0), reached the real check (`auth/sign-in-failed`: the signature checked, the key found not on
 * the published list, so no Argon2id), refused by the per-IP
 * failure limit, refused by the per-route rate limiter, or anything else (must be 0).
 */
import http from 'node:http';
import {
  type Group,
  bytesToHex,
  deriveCredentialKey,
  generateVotingCode,
} from '@scrutineer/crypto';
import { signSignIn } from '@scrutineer/record';

export interface GuessingTarget {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  readonly electionId: string;
  readonly manifestHash: string;
  readonly group: Group;
}

export interface GuessingOptions {
  readonly guesses: number;
  /** Distinct source addresses 127.1.x.y. */
  readonly addresses: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Keep-alive sockets (source ports) an address may have open at once (default 4). */
  readonly socketsPerAddress?: number;
  /** The index of the first address (workers of one attack use disjoint ranges). */
  readonly firstAddress?: number;
  /** Called about every `progressEvery` guesses. */
  readonly onProgress?: (report: GuessingReport) => void;
  readonly progressEvery?: number;
}

export interface GuessingReport {
  guesses: number;
  successes: number;
  /** Refused by the real check (`auth/sign-in-failed`): the guess was verified and failed. */
  verified: number;
  /** Refused before any work because the address failed too often (the sign-in monitor). */
  refusedByFailureLimit: number;
  /** Refused by the per-route request rate limiter. */
  refusedByRateLimit: number;
  /** Responses of any other kind, by status and code (must stay empty). */
  other: Record<string, number>;
  /** Source ports (sockets) the attack opened. */
  sourcePorts: number;
  seconds: number;
}

interface Response {
  readonly status: number;
  readonly body: string;
}

function send(
  agent: http.Agent,
  localAddress: string,
  url: URL,
  method: 'GET' | 'POST',
  body: string | undefined,
  onSocket: () => void
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        localAddress,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      }
    );
    request.on('socket', (socket) => {
      if (!(request as { reusedSocket?: boolean }).reusedSocket) socket.once('connect', onSocket);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** 127.1.x.y for the i-th attacking address (never 127.0.0.1, which honest tests use). */
export function attackerAddress(i: number): string {
  return `127.1.${Math.floor(i / 250) % 250}.${1 + (i % 250)}`;
}

export async function runGuessingAttack(
  target: GuessingTarget,
  options: GuessingOptions
): Promise<GuessingReport> {
  const { group, electionId, manifestHash } = target;
  const first = options.firstAddress ?? 0;
  const base = `${target.url}/api/elections/${electionId}`;
  const agents = Array.from(
    { length: options.addresses },
    () => new http.Agent({ keepAlive: true, maxSockets: options.socketsPerAddress ?? 4 })
  );
  const report: GuessingReport = {
    guesses: 0,
    successes: 0,
    verified: 0,
    refusedByFailureLimit: 0,
    refusedByRateLimit: 0,
    other: {},
    sourcePorts: 0,
    seconds: 0,
  };
  const opened = () => report.sourcePorts++;
  // One challenge per address, fetched again when it expires (it is stateless and reusable).
  const challenges = new Map<number, string>();
  const challengeFor = async (i: number, renew = false): Promise<string | undefined> => {
    const known = challenges.get(i);
    if (known !== undefined && !renew) return known;
    const url = new URL(`${base}/sign-in/challenge`);
    const response = await send(
      agents[i] as http.Agent,
      attackerAddress(first + i),
      url,
      'GET',
      undefined,
      opened
    );
    if (response.status !== 200) return undefined;
    const { challenge } = JSON.parse(response.body) as { challenge: string };
    challenges.set(i, challenge);
    return challenge;
  };

  const started = performance.now();
  let next = 0;
  const signInUrl = new URL(`${base}/sign-in`);
  const worker = async (): Promise<void> => {
    while (next < options.guesses) {
      const n = next++;
      const i = n % options.addresses;
      let challenge = await challengeFor(i);
      for (let attempt = 0; attempt < 2; attempt++) {
        // No challenge (the address is rate-limited): the guess is sent with a stale one.
        const key = deriveCredentialKey(group, electionId, generateVotingCode());
        const answers = { dob: `19${n % 100}-01-01`, postcode: `G${n % 1000} 1AA` };
        const body = JSON.stringify({
          credential: bytesToHex(group.encodePoint(key.publicKey)),
          answers,
          challenge: challenge ?? '00'.repeat(56),
          signature: signSignIn(
            group,
            manifestHash,
            electionId,
            challenge ?? '00'.repeat(56),
            answers,
            key.secretKey
          ),
        });
        const response = await send(
          agents[i] as http.Agent,
          attackerAddress(first + i),
          signInUrl,
          'POST',
          body,
          opened
        );
        const code = /"code":"([^"]+)"/.exec(response.body)?.[1] ?? '';
        if (code === 'auth/challenge-expired' && attempt === 0) {
          challenge = await challengeFor(i, true);
          continue;
        }
        report.guesses++;
        if (response.status === 200) report.successes++;
        else if (response.status === 401 && code === 'auth/sign-in-failed') report.verified++;
        // The per-IP limit's two refusals (failures, or failures plus attempts in flight); both
        // are the sign-in monitor's, counted in its refused_total metric.
        else if (
          response.status === 429 &&
          /failed sign-ins|sign-ins in progress/.test(response.body)
        )
          report.refusedByFailureLimit++;
        else if (response.status === 429 && code === 'request/rate-limited')
          report.refusedByRateLimit++;
        else {
          const key = `${response.status} ${code || response.body.slice(0, 80)}`;
          report.other[key] = (report.other[key] ?? 0) + 1;
        }
        break;
      }
      if (
        options.onProgress !== undefined &&
        report.guesses % (options.progressEvery ?? 100_000) === 0
      ) {
        report.seconds = (performance.now() - started) / 1000;
        options.onProgress(report);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  report.seconds = (performance.now() - started) / 1000;
  for (const agent of agents) agent.destroy();
  return report;
}
