/**
 * @module What a trustee checks before it decrypts anything (spec §8.2 "Before decrypting"): the
 * record up to a checkpoint it compared through a second channel (the returning officer announces
 * `<size>:<root>` outside the server). The board's checkpoint of that size must be the announced
 * one, signed by the manifest's board key, over a downloaded log prefix with that Merkle root; the
 * prefix must hold the `encrypted-tally`, have the manifest's shape, and pass the independent
 * verifier (V1–V7). The verifier's own checks do the work (V2.6 signature, V2.7 root, V7 tally);
 * this module only says which refusal a failure means. Nothing is decrypted unless all hold. The
 * judgment is @scrutineer/protocol's (checkSealedTallyRecord), shared with the trustee's page;
 * here the record is fetched and the verifier run on Node's worker threads.
 */
import type { Group } from '@scrutineer/crypto';
import {
  type AnnouncedCheckpoint,
  type SealedTally,
  type SealedTallyErrorCode,
  checkSealedTallyRecord,
  parseAnnouncedCheckpointText,
} from '@scrutineer/protocol';
import { memoryRecordSource, verifyRecord } from '@scrutineer/verifier';
import { workerPoolFactory } from '@scrutineer/verifier/node';
import type { ServerClient } from '../../client/server-client.ts';
import { fetchServedNominations } from '../election/publish-record.ts';

export type { AnnouncedCheckpoint, SealedTally, SealedTallyErrorCode } from '@scrutineer/protocol';

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
  const parsed = parseAnnouncedCheckpointText(value);
  if (!parsed.ok) throw new SealedTallyError(parsed.error.code, parsed.error.message);
  return parsed.value;
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
  const nominations = await fetchServedNominations(client, electionId);
  const checked = await checkSealedTallyRecord(
    {
      format: await client.recordFile(electionId, 'format.json'),
      board: await client.recordFile(electionId, 'board.jsonl'),
      checkpoints: await client.recordFile(electionId, 'checkpoints.jsonl'),
      ...(nominations === null
        ? {}
        : { nominations: new TextDecoder('utf-8', { ignoreBOM: true }).decode(nominations) }),
    },
    announced,
    (prefix) => verifyRecord(memoryRecordSource(prefix), { group, runners: workerPoolFactory() })
  );
  if (!checked.ok) throw new SealedTallyError(checked.error.code, checked.error.message);
  return checked.value;
}
