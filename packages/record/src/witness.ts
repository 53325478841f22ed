/**
 * @module Witnesses (spec §10.6): independent observers that co-sign the board's checkpoints after
 * checking that each extends the last one they co-signed, as Certificate Transparency's witnesses
 * do. A board that shows two logs to two audiences can get at most one of them co-signed by an
 * honest witness; two checkpoints signed by the board key that disagree are public proof of it.
 */
import {
  type Group,
  bytesToHex,
  encodeU64,
  frameParts,
  hexToBytes,
  sha256,
  utf8,
  RecordTag,
} from '@scrutineer/crypto';
import { z } from 'zod';
import { hexBytes, recordErrorFromZod } from './hex.ts';
import type { Manifest } from './manifest.ts';
import { manifestHash } from './setup-hashes.ts';
import { type RecordError, type Result, err, ok, recordError } from './result.ts';
import {
  type Checkpoint,
  checkpointMessage,
  checkpointSchema,
  signStatement,
  verifyStatement,
} from './signed-statements.ts';

/** Spec §10.6.2: one line of `cosignatures.jsonl`, a witness's signature over a checkpoint's size and root. */
export const cosignatureSchema = z.strictObject({
  size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  root: hexBytes(32),
  /** The witness's public key, as the manifest names it (`witnesses.members[].publicKey`). */
  witness: hexBytes(32),
  signature: hexBytes(64),
});

export type Cosignature = z.infer<typeof cosignatureSchema>;

/** Spec §10.6.2: parses an untrusted value as a co-signature (signature not checked here). */
export function parseCosignature(value: unknown): Result<Cosignature, RecordError> {
  const parsed = cosignatureSchema.safeParse(value);
  return parsed.success
    ? ok(parsed.data)
    : err(recordErrorFromZod(parsed.error, 'record/invalid-cosignature'));
}

/**
 * Spec §10.6.1: the witness statement. It names the election and the log's size and root, not the
 * board's time: a witness vouches for the log's contents, and one log has one root per size.
 */
export function witnessMessage(
  electionId: string,
  checkpoint: Pick<Checkpoint, 'size' | 'root'>
): Uint8Array {
  return sha256(
    frameParts([
      utf8(RecordTag.witnessCosignature),
      utf8(electionId),
      encodeU64(checkpoint.size),
      hexToBytes(checkpoint.root),
    ])
  );
}

/** A witness co-signs a checkpoint it has checked (spec §10.6.1). */
export function cosignCheckpoint(
  group: Group,
  manifest: Manifest,
  witnessSecretKey: bigint,
  checkpoint: Pick<Checkpoint, 'size' | 'root'>
): Cosignature {
  const witness = bytesToHex(group.encodePoint(group.multiplyBase(witnessSecretKey)));
  const signature = signStatement(
    group,
    manifestHash(manifest),
    witnessSecretKey,
    witnessMessage(manifest.electionId, checkpoint)
  );
  return { size: checkpoint.size, root: checkpoint.root, witness, signature };
}

/** Why a co-signature is not one the record can count (spec §10.6.2), or null when it is. */
export function cosignatureFault(
  group: Group,
  manifest: Manifest,
  cosignature: Cosignature
): string | null {
  const named = manifest.witnesses?.members.some((m) => m.publicKey === cosignature.witness);
  if (named !== true) return `witness ${cosignature.witness.slice(0, 16)}… is not in the manifest`;
  let key;
  try {
    key = group.decodePoint(hexToBytes(cosignature.witness));
  } catch {
    return 'the witness key is not a valid point';
  }
  const good = verifyStatement(
    group,
    manifestHash(manifest),
    key,
    witnessMessage(manifest.electionId, cosignature),
    cosignature.signature
  );
  return good ? null : 'bad witness signature';
}

/**
 * Spec §10.6.3: whether the valid co-signatures of the checkpoint (size, root) reach the
 * manifest's quorum, counting each named witness once. False when the manifest names no witnesses.
 */
export function hasQuorum(
  group: Group,
  manifest: Manifest,
  checkpoint: Pick<Checkpoint, 'size' | 'root'>,
  cosignatures: readonly Cosignature[]
): boolean {
  const witnesses = manifest.witnesses;
  if (witnesses === undefined) return false;
  const signers = new Set(
    cosignatures
      .filter((c) => c.size === checkpoint.size && c.root === checkpoint.root)
      .filter((c) => cosignatureFault(group, manifest, c) === null)
      .map((c) => c.witness)
  );
  return signers.size >= witnesses.quorum;
}

/** Spec §10.6.4: a witness's evidence that the board signed two different logs of one size. */
export const forkEvidenceSchema = z.strictObject({
  kind: z.literal(RecordTag.forkEvidence),
  electionId: z.string().min(1).max(64),
  manifestHash: hexBytes(32),
  boardPublicKey: hexBytes(32),
  first: checkpointSchema,
  second: checkpointSchema,
});

export type ForkEvidence = z.infer<typeof forkEvidenceSchema>;

/**
 * Spec §10.6.4: checks fork evidence on its own: both checkpoints carry valid signatures of the
 * named board key (with the named manifest hash in the base-hash slot) and state one size with two
 * roots. Whoever checks it compares `manifestHash` with the fingerprint of the election they know.
 */
export function checkForkEvidence(group: Group, value: unknown): Result<ForkEvidence, RecordError> {
  const parsed = forkEvidenceSchema.safeParse(value);
  if (!parsed.success) return err(recordErrorFromZod(parsed.error, 'record/invalid-evidence'));
  const evidence = parsed.data;
  if (evidence.first.size !== evidence.second.size)
    return err(recordError('record/evidence-sizes-differ', 'the two checkpoints differ in size'));
  if (evidence.first.root === evidence.second.root)
    return err(recordError('record/evidence-same-root', 'the two checkpoints state one root'));
  let key;
  try {
    key = group.decodePoint(hexToBytes(evidence.boardPublicKey));
  } catch {
    return err(recordError('record/evidence-bad-key', 'the board key is not a valid point'));
  }
  for (const name of ['first', 'second'] as const) {
    const { signature, ...unsigned } = evidence[name];
    const message = checkpointMessage(evidence.electionId, unsigned);
    if (!verifyStatement(group, evidence.manifestHash, key, message, signature))
      return err(
        recordError('record/evidence-bad-signature', `the ${name} checkpoint's signature is bad`)
      );
  }
  return ok(evidence);
}
