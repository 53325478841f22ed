/**
 * @module What a trustee checks before it decrypts anything (spec §8.2 "Before decrypting"): the
 * record up to a checkpoint it compared through a second channel (the returning officer announces
 * `<size>:<root>` outside the server). The board's checkpoint of that size must be the announced
 * one, signed by the manifest's board key, over a downloaded log prefix with that Merkle root; the
 * prefix must hold the `encrypted-tally`, have the manifest's shape, and pass the independent
 * verifier (V1–V7). The verifier's own checks do the work (V2.6 signature, V2.7 root, V7 tally);
 * this module only says which refusal a failure means. Nothing is decrypted unless all hold.
 */
import type { Group } from '@scrutineer/crypto';
import {
  type Checkpoint,
  type EventBody,
  type Manifest,
  parseBoardEvent,
  parseCanonicalJson,
  parseCheckpoint,
  parseManifest,
} from '@scrutineer/record';
import { tallyHasManifestShape } from '@scrutineer/protocol';
import { type VerificationReport, memoryRecordSource, verifyRecord } from '@scrutineer/verifier';
import { workerPoolFactory } from '@scrutineer/verifier/node';
import type { ServerClient } from '../../client/server-client.ts';
import { fetchServedNominations } from '../election/publish-record.ts';

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

/** A refusal to decrypt: the rule broken, and nothing computed. */
export class SealedTallyError extends Error {
  readonly code: SealedTallyErrorCode;
  constructor(code: SealedTallyErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'SealedTallyError';
    this.code = code;
  }
}

/** Parses `--checkpoint <size>:<root hex>` (64 lowercase or uppercase hex digits). */
export function parseAnnouncedCheckpoint(value: string): AnnouncedCheckpoint {
  const match = /^([1-9][0-9]{0,15}):([0-9a-fA-F]{64})$/.exec(value.trim());
  const size = Number(match?.[1]);
  if (match === null || !Number.isSafeInteger(size))
    throw new SealedTallyError(
      'trustee/invalid-checkpoint-option',
      `expected <size>:<64 hex digits of the root>, got "${value}"`
    );
  return { size, root: (match[2] as string).toLowerCase() };
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

function failedChecks(report: VerificationReport): string[] {
  return report.checks
    .filter((c) => c.status === 'failed')
    .map((c) => `${c.id} (${c.failures[0]?.message ?? c.title})`);
}

/** The prefix's events that the checks below need, parsed (the verifier has judged them). */
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

/**
 * Downloads the record, checks it up to the announced checkpoint (see the module doc) and returns
 * the tally sealed there; throws {@link SealedTallyError} naming the first rule broken.
 */
export async function checkSealedTally(
  client: ServerClient,
  group: Group,
  electionId: string,
  announced: AnnouncedCheckpoint
): Promise<SealedTally> {
  const board = lines(await client.recordFile(electionId, 'board.jsonl'));
  const checkpoints: { readonly line: string; readonly checkpoint: Checkpoint }[] = [];
  for (const line of lines(await client.recordFile(electionId, 'checkpoints.jsonl'))) {
    const json = parseCanonicalJson(line);
    const parsed = json.ok ? parseCheckpoint(json.value) : json;
    if (parsed.ok) checkpoints.push({ line, checkpoint: parsed.value });
  }
  const found = checkpoints.find((c) => c.checkpoint.size === announced.size);
  const onBoard = found?.checkpoint;
  if (
    found === undefined ||
    onBoard === undefined ||
    onBoard.root !== announced.root ||
    board.length < announced.size
  )
    throw new SealedTallyError(
      'trustee/checkpoint-not-on-board',
      `the board shows no checkpoint ${announced.size}:${announced.root} over a log that long` +
        (onBoard === undefined ? '' : ` (its checkpoint of that size has root ${onBoard.root})`)
    );
  const prefix = board.slice(0, announced.size);
  const nominations = await fetchServedNominations(client, electionId);
  const report = await verifyRecord(
    memoryRecordSource({
      format: await client.recordFile(electionId, 'format.json'),
      board: `${prefix.join('\n')}\n`,
      // The board's checkpoints up to the announced one: V2.6 checks their signatures under the
      // manifest's board key, V2.7 that the prefix has their roots; V8.1 needs them for any share
      // already in the prefix.
      checkpoints: checkpoints
        .filter((c) => c.checkpoint.size <= announced.size)
        .map((c) => `${c.line}\n`)
        .join(''),
      ...(nominations === null
        ? {}
        : { nominations: new TextDecoder('utf-8', { ignoreBOM: true }).decode(nominations) }),
    }),
    { group, runners: workerPoolFactory() }
  );
  const failed = (id: string): boolean =>
    report.checks.some((c) => c.id === id && c.status === 'failed');
  if (failed('V2.6'))
    throw new SealedTallyError(
      'trustee/checkpoint-bad-signature',
      `checkpoint ${announced.size} (or one before it) is not signed by the manifest's board key`
    );
  if (failed('V2.7'))
    throw new SealedTallyError(
      'trustee/checkpoint-root-mismatch',
      `the log the board serves does not have root ${announced.root} at size ${announced.size}: it is not the log the board sealed`
    );
  const facts = prefixFacts(prefix);
  if (facts.tally === undefined || facts.manifest === undefined || facts.baseHash === undefined)
    throw new SealedTallyError(
      'trustee/no-tally-in-checkpoint',
      `the log up to checkpoint ${announced.size} holds no encrypted tally`
    );
  if (!tallyHasManifestShape(facts.manifest, facts.tally))
    throw new SealedTallyError(
      'trustee/tally-wrong-shape',
      'the encrypted tally does not have one aggregate per option of the manifest'
    );
  if (!report.ok)
    throw new SealedTallyError(
      'trustee/record-invalid',
      `the record up to checkpoint ${announced.size} fails verification: ${failedChecks(report).join('; ')}`
    );
  return {
    manifest: facts.manifest,
    tally: facts.tally,
    baseHash: facts.baseHash,
    checkpoint: announced,
  };
}
