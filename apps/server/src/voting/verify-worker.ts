/**
 * @module The body of one ballot-verification thread of the server (verify-pool.ts): runs the
 * verifier's single-ballot check (V5.4–V5.6) on ballots the cast path sends, against contexts it
 * keeps per election, and answers with the verdict only (the cast path needs nothing else).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Backend, hexToBytes, loadGroup } from '@scrutineer/crypto';
import type { Ballot } from '@scrutineer/record';
import { type BallotContext, verifyBallotAlone } from '@scrutineer/verifier';
import type { VerifyRequest } from './verify-pool.ts';

const { backend } = workerData as { backend: Backend };
const group = await loadGroup(backend);
const contexts = new Map<string, BallotContext>();

parentPort?.on('message', (message: VerifyRequest) => {
  try {
    if (message.context !== undefined) {
      contexts.set(message.electionId, {
        group,
        manifest: message.context.manifest,
        electionKey: group.prepareFixedBase(
          group.decodePoint(hexToBytes(message.context.electionKeyHex))
        ),
        baseHash: hexToBytes(message.context.baseHashHex),
      });
    }
    const context = contexts.get(message.electionId);
    if (context === undefined) throw new Error(`no context for ${message.electionId}`);
    const verdict = verifyBallotAlone(context, message.ballot as Ballot);
    parentPort?.postMessage(
      verdict.ok
        ? { id: message.id, ok: true }
        : { id: message.id, ok: false, fault: verdict.fault }
    );
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
parentPort?.postMessage({ ready: true });
