/**
 * @module Test helper: the count of a test election over the HTTP API — close, post the postal
 * batches, tally, have the trustees decrypt, compute and post the result — as the officer's
 * commands do it, each step accepted.
 */
import assert from 'node:assert/strict';
import { appendedResponse } from '@scrutineer/api-contract';
import { computeResult } from '@scrutineer/protocol';
import { type EventBody, postalBatchWeight } from '@scrutineer/record';
import type { RunningServer } from '@scrutineer/server';
import { z } from 'zod';
import { allEvents, api, bodyAs, eventAt } from './api-client.ts';
import { resultOf } from './result-of.ts';
import type { TestElection } from './test-election.ts';
import { postDecryptionShares } from './trustee-decryption.ts';

/**
 * Closes (unless the caller did, having posted `alreadyPosted`), posts `batches`, tallies, has
 * trustees 1…k decrypt, posts the result; returns it.
 */
export async function countAndPublish(
  server: RunningServer,
  election: TestElection,
  batches: readonly EventBody<'postal-batch'>[],
  /** The batches already posted after a close the caller made itself (the close is then skipped). */
  alreadyPosted?: readonly EventBody<'postal-batch'>[]
): Promise<{ ballots: number; result: EventBody<'election-result'> }> {
  const base = `/api/elections/${election.electionId}`;
  const officer = { token: election.adminKey };
  if (alreadyPosted === undefined)
    assert.equal((await api(server, 'POST', `${base}/close`, officer)).status, 201);
  for (const body of batches) {
    const posted = await api(server, 'POST', `${base}/postal/batches`, { ...officer, body });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
  }
  const tally = await api(server, 'POST', `${base}/tally`, officer);
  assert.equal(tally.status, 201, JSON.stringify(tally.body));
  const tallied = bodyAs(
    appendedResponse.extend({
      ballots: z.number(),
      checkpoint: z.object({ size: z.number(), root: z.string() }),
    }),
    tally
  );
  const { event } = await eventAt(server, election.electionId, tallied.position);
  assert.ok(event.type === 'encrypted-tally');
  const group = server.service.group;
  const shares = await postDecryptionShares(server, election, event.body, tallied.checkpoint);
  const keyEvent = (await allEvents(server, election.electionId)).find(
    (e) => e.type === 'election-key'
  );
  assert.ok(keyEvent?.type === 'election-key');
  const postal = election.manifest.contests.map((contest, c) =>
    contest.candidates.map((_, j) =>
      [...(alreadyPosted ?? []), ...batches].reduce(
        // Spec §13.2.1 step 6: a paper counts its batch's weight.
        (sum, b) => sum + (b.contests[c]?.counts[j] ?? 0) * postalBatchWeight(b),
        0
      )
    )
  );
  const { result } = resultOf(
    computeResult(
      group,
      election.manifest,
      election.setup.baseHash,
      keyEvent.body,
      event.body,
      shares,
      postal
    )
  );
  const published = await api(server, 'POST', `${base}/result`, { ...officer, body: result });
  assert.equal(published.status, 201, JSON.stringify(published.body));
  return { ballots: tallied.ballots, result };
}
