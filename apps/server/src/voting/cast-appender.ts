/**
 * @module Group commit for casting. Verified ballots of an election queue here; one
 * batch at a time per election and process is committed by commit-casts.ts, and while it
 * commits the next batch gathers, so the batch grows with the load and a lone ballot waits for
 * nobody. A ballot's promise settles only after its batch's COMMIT returned: no receipt leaves
 * before its ballot is durable. A batch never holds two ballots sharing a credential, tracker,
 * α or proof fingerprint; the later one waits for the next batch, where the UNIQUE keys decide.
 * A failed transaction fails every ballot of its batch (nothing of it was written — or, if the
 * COMMIT's answer was lost, all of it was, and a retry gets the stored receipt).
 */
import { checkpointAfterAppend } from '../board/checkpoints.ts';
import type { ElectionRecord } from '../elections/election-cache.ts';
import type { ServiceContext } from '../service-context.ts';
import { type CastSettlement, type PendingCast, commitCasts } from './commit-casts.ts';

/** Ballots per transaction at most: bounds the statement sizes and a batch's latency. */
export const MAX_CAST_BATCH = 128;

interface Waiting {
  readonly cast: PendingCast;
  resolve(settlement: CastSettlement): void;
  reject(error: unknown): void;
}

class ElectionAppender {
  readonly #queue: Waiting[] = [];
  #running = false;
  readonly #context: ServiceContext;
  readonly #election: ElectionRecord;

  constructor(context: ServiceContext, election: ElectionRecord) {
    this.#context = context;
    this.#election = election;
  }

  submit(cast: PendingCast): Promise<CastSettlement> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ cast, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        void this.#drain();
      }
    });
  }

  /** Takes the next batch off the queue: in arrival order, skipping colliding ballots. */
  #takeBatch(): Waiting[] {
    const keys = new Set<string>();
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const waiting of this.#queue) {
      const { credential, tracker, alphas, fingerprints } = waiting.cast;
      const own = [
        `c${credential}`,
        `t${tracker}`,
        ...alphas.map((a) => `a${a}`),
        ...fingerprints.map((f) => `p${f}`),
      ];
      if (batch.length < MAX_CAST_BATCH && own.every((key) => !keys.has(key))) {
        for (const key of own) keys.add(key);
        batch.push(waiting);
      } else rest.push(waiting);
    }
    this.#queue.splice(0, this.#queue.length, ...rest);
    return batch;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#takeBatch();
        let settlements: CastSettlement[];
        try {
          settlements = await this.#context.database.transaction((transaction) =>
            commitCasts(
              this.#context,
              transaction,
              this.#election,
              batch.map((w) => w.cast)
            )
          );
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
          continue;
        }
        batch.forEach((waiting, i) => waiting.resolve(settlements[i] as CastSettlement));
        await this.#checkpoint(settlements);
      }
    } finally {
      this.#running = false;
    }
  }

  /** Signs a checkpoint if the batch crossed a multiple of the policy's event count. */
  async #checkpoint(settlements: readonly CastSettlement[]): Promise<void> {
    const every = this.#context.checkpoints.everyEvents;
    const positions = settlements.flatMap((s) =>
      s.kind === 'cast' && !s.outcome.replayed ? [s.outcome.receipt.position] : []
    );
    const crossing = positions.find((position) => (position + 1) % every === 0);
    if (crossing !== undefined)
      await checkpointAfterAppend(this.#context, this.#election.electionId, crossing);
  }
}

const appenders = new WeakMap<ServiceContext, Map<string, ElectionAppender>>();

/** Queues a verified ballot for the next group commit of its election. */
export function submitCast(
  context: ServiceContext,
  election: ElectionRecord,
  cast: PendingCast
): Promise<CastSettlement> {
  let byElection = appenders.get(context);
  if (byElection === undefined)
    appenders.set(context, (byElection = new Map<string, ElectionAppender>()));
  let appender = byElection.get(election.electionId);
  if (appender === undefined)
    byElection.set(election.electionId, (appender = new ElectionAppender(context, election)));
  return appender.submit(cast);
}
