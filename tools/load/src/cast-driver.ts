/**
 * @module The load generator's cast loop. Up to `concurrency` members cast at once,
 * paced to `rateAt(t)` ballots a second if given. Each member's ballot is sent until it gets a
 * definite answer: a receipt (201, or 200 for a resubmission), or a refusal (4xx). A 503/429 waits
 * for Retry-After; a cut connection or a 5xx leaves the ballot's fate unknown, so the same bytes
 * are sent again — the server must then answer with the receipt of a ballot that did commit, or
 * take it now. Every receipt is kept, with what was learnt on the way, for the checks after.
 */
import type { LoadClient } from './http-client.ts';

export interface ReceiptFields {
  readonly election: string;
  readonly tracker: string;
  readonly position: number;
  readonly time: string;
  readonly eventHash: string;
  readonly signature: string;
}

export interface CastRun {
  readonly target: { readonly url: string };
  readonly client: LoadClient;
  readonly electionId: string;
  readonly tokens: readonly string[];
  readonly bodies: readonly string[];
  /** Member indices to cast, in order. */
  readonly members: readonly number[];
  readonly concurrency: number;
  /** Offered ballots a second at `elapsed` seconds (undefined: as fast as `concurrency` allows). */
  readonly rateAt?: (elapsedSeconds: number) => number;
  /** Stop starting new members after this many seconds. */
  readonly durationSeconds?: number;
  /** Give up on a member after this many seconds without a definite answer (default 300). */
  readonly giveUpSeconds?: number;
  readonly onSecond?: (second: number, stats: SecondStats) => void;
}

export interface SecondStats {
  acknowledged: number;
  shed: number;
  latencies: number[];
}

export interface CastResult {
  readonly receipts: Map<number, ReceiptFields>;
  /** Member → error code of a definite refusal. */
  readonly refusals: Map<number, string>;
  /** Members given up on without a definite answer. */
  readonly unresolved: number[];
  /** Members whose first attempt failed in an unknown way and who were retried. */
  readonly retried: Set<number>;
  /** Retried members answered 200 (the server had committed the lost attempt). */
  readonly replayedAfterRetry: number;
  readonly counts: {
    attempts: number;
    shed: number;
    networkErrors: number;
    serverErrors: number;
  };
  /** Milliseconds of each request that got a receipt. */
  readonly latencies: number[];
  readonly perSecond: SecondStats[];
  readonly seconds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCasts(run: CastRun): Promise<CastResult> {
  const result: CastResult = {
    receipts: new Map(),
    refusals: new Map(),
    unresolved: [],
    retried: new Set(),
    replayedAfterRetry: 0,
    counts: { attempts: 0, shed: 0, networkErrors: 0, serverErrors: 0 },
    latencies: [],
    perSecond: [],
    seconds: 0,
  };
  let replayed = 0;
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const bucket = (): SecondStats => {
    const second = Math.floor(elapsed());
    for (let s = result.perSecond.length; s <= second; s++) {
      const previous = result.perSecond[s - 1];
      if (previous !== undefined) run.onSecond?.(s - 1, previous);
      result.perSecond.push({ acknowledged: 0, shed: 0, latencies: [] });
    }
    return result.perSecond[second] as SecondStats;
  };
  let nextSlot = 0;
  const pace = async (): Promise<void> => {
    if (run.rateAt === undefined) return;
    const now = elapsed();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + 1 / Math.max(run.rateAt(slot), 0.001);
    if (slot > now) await sleep((slot - now) * 1000);
  };
  const path = `/api/elections/${run.electionId}/ballots`;

  async function castOne(member: number): Promise<void> {
    const token = run.tokens[member] as string;
    const body = run.bodies[member] as string;
    const giveUp = performance.now() + (run.giveUpSeconds ?? 300) * 1000;
    for (let attempt = 0; performance.now() < giveUp; attempt++) {
      result.counts.attempts++;
      const t0 = performance.now();
      let status: number;
      let text: string;
      let retryAfter: number | undefined;
      try {
        ({
          status,
          body: text,
          retryAfter,
        } = await run.client.request(run.target.url, 'POST', path, {
          token,
          body,
        }));
      } catch {
        // Refused (server down), reset or timed out: the ballot may or may not have committed.
        result.counts.networkErrors++;
        result.retried.add(member);
        await sleep(250);
        continue;
      }
      if (status === 201 || status === 200) {
        const latency = performance.now() - t0;
        result.latencies.push(latency);
        const second = bucket();
        second.acknowledged++;
        second.latencies.push(latency);
        result.receipts.set(member, JSON.parse(text) as ReceiptFields);
        if (status === 200 && result.retried.has(member)) replayed++;
        return;
      }
      if (status === 503 || status === 429) {
        result.counts.shed++;
        bucket().shed++;
        if (attempt > 0) result.retried.add(member);
        await sleep(Math.max(0.05, retryAfter ?? 1) * 1000 * (0.5 + Math.random()));
        continue;
      }
      if (status >= 500) {
        result.counts.serverErrors++;
        result.retried.add(member);
        await sleep(250);
        continue;
      }
      const code =
        (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? `http-${status}`;
      result.refusals.set(member, code);
      return;
    }
    result.unresolved.push(member);
  }

  let next = 0;
  const deadline = run.durationSeconds ?? Number.POSITIVE_INFINITY;
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      while (next < run.members.length && elapsed() < deadline) {
        await pace();
        if (elapsed() >= deadline) break;
        const member = run.members[next++];
        if (member === undefined) break;
        await castOne(member);
      }
    })
  );
  bucket();
  return { ...result, replayedAfterRetry: replayed, seconds: elapsed() };
}

/** The q-quantile of `values` (sorted in place), in the values' unit. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(q * values.length))] as number;
}
