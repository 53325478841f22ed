/**
 * @module The ranked checks' work spread over the verifier's worker pool (a
 * {@link RankedWorkRunner} over a task runner, ranked-tasks.ts): every shuffle proof of a cascade
 * is one task, so the three of a contest run side by side; each round's shares are cut into
 * slices of targets, each slice batch-checked (spec §8.4, §5.6) and combined ((8.6)) by a worker.
 * The verdicts are those of the inline path: a slice's batch equation holding for every slice is
 * what the whole batch's holding means when weights are random per equation, a failing slice is
 * checked share by share as the whole would be, and the faults and the combination are settled
 * here exactly as `combineDecryptionsUnsafe` settles them.
 */
import {
  type CiphertextRow,
  type CombineRequest,
  type DecryptionCheckpoint,
  type DecryptionShare,
  type Group,
  type Point,
  bytesToHex,
  combineBatchesUnsafe,
  combineDecryptionsUnsafe,
  joinPacked,
  screenSubmissions,
  settleCombination,
  unpackPoints,
} from '@scrutineer/crypto';
import type { RankedWorkRunner } from './ranked-checks.ts';
import type { PackedRows, Rows } from './rows.ts';
import {
  type WireRankedResult,
  type WireRankedTask,
  shareSliceTask,
  sharesFrom,
  shuffleTask,
} from './ranked-tasks.ts';

export type RankedTaskRunner = (task: WireRankedTask) => Promise<WireRankedResult>;

/** Rows per decoding task. */
const ROWS = 2000;

/**
 * `decodeRows` (ranked-tasks.ts) on the pool: the record's hex rows cut into slices decoded side
 * by side, the rows and failures put back in order (failures numbered as rows of the whole list).
 * Rows of one width stay packed as the workers sent them (rows.ts), so that this thread makes no
 * object per point; rows of several widths (a record the checks will refuse) come back in memory.
 */
export async function decodeRowsPooled(
  group: Group,
  run: RankedTaskRunner,
  rows: readonly (readonly string[])[]
): Promise<{ rows: Rows; failed: { row: number; message: string }[] }> {
  const starts = Array.from({ length: Math.ceil(rows.length / ROWS) }, (_, i) => i * ROWS);
  const replies = await Promise.all(
    starts.map((from) => run({ kind: 'rows', rows: rows.slice(from, from + ROWS) }))
  );
  const failed: { row: number; message: string }[] = [];
  const slices = replies.map((reply, i) => {
    if (reply.kind !== 'rows') throw new TypeError('a decoding task answered with another kind');
    for (const f of reply.failed)
      failed.push({ row: f.row + (starts[i] as number), message: f.message });
    return reply;
  });
  const lengths = slices.flatMap((slice) => slice.lengths);
  const width = lengths[0] ?? 0;
  const packed: PackedRows = {
    count: lengths.length,
    width,
    points: joinPacked(slices.map((slice) => slice.points)),
  };
  if (lengths.every((length) => length === width)) return { rows: packed, failed };
  const points = unpackPoints(group, packed.points);
  let at = 0;
  const decoded: CiphertextRow[] = lengths.map((length) => {
    const row = Array.from({ length }, (_, k) => ({
      alpha: points[at + 2 * k] as Point,
      beta: points[at + 2 * k + 1] as Point,
    }));
    at += 2 * length;
    return row;
  });
  return { rows: decoded, failed };
}

/** Shares per decoding task. */
const SHARES = 2000;

/**
 * `decodeShares` (ranked-tasks.ts) on the pool: one trustee's hex shares of a round cut into slices decoded
 * side by side; the first share (in order) that does not decode throws, as inline.
 */
export async function decodeSharesPooled(
  group: Group,
  run: RankedTaskRunner,
  trusteeCount: number,
  checkpoint: DecryptionCheckpoint,
  shares: readonly string[]
): Promise<DecryptionShare[]> {
  const starts = Array.from({ length: Math.ceil(shares.length / SHARES) }, (_, i) => i * SHARES);
  const replies = await Promise.all(
    starts.map((from) =>
      run({
        kind: 'decode-shares',
        trusteeCount,
        checkpoint,
        shares: shares.slice(from, from + SHARES),
      })
    )
  );
  return replies.flatMap((reply) => {
    if (reply.kind !== 'decode-shares')
      throw new TypeError('a decoding task answered with another kind');
    if (reply.failed !== null) throw new Error(reply.failed.message);
    return sharesFrom(
      unpackPoints(group, reply.points),
      reply.trustees,
      reply.responses,
      checkpoint
    );
  });
}

/** Targets per task: small enough that a round's slices spread evenly over the workers. */
const SLICE = 1000;

const checkpointKey = (share: DecryptionShare): string =>
  `${share.checkpoint.size}:${bytesToHex(share.checkpoint.root)}`;

export function pooledRankedWork(group: Group, run: RankedTaskRunner): RankedWorkRunner {
  return {
    shuffles: (steps) =>
      Promise.all(
        steps.map((step) =>
          run(shuffleTask(group, step)).then((r) => r.kind === 'shuffle' && r.holds)
        )
      ),
    combine: (request) => combinePooled(group, run, request),
  };
}

async function combinePooled(
  group: Group,
  run: RankedTaskRunner,
  request: CombineRequest
): Promise<ReturnType<typeof combineDecryptionsUnsafe>> {
  const { targets, threshold } = request;
  const screened = screenSubmissions(request);
  const checked = request.submissions.filter((_, s) => screened[s] === null);
  // A batch carries one checkpoint (spec §8.7 D2); shares that name several are judged inline.
  if (checked.some(({ shares }) => new Set(shares.map(checkpointKey)).size > 1))
    return combineDecryptionsUnsafe(group, request);
  const expected = checked
    .map((s) => s.trustee)
    .sort((a, b) => a - b)
    .slice(0, threshold);
  const combine =
    expected.length === threshold ? { trustees: expected, scaled: request.scaled ?? false } : null;
  const starts = Array.from({ length: Math.ceil(targets.length / SLICE) }, (_, i) => i * SLICE);
  const replies = await Promise.all(
    starts.map((from) =>
      run(
        shareSliceTask(
          group,
          request.baseHash,
          targets.slice(from, from + SLICE),
          checked.map(({ trustee, shares }) => ({
            trustee,
            verificationKey: request.verificationKeys[trustee - 1] as Point,
            shares: shares.slice(from, from + SLICE),
          })),
          combine
        )
      )
    )
  );
  const slices = replies.map((reply) => {
    if (reply.kind !== 'shares') throw new TypeError('a share task answered with a shuffle');
    return reply;
  });
  let next = 0;
  const invalid = screened.map((fault) => {
    if (fault !== null) return [];
    const b = next++;
    return slices.flatMap((slice, i) =>
      (slice.invalid[b] ?? []).map((t) => t + (starts[i] as number))
    );
  });
  const pooled = slices.every((slice) => slice.combined !== null)
    ? {
        plaintextPoints: slices.flatMap((slice) =>
          unpackPoints(group, slice.combined?.points ?? new Uint8Array(1))
        ),
        scale: slices[0]?.combined?.scale ?? 1n,
      }
    : null;
  return settleCombination(request, screened, invalid, (trustees, batches) =>
    // The workers combined the k lowest trustees that passed screening; if one of those failed
    // in some slice, the k lowest valid ones differ and are combined here.
    pooled !== null && trustees.join() === expected.join()
      ? pooled
      : combineBatchesUnsafe(group, targets, trustees, batches, request.scaled)
  );
}
