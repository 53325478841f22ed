/**
 * @module Staging a ranked step part by part (spec §11.8 "Staging", docs/decisions/0033), as
 * `scrutineer mixer mix` and `scrutineer trustee ranked-decrypt` post every step: the step (a mix,
 * or a trustee's shares of a round) is cut into parts that each fit the board's request limit,
 * the parts the board does not hold yet are staged one per request, and the step is committed,
 * which the board checks whole. A run cut short resumes: the board lists what it holds with each
 * part's digest, and only the parts it lacks go again (a few at a time); parts of another run of
 * the step (another shuffle) are discarded first. The commit names the upload by its digest, so a
 * commit sent again after its answer was lost is answered as the first was. Pure: the caller
 * passes the transport (and retries within it).
 */
import { bytesToHex, concatByteArrays, hexToBytes, sha256, utf8 } from '@scrutineer/crypto';
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

/**
 * Spec §11.8 "Staging": an upload's digest, SHA-256 of its parts' digests (32 bytes each) in part
 * order; the commit names the upload by it, and the board recomputes it from a committed step's
 * events.
 */
export function stagedUploadDigest(partDigests: readonly string[]): string {
  return bytesToHex(sha256(concatByteArrays(partDigests.map(hexToBytes))));
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
  /**
   * Joins, checks and appends the staged upload `digest` (`stagedUploadDigest`) of the step, or
   * answers the same positions again when the board already appended that very upload; the
   * board's refusal is thrown.
   */
  readonly commit: (step: string, digest: string) => Promise<readonly number[]>;
}

export interface StagedUpload {
  readonly positions: readonly number[];
  readonly parts: number;
  /** Parts the board already held from an earlier run, not sent again. */
  readonly resumed: number;
  /** Parts of another run of the step that the board held and discarded. */
  readonly discarded: number;
}

export interface StagedUploadOptions {
  /** Told after each part the board acknowledged: how many are staged, of how many. */
  readonly progress?: (staged: number, parts: number) => void;
  /** Parts in flight at once (default 1). */
  readonly concurrency?: number;
  /**
   * The caller knows the board holds the step already (an earlier run's commit whose answer was
   * lost): nothing is staged, the commit is only sent again to confirm that it is this upload.
   */
  readonly onBoard?: boolean;
}

/**
 * Stages `parts` at most `concurrency` at a time, in part order; after a refusal or a failure no
 * more are begun, those in flight are awaited, and the first failure is thrown.
 */
async function stageAll(
  transport: StagingTransport,
  parts: readonly StagedPart[],
  concurrency: number,
  done: () => void
): Promise<void> {
  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < parts.length) {
      const part = parts[next++] as StagedPart;
      try {
        await transport.stage(part);
        done();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(concurrency), parts.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) throw failure.error;
}

/**
 * Stages step `step` and commits it: `cut` gives its parts for the board's request limit (the
 * same parts for the same limit, so that a run resumed after a crash matches what it staged).
 */
export async function uploadStagedStep(
  transport: StagingTransport,
  step: string,
  cut: (requestLimit: number) => readonly StagedPart[],
  options: StagedUploadOptions = {}
): Promise<StagedUpload> {
  const status = await transport.status(step);
  const parts = cut(status.limits.request);
  const digests = parts.map(stagedPartDigest);
  const upload = stagedUploadDigest(digests);
  if (options.onBoard === true) {
    const positions = await transport.commit(step, upload);
    return { positions, parts: parts.length, resumed: parts.length, discarded: 0 };
  }
  const held = status.staged.filter((s) => digests[s.part] === s.digest);
  let discarded = 0;
  if (held.length !== status.staged.length || (status.parts ?? parts.length) !== parts.length) {
    discarded = status.staged.length;
    await transport.discard(step);
  }
  const have = new Set(discarded === 0 ? held.map((s) => s.part) : []);
  let staged = have.size;
  await stageAll(
    transport,
    parts.filter((_, i) => !have.has(i)),
    options.concurrency ?? 1,
    () => options.progress?.(++staged, parts.length)
  );
  const positions = await transport.commit(step, upload);
  return { positions, parts: parts.length, resumed: have.size, discarded };
}
