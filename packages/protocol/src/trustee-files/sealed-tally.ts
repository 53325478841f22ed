/**
 * @module What a trustee checks before it decrypts anything (spec §8.2 "Before decrypting"): the
 * record up to a checkpoint it compared through a second channel (the returning officer announces
 * `<size>:<root>` outside the server). The board's checkpoint of that size must be the announced
 * one over a log prefix at least that long; the prefix, with the checkpoints up to it, must pass
 * the independent verifier (V2.6 signatures under the manifest's board key, V2.7 roots, V1–V7),
 * hold the `encrypted-tally` and have the manifest's shape. The verifier is passed in (this
 * package does not depend on it): the CLI runs it on Node's worker threads, the trustee's page in
 * a Web Worker. Nothing is decrypted unless all hold.
 */
import {
  type Checkpoint,
  type EventBody,
  type Manifest,
  type Result,
  err,
  ok,
  parseBoardEvent,
  parseCanonicalJson,
  parseCheckpoint,
  parseManifest,
} from '@scrutineer/record';
import { tallyHasManifestShape } from '../trustee.ts';

/** The checkpoint a trustee was given out of band: `<size>:<root hex>`. */
export interface AnnouncedCheckpoint {
  readonly size: number;
  readonly root: string;
}

export type SealedTallyErrorCode =
  | 'trustee/invalid-checkpoint-option'
  | 'trustee/checkpoint-not-on-board'
  | 'trustee/checkpoint-bad-signature'
  | 'trustee/checkpoint-root-mismatch'
  | 'trustee/no-tally-in-checkpoint'
  | 'trustee/tally-wrong-shape'
  | 'trustee/record-invalid';

export interface SealedTallyRefusal {
  readonly code: SealedTallyErrorCode;
  readonly message: string;
}

/** Parses `<size>:<root hex>` (64 lowercase or uppercase hex digits). */
export function parseAnnouncedCheckpointText(
  value: string
): Result<AnnouncedCheckpoint, SealedTallyRefusal> {
  const match = /^([1-9][0-9]{0,15}):([0-9a-fA-F]{64})$/.exec(value.trim());
  const size = Number(match?.[1]);
  if (match === null || !Number.isSafeInteger(size))
    return err({
      code: 'trustee/invalid-checkpoint-option',
      message: `expected <size>:<64 hex digits of the root>, got "${value}"`,
    });
  return ok({ size, root: (match[2] as string).toLowerCase() });
}

/** The record files as served (text). */
export interface ServedRecord {
  readonly format: string;
  readonly board: string;
  readonly checkpoints: string;
  readonly nominations?: string;
}

/** What the verifier reports, as much of it as this check reads. */
export interface VerifierVerdict {
  readonly ok: boolean;
  readonly checks: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    readonly failures: readonly { readonly message: string }[];
  }[];
}

/** What the trustee decrypts once every check holds: all taken from the verified prefix. */
export interface SealedTally {
  readonly manifest: Manifest;
  readonly tally: EventBody<'encrypted-tally'>;
  readonly baseHash: string;
  readonly checkpoint: AnnouncedCheckpoint;
}

function lines(text: string): string[] {
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

function prefixFacts(prefix: readonly string[]): {
  manifest?: Manifest;
  tally?: EventBody<'encrypted-tally'>;
  baseHash?: string;
} {
  const facts: { manifest?: Manifest; tally?: EventBody<'encrypted-tally'>; baseHash?: string } =
    {};
  for (const line of prefix) {
    const json = parseCanonicalJson(line);
    const event = json.ok ? parseBoardEvent(json.value) : json;
    if (!event.ok) continue;
    if (event.value.type === 'election-setup') {
      const manifest = parseManifest(event.value.body);
      if (manifest.ok) facts.manifest = manifest.value;
    } else if (event.value.type === 'election-open') facts.baseHash = event.value.body.baseHash;
    else if (event.value.type === 'encrypted-tally') facts.tally = event.value.body;
  }
  return facts;
}

/** Checks the served record up to the announced checkpoint; the tally sealed there, or why not. */
export async function checkSealedTallyRecord(
  record: ServedRecord,
  announced: AnnouncedCheckpoint,
  verify: (prefix: ServedRecord) => Promise<VerifierVerdict>
): Promise<Result<SealedTally, SealedTallyRefusal>> {
  const board = lines(record.board);
  const checkpoints: { readonly line: string; readonly checkpoint: Checkpoint }[] = [];
  for (const line of lines(record.checkpoints)) {
    const json = parseCanonicalJson(line);
    const parsed = json.ok ? parseCheckpoint(json.value) : json;
    if (parsed.ok) checkpoints.push({ line, checkpoint: parsed.value });
  }
  const onBoard = checkpoints.find((c) => c.checkpoint.size === announced.size)?.checkpoint;
  if (onBoard === undefined || onBoard.root !== announced.root || board.length < announced.size)
    return err({
      code: 'trustee/checkpoint-not-on-board',
      message:
        `the board shows no checkpoint ${announced.size}:${announced.root} over a log that long` +
        (onBoard === undefined ? '' : ` (its checkpoint of that size has root ${onBoard.root})`),
    });
  const prefix = board.slice(0, announced.size);
  const report = await verify({
    format: record.format,
    board: `${prefix.join('\n')}\n`,
    // The board's checkpoints up to the announced one: V2.6 checks their signatures under the
    // manifest's board key, V2.7 that the prefix has their roots; V8.1 needs them for any share
    // already in the prefix.
    checkpoints: checkpoints
      .filter((c) => c.checkpoint.size <= announced.size)
      .map((c) => `${c.line}\n`)
      .join(''),
    ...(record.nominations === undefined ? {} : { nominations: record.nominations }),
  });
  const failed = (id: string): boolean =>
    report.checks.some((c) => c.id === id && c.status === 'failed');
  if (failed('V2.6'))
    return err({
      code: 'trustee/checkpoint-bad-signature',
      message: `checkpoint ${announced.size} (or one before it) is not signed by the manifest's board key`,
    });
  if (failed('V2.7'))
    return err({
      code: 'trustee/checkpoint-root-mismatch',
      message: `the log the board serves does not have root ${announced.root} at size ${announced.size}: it is not the log the board sealed`,
    });
  const facts = prefixFacts(prefix);
  if (facts.tally === undefined || facts.manifest === undefined || facts.baseHash === undefined)
    return err({
      code: 'trustee/no-tally-in-checkpoint',
      message: `the log up to checkpoint ${announced.size} holds no encrypted tally`,
    });
  if (!tallyHasManifestShape(facts.manifest, facts.tally))
    return err({
      code: 'trustee/tally-wrong-shape',
      message: 'the encrypted tally does not have one aggregate per option of the manifest',
    });
  if (!report.ok)
    return err({
      code: 'trustee/record-invalid',
      message: `the record up to checkpoint ${announced.size} fails verification: ${report.checks
        .filter((c) => c.status === 'failed')
        .map((c) => `${c.id} (${c.failures[0]?.message ?? c.title})`)
        .join('; ')}`,
    });
  return ok({
    manifest: facts.manifest,
    tally: facts.tally,
    baseHash: facts.baseHash,
    checkpoint: announced,
  });
}
