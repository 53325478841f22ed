/**
 * @module Where ballot batches are verified: inline (browser fallback, tests) or on worker threads
 * (node/worker-pool.ts). Inputs and outputs are plain data so they can cross a thread boundary.
 */
import {
  type Group,
  bytesToHex,
  decodeCiphertext,
  encodeCiphertext,
  hexToBytes,
  packPoints,
} from '@scrutineer/crypto';
import type { Manifest } from '@scrutineer/record';
import type { PartialOutcome } from './report.ts';
import type { BallotContext } from './checks/ballot-equations.ts';
import { type BallotBatchItem, verifyBallotBatch } from './checks/ballot-crypto.ts';
import type { WireRankedResult, WireRankedTask } from './ranked/ranked-tasks.ts';

/** What every batch is checked against, as plain data. */
export interface BallotRunnerContext {
  readonly manifest: Manifest;
  readonly electionKeyHex: string;
  readonly baseHashHex: string;
}

/**
 * The context ballots are checked against (and, the same shape, a booth's encryption setup) from
 * its plain data: K is prepared as a fixed base once, since every ballot multiplies it.
 */
export function prepareBallotContext(group: Group, context: BallotRunnerContext): BallotContext {
  return {
    group,
    manifest: context.manifest,
    electionKey: group.prepareFixedBase(group.decodePoint(hexToBytes(context.electionKeyHex))),
    baseHash: hexToBytes(context.baseHashHex),
  };
}

/** A batch's outcome as plain data: aggregates are hex ciphertexts. */
export interface WireBatchResult {
  readonly outcome: PartialOutcome;
  readonly aggregate: readonly (readonly string[])[];
  readonly ranked: WireRankedEntries;
}

/**
 * The batch's decoded ranked entries (ballot-crypto.ts) for the ranked walk: entry i is the
 * ballot at `positions[i]`'s entry for contest `contests[i]`, its `widths[i]` ciphertexts' α, β
 * next in `points` (crypto `packPoints` form, one buffer for the batch).
 */
export interface WireRankedEntries {
  readonly positions: readonly number[];
  readonly contests: readonly number[];
  readonly widths: readonly number[];
  readonly points: Uint8Array;
}

export interface BallotRunner {
  run(items: readonly BallotBatchItem[]): Promise<WireBatchResult>;
  /**
   * The ranked checks' heavy work (ranked/ranked-tasks.ts) on the same threads; a runner without
   * it (the inline one, the browser's) leaves that work on the calling thread.
   */
  runRanked?(task: WireRankedTask): Promise<WireRankedResult>;
  close(): Promise<void>;
}

export type BallotRunnerFactory = (context: BallotRunnerContext) => Promise<BallotRunner>;

/** Verifies one batch against a context; used inline and inside each worker. */
export function runBatch(
  group: Group,
  context: BallotRunnerContext,
  items: readonly BallotBatchItem[]
): WireBatchResult {
  const { outcome, aggregate, ranked } = verifyBallotBatch(
    prepareBallotContext(group, context),
    items
  );
  return {
    outcome,
    aggregate: aggregate.map((options) =>
      options.map((c) => bytesToHex(encodeCiphertext(group, c)))
    ),
    ranked: {
      positions: ranked.map((entry) => entry.position),
      contests: ranked.map((entry) => entry.contest),
      widths: ranked.map((entry) => entry.positions.length),
      points: packPoints(
        group,
        ranked.flatMap((entry) => entry.positions.flatMap((c) => [c.alpha, c.beta]))
      ),
    },
  };
}

/** Runs batches on the calling thread. */
export function inlineRunnerFactory(group: Group): BallotRunnerFactory {
  return (context) =>
    Promise.resolve({
      run: (items) => Promise.resolve(runBatch(group, context, items)),
      close: () => Promise.resolve(),
    });
}

/** Decodes a wire aggregate (sums may be the identity). */
export function decodeAggregate(group: Group, aggregate: readonly (readonly string[])[]) {
  return aggregate.map((options) =>
    options.map((hex) => decodeCiphertext(group, hexToBytes(hex), { allowIdentity: true }))
  );
}
