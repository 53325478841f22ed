/**
 * @module The body of one ballot-verification thread of the server (verify-pool.ts): runs the
 * verifier's single-ballot check (V5.4–V5.6) on the batches of ballots the cast path sends,
 * against contexts it keeps per election, and answers with one verdict per ballot only (the cast
 * path needs nothing else). A batch's ballots of one election are checked together
 * (`verifyBallotsAlone`: one weighted multi-scalar multiplication, spec §5.6).
 */
import { workerData } from 'node:worker_threads';
import { type Backend, loadGroup } from '@scrutineer/crypto';
import type { Ballot } from '@scrutineer/record';
import {
  type BallotContext,
  type BallotVerdict,
  prepareBallotContext,
  verifyBallotAlone,
  verifyBallotsAlone,
} from '@scrutineer/verifier';
import { serveRequests } from '@scrutineer/worker-pool';
import type {
  VerifyReply,
  VerifyReplyItem,
  VerifyRequest,
  VerifyRequestItem,
} from './verify-pool.ts';

const { backend } = workerData as { backend: Backend };
const group = await loadGroup(backend);
const contexts = new Map<string, BallotContext>();

const errorText = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

function learnContext(item: VerifyRequestItem): void {
  if (item.context !== undefined)
    contexts.set(item.electionId, prepareBallotContext(group, item.context));
}

/** The ballot of an item: sent as JSON text by the cast path (verify-pool.ts), or as an object. */
const ballotOf = (item: VerifyRequestItem): Ballot =>
  (typeof item.ballot === 'string' ? JSON.parse(item.ballot) : item.ballot) as Ballot;

const replyOf = (id: number, verdict: BallotVerdict): VerifyReplyItem =>
  verdict.ok ? { id, ok: true } : { id, ok: false, fault: verdict.fault };

/** Verdicts for ballots of one election; a check that throws (a bug) fails only its ballot. */
function checkElection(
  context: BallotContext,
  items: readonly VerifyRequestItem[]
): VerifyReplyItem[] {
  try {
    const verdicts = verifyBallotsAlone(context, items.map(ballotOf));
    return items.map((item, k) => replyOf(item.id, verdicts[k] as BallotVerdict));
  } catch {
    // Find the ballot that threw by checking each alone; the others keep their verdicts.
    return items.map((item) => {
      try {
        return replyOf(item.id, verifyBallotAlone(context, ballotOf(item)));
      } catch (error) {
        return { id: item.id, error: errorText(error) };
      }
    });
  }
}

/** A batch's verdicts; if this throws (a bug), the pool fails the batch's ballots with its error. */
function checkBatch(request: VerifyRequest): VerifyReply {
  const byElection = new Map<string, VerifyRequestItem[]>();
  const failed: VerifyReplyItem[] = [];
  for (const item of request) {
    try {
      learnContext(item);
    } catch (error) {
      failed.push({ id: item.id, error: errorText(error) });
      continue;
    }
    if (!contexts.has(item.electionId)) {
      failed.push({ id: item.id, error: `no context for ${item.electionId}` });
      continue;
    }
    const items = byElection.get(item.electionId);
    if (items === undefined) byElection.set(item.electionId, [item]);
    else items.push(item);
  }
  const replies = [...byElection].flatMap(([electionId, items]) =>
    checkElection(contexts.get(electionId) as BallotContext, items)
  );
  return [...failed, ...replies];
}

serveRequests(checkBatch);
