/**
 * @module Staging a ranked step part by part (spec §11.8 "Staging", docs/decisions/0033), as
 * `scrutineer mixer mix` and `scrutineer trustee ranked-decrypt` post every step: the step (a mix,
 * or a trustee's shares of a round) is cut into parts that each fit the board's request limit,
 * the parts the board does not hold yet are staged one per request, and the step is committed,
 * which the board checks whole. A run cut short resumes: the board lists what it holds with each
 * part's digest, and only the parts it lacks go again; parts of another run of the step (another
 * shuffle) are discarded first. Pure: the caller passes the transport (and retries within it).
 */
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import {
  MIX_ROWS_PER_PART,
  type MixBody,
  type RankedDecryptionShareBody,
  canonicalize,
  mixParts,
} from '@scrutineer/record';
import { SHARES_PER_PART, shareParts } from './ranked-phase.ts';

/** One part of a step as the staging route takes it. */
export type StagedPart =
  | { readonly type: 'mix'; readonly body: MixBody }
  | { readonly type: 'ranked-decryption-share'; readonly body: RankedDecryptionShareBody };

/** What the board stores a part under: the SHA-256 hex of its canonical JSON body. */
export function stagedPartDigest(part: StagedPart): string {
  return bytesToHex(sha256(utf8(canonicalize(part.body))));
}

/** Room left in a request beyond the part as JSON.stringify spells it (another client may add spaces). */
const REQUEST_MARGIN = 256;

/**
 * The largest cut (items per part, halving from `first`) whose every part fits `limit` bytes as
 * a staging request; throws if not even one item per part does.
 */
export function cutWithin(
  cut: (perPart: number) => StagedPart[],
  items: number,
  limit: number,
  first: number
): StagedPart[] {
  for (let perPart = Math.max(1, Math.min(first, items)); ; perPart = Math.ceil(perPart / 2)) {
    const parts = cut(perPart);
    const largest = Math.max(...parts.map((p) => utf8(JSON.stringify(p)).length));
    if (largest + REQUEST_MARGIN <= limit) return parts;
    if (perPart === 1)
      throw new RangeError(
        `one part needs ${largest + REQUEST_MARGIN} bytes; the board takes ${limit} per request`
      );
  }
}

/** Spec §11.8: a whole mix (its parts joined) cut to fit `limit` bytes per request. */
export function mixStagedParts(mix: readonly MixBody[], limit: number): StagedPart[] {
  const first = mix[0];
  if (first === undefined) throw new RangeError('a mix has parts');
  const whole = {
    contest: first.contest,
    mixer: first.mixer,
    inputHash: first.inputHash,
    outputs: mix.flatMap((p) => p.outputs),
    proof: mix.map((p) => p.proof).join(''),
    // One signature over the whole step, the same in every part (spec §11.8, V10.6).
    signature: first.signature,
  };
  return cutWithin(
    (rows) => mixParts(whole, rows).map((body) => ({ type: 'mix' as const, body })),
    whole.outputs.length,
    limit,
    MIX_ROWS_PER_PART
  );
}

/** Spec §11.8: a trustee's whole round of shares cut to fit `limit` bytes per request. */
export function shareStagedParts(
  round: readonly RankedDecryptionShareBody[],
  limit: number
): StagedPart[] {
  const first = round[0];
  if (first === undefined) throw new RangeError('a round of shares has parts');
  const whole = {
    contest: first.contest,
    position: first.position,
    trustee: first.trustee,
    checkpoint: first.checkpoint,
    shares: round.flatMap((p) => p.shares),
  };
  return cutWithin(
    (shares) =>
      shareParts(whole, shares).map((body) => ({
        type: 'ranked-decryption-share' as const,
        body,
      })),
    whole.shares.length,
    limit,
    SHARES_PER_PART
  );
}

/** The board's staging routes, as the caller reaches them (retrying what may be retried). */
export interface StagingTransport {
  /** The parts staged so far with their digests, and the board's request limit. */
  readonly status: (step: string) => Promise<{
    readonly parts: number | null;
    readonly staged: readonly { readonly part: number; readonly digest: string }[];
    readonly limits: { readonly request: number };
  }>;
  readonly stage: (part: StagedPart) => Promise<void>;
  readonly discard: (step: string) => Promise<void>;
  /** Joins, checks and appends the staged step; the board's refusal is thrown. */
  readonly commit: (step: string) => Promise<readonly number[]>;
}

export interface StagedUpload {
  readonly positions: readonly number[];
  readonly parts: number;
  /** Parts the board already held from an earlier run, not sent again. */
  readonly resumed: number;
  /** Parts of another run of the step that the board held and discarded. */
  readonly discarded: number;
}

/**
 * Stages step `step` and commits it: `cut` gives its parts for the board's request limit (the
 * same parts for the same limit, so that a run resumed after a crash matches what it staged).
 */
export async function uploadStagedStep(
  transport: StagingTransport,
  step: string,
  cut: (requestLimit: number) => readonly StagedPart[],
  progress?: (staged: number, parts: number) => void
): Promise<StagedUpload> {
  const status = await transport.status(step);
  const parts = cut(status.limits.request);
  const digests = parts.map(stagedPartDigest);
  const held = status.staged.filter((s) => digests[s.part] === s.digest);
  let discarded = 0;
  if (held.length !== status.staged.length || (status.parts ?? parts.length) !== parts.length) {
    discarded = status.staged.length;
    await transport.discard(step);
  }
  const have = new Set(discarded === 0 ? held.map((s) => s.part) : []);
  let staged = have.size;
  for (const [i, part] of parts.entries()) {
    if (have.has(i)) continue;
    await transport.stage(part);
    progress?.(++staged, parts.length);
  }
  const positions = await transport.commit(step);
  return { positions, parts: parts.length, resumed: have.size, discarded };
}
