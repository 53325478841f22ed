/**
 * @module One ballot worker of the in-browser verifier's pool (ballot-pool.ts): verifies the
 * batches of ballot cryptography it is sent (spec V5.3–V5.6) with the backend its first message
 * names (wasm, spec §2.9, or noble), against that message's context, and answers each batch with
 * its outcome as plain data.
 */
import { integrityFetch } from '../booth-worker.ts';
import { type Group, loadWasmGroup, nobleGroup } from '@scrutineer/crypto';
import { type BallotBatchItem, type BallotRunnerContext, runBatch } from '@scrutineer/verifier';
import type { BallotWorkerReply, BallotWorkerRequest } from './ballot-pool.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BallotWorkerRequest>) => void) | null;
  postMessage(message: BallotWorkerReply): void;
};

let context: BallotRunnerContext | null = null;
/** Set by the context message; batches wait for it (messages keep their order through it). */
let group: Promise<Group> | null = null;

async function answer(id: number, items: readonly BallotBatchItem[]): Promise<BallotWorkerReply> {
  try {
    if (context === null || group === null) throw new Error('batch before context');
    return { id, result: runBatch(await group, context, items) };
  } catch (error) {
    return { id, error: String(error) };
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'context') {
    context = message.context;
    // No silent fallback: the verifier's worker loaded the same module under the same CSP, so a
    // ballot worker that cannot fails its batches (the page says so) rather than running noble
    // while the page reports wasm.
    group =
      message.backend === 'wasm' ? loadWasmGroup(integrityFetch) : Promise.resolve(nobleGroup);
    return;
  }
  void answer(message.id, message.items).then((reply) => scope.postMessage(reply));
};
