/**
 * @module The end of a chaos run: close, have the board sum the ballots, let the
 * trustees decrypt (threshold shares, the protocol package's trustee code), publish the result —
 * all over HTTP — and run the independent verifier (`scrutineer verify`, the CLI as a process)
 * on the record the board publishes.
 */
import { resultOf } from '@scrutineer/testkit';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { computeResult, decryptTally } from '@scrutineer/protocol';
import type { BoardEvent, EventBody } from '@scrutineer/record';
import type { TestElection } from '@scrutineer/testkit';
import type { LoadClient } from './http-client.ts';

const CLI = fileURLToPath(new URL('../../../apps/cli/bin/scrutineer.mjs', import.meta.url));

/** Online votes per candidate of the first contest, as published. */
export async function closeAndTally(
  client: LoadClient,
  target: { readonly url: string },
  election: TestElection
): Promise<number[]> {
  const base = `/api/elections/${election.electionId}`;
  const officer = { token: election.adminKey, timeoutMs: 600_000 };
  const post = async (path: string, body?: unknown): Promise<{ position: number }> => {
    const answer = await client.request(target.url, 'POST', `${base}${path}`, {
      ...officer,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${answer.body}`);
    return JSON.parse(answer.body) as { position: number };
  };
  const eventAt = async (position: number): Promise<BoardEvent> => {
    const answer = await client.request(target.url, 'GET', `${base}/events/${position}`);
    return (JSON.parse(answer.body) as { event: BoardEvent }).event;
  };
  await post('/close');
  const tallied = (await post('/tally')) as {
    position: number;
    checkpoint: { size: number; root: string };
  };
  const tallyEvent = await eventAt(tallied.position);
  if (tallyEvent.type !== 'encrypted-tally') throw new Error('no encrypted tally');
  const tally = tallyEvent.body;
  const { group, manifest, baseHash } = election.setup;
  const shares: EventBody<'decryption-share'>[] = [];
  for (const key of election.trusteeKeys) {
    const secretShare = election.trusteeShares.get(key.publicKey.trustee);
    if (secretShare === undefined) throw new Error('no trustee share');
    const share = decryptTally(
      group,
      manifest,
      baseHash,
      key,
      secretShare,
      tally,
      tallied.checkpoint
    );
    shares.push(share);
    await post('/trustee-messages', { type: 'decryption-share', body: share });
  }
  let keyBody: EventBody<'election-key'> | undefined;
  for (let position = 0; keyBody === undefined; position++) {
    const event = await eventAt(position);
    if (event.type === 'election-key') keyBody = event.body;
  }
  const postal = manifest.contests.map((contest) => contest.candidates.map(() => 0));
  const { result } = resultOf(
    computeResult(group, manifest, baseHash, keyBody, tally, shares, postal)
  );
  await post('/result', result);
  return result.contests[0]?.options.map((option) => option.online) ?? [];
}

export interface VerifierVerdict {
  readonly ok: boolean;
  readonly stage: string;
  readonly events: number;
  readonly failed: readonly string[];
}

/** `scrutineer verify <dir> --json`, as a separate process. */
export async function runVerifierCli(directory: string): Promise<VerifierVerdict> {
  const child = spawn(process.execPath, [CLI, 'verify', directory, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  const report = JSON.parse(output) as {
    ok: boolean;
    stage: string;
    events: number;
    checks: { id: string; status: string }[];
  };
  return {
    ok: report.ok && code === 0,
    stage: report.stage,
    events: report.events,
    failed: report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
  };
}
