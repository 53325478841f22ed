/**
 * @module The board checks a `decryption-share` before appending it (spec §8.2, §8.4, §9.5, V8.1–
 * V8.2), so it never accepts a share that would make the record fail: the trustee is qualified, the
 * batch covers every option of the tally, the checkpoint it binds is one this board signed and whose
 * log prefix holds the `encrypted-tally`, and every share's proof verifies with that binding
 * against the trustee's verification key. Runs under the head lock (the tally cannot change).
 */
import {
  type DecryptionShare,
  aggregateBindings,
  decodeCiphertext,
  findInvalidDecryptionSharesUnsafe,
  hexToBytes,
} from '@scrutineer/crypto';
import { type EventBody, decodeDecryptionBody, parseCanonicalJson } from '@scrutineer/record';
import { checkpointAt } from '../board/checkpoints.ts';
import { type Queryable, toNumber } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';

async function lastEvent<T extends 'encrypted-tally' | 'election-key' | 'election-open'>(
  transaction: Queryable,
  electionId: string,
  type: T
): Promise<{ position: number; body: EventBody<T> } | null> {
  const rows = await transaction.query<{ line: string; position: unknown }>(
    'SELECT line, position FROM events WHERE election_id = $1 AND type = $2 ORDER BY position DESC LIMIT 1',
    [electionId, type]
  );
  const row = rows[0];
  if (row === undefined) return null;
  const json = parseCanonicalJson(row.line);
  if (!json.ok) throw new Error(`stored ${type} is not canonical`);
  return { position: toNumber(row.position), body: (json.value as { body: EventBody<T> }).body };
}

/** Throws a `trustee/…` ServiceError naming the rule a decryption share breaks; returns if none. */
export async function checkDecryptionShare(
  context: ServiceContext,
  transaction: Queryable,
  electionId: string,
  body: EventBody<'decryption-share'>
): Promise<void> {
  const { group } = context;
  const tally = await lastEvent(transaction, electionId, 'encrypted-tally');
  const key = await lastEvent(transaction, electionId, 'election-key');
  const open = await lastEvent(transaction, electionId, 'election-open');
  if (tally === null || key === null || open === null)
    throw new ServiceError('election/wrong-stage', 'decryption shares follow the encrypted tally');
  if (!key.body.qualified.includes(body.trustee)) throw new ServiceError('trustee/not-qualified');
  // Spec §8.2: the bound checkpoint is one this board signed, and its prefix holds the tally.
  const signed = await checkpointAt(transaction, electionId, body.checkpoint.size);
  if (signed === null || signed.root !== body.checkpoint.root)
    throw new ServiceError(
      'trustee/unknown-checkpoint',
      `This board signed no checkpoint ${body.checkpoint.size}:${body.checkpoint.root}.`
    );
  if (body.checkpoint.size <= tally.position)
    throw new ServiceError(
      'trustee/checkpoint-before-tally',
      `Checkpoint ${body.checkpoint.size} ends before the encrypted tally (position ${tally.position}).`
    );
  const shape = tally.body.contests.map((c) => c.options.length);
  const covers =
    body.contests.length === shape.length &&
    shape.every((count, c) => body.contests[c]?.options.length === count);
  if (!covers) throw new ServiceError('trustee/wrong-share-count');
  let shares: DecryptionShare[];
  try {
    shares = decodeDecryptionBody(group, body);
  } catch (error) {
    throw new ServiceError('trustee/invalid-share-proof', (error as Error).message);
  }
  const targets = tally.body.contests.flatMap((contest, c) =>
    contest.options.map((hex, j) => ({
      ciphertext: decodeCiphertext(group, hexToBytes(hex), { allowIdentity: true }),
      bindings: aggregateBindings(c, j),
    }))
  );
  const verificationKey = key.body.verificationKeys[body.trustee - 1];
  if (verificationKey === undefined) throw new ServiceError('trustee/not-qualified');
  const invalid = findInvalidDecryptionSharesUnsafe(
    group,
    hexToBytes(open.body.baseHash),
    group.decodePoint(hexToBytes(verificationKey)),
    targets,
    shares
  );
  if (invalid.length > 0)
    throw new ServiceError(
      'trustee/invalid-share-proof',
      `The proofs of ${invalid.length} share(s) fail (targets ${invalid.join(', ')}), for checkpoint ${body.checkpoint.size}:${body.checkpoint.root}.`
    );
}
