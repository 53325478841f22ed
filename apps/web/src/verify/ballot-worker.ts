/**
 * @module One ballot worker of the in-browser verifier's pool (ballot-pool.ts): verifies the
 * batches of ballot cryptography it is sent (spec V5.3–V5.6) with the noble backend, against the
 * context of its first message, and answers each with its outcome as plain data.
 */
import { nobleGroup } from '@scrutineer/crypto';
import { type BallotBatchItem, type BallotRunnerContext, runBatch } from '@scrutineer/verifier';
import type { BallotWorkerReply, BallotWorkerRequest } from './ballot-pool.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BallotWorkerRequest>) => void) | null;
  postMessage(message: BallotWorkerReply): void;
};

let context: BallotRunnerContext | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'context') {
    context = message.context;
    return;
  }
  try {
    if (context === null) throw new Error('batch before context');
    const items: readonly BallotBatchItem[] = message.items;
    scope.postMessage({ id: message.id, result: runBatch(nobleGroup, context, items) });
  } catch (error) {
    scope.postMessage({ id: message.id, error: String(error) });
  }
};
