/**
 * @module When a client may call a ballot "confirmed" (spec §10.6.3): its line is included, at the
 * receipt's position, in a checkpoint the board signed and a quorum of the manifest's witnesses
 * co-signed. A board that showed this voter a log of its own can sign it, but no honest witness
 * co-signs it, so the voter's booth never says "confirmed".
 */
import { type Group, bytesToHex, hexToBytes, sha256, utf8 } from '@scrutineer/crypto';
import { parseCanonicalJson } from './canonical-json.ts';
import type { Manifest } from './manifest.ts';
import { hashLeaf } from './merkle-log.ts';
import { verifyInclusion } from './merkle-inclusion.ts';
import { manifestHash } from './setup-hashes.ts';
import {
  type Checkpoint,
  type Receipt,
  checkpointMessage,
  verifyStatement,
} from './signed-statements.ts';
import { type Cosignature, hasQuorum } from './witness.ts';

/** What a client fetched to confirm a receipt: a checkpoint, the ballot's line and its inclusion proof. */
export interface ConfirmationEvidence {
  readonly checkpoint: Checkpoint;
  /** The canonical line at the receipt's position. */
  readonly line: string;
  /** The inclusion proof (§10.2.3) of that line in the checkpoint's log, hex hashes. */
  readonly proof: readonly string[];
  /** The co-signatures the board publishes for the checkpoint's size. */
  readonly cosignatures: readonly Cosignature[];
}

export type Confirmation =
  | 'confirmed'
  /** The manifest names no witnesses: a ballot is never shown confirmed (§10.6.3). */
  | 'no-witnesses'
  /** The checkpoint is not the board's, or does not cover the position. */
  | 'bad-checkpoint'
  /** The line is not this receipt's ballot, or the proof does not lead to the checkpoint's root. */
  | 'not-included'
  /** Included in a checkpoint the board signed, which a quorum of witnesses has not co-signed. */
  | 'not-witnessed';

/** Spec §10.6.3: whether `evidence` confirms the ballot of `receipt` (checked in this order). */
export function confirmReceipt(
  group: Group,
  manifest: Manifest,
  receipt: Receipt,
  evidence: ConfirmationEvidence
): Confirmation {
  if (manifest.witnesses === undefined) return 'no-witnesses';
  const { checkpoint, line } = evidence;
  const { signature, ...unsigned } = checkpoint;
  const boardSigned = verifyStatement(
    group,
    manifestHash(manifest),
    group.decodePoint(hexToBytes(manifest.board.publicKey)),
    checkpointMessage(manifest.electionId, unsigned),
    signature
  );
  if (!boardSigned || checkpoint.size <= receipt.position) return 'bad-checkpoint';
  const parsed = parseCanonicalJson(line);
  const event = (parsed.ok ? parsed.value : null) as {
    type?: unknown;
    position?: unknown;
    body?: { tracker?: unknown };
  } | null;
  const bytes = utf8(line);
  const hashes = evidence.proof.map((h) => hexToBytes(h));
  const included =
    event?.type === 'ballot-cast' &&
    event.position === receipt.position &&
    event.body?.tracker === receipt.tracker &&
    bytesToHex(sha256(bytes)) === receipt.eventHash &&
    hashes.every((h) => h.length === 32) &&
    verifyInclusion(
      hashLeaf(bytes),
      receipt.position,
      checkpoint.size,
      hashes,
      hexToBytes(checkpoint.root)
    );
  if (!included) return 'not-included';
  return hasQuorum(group, manifest, checkpoint, evidence.cosignatures)
    ? 'confirmed'
    : 'not-witnessed';
}

/** The board reads a confirmation needs; nothing they return is trusted. */
export interface ConfirmationReads {
  inclusion(position: number): Promise<{ size: number; proof: readonly string[] }>;
  checkpoint(size: number): Promise<Checkpoint | undefined>;
  line(position: number): Promise<string>;
  cosignatures(size: number): Promise<readonly Cosignature[]>;
}

/**
 * Spec §10.6.3 with the reads injected (the booth's API client, the CLI's, a test's): the inclusion
 * proof to the latest checkpoint that covers the receipt's position, that checkpoint, the line and
 * the co-signatures, then {@link confirmReceipt}. 'pending': no checkpoint covers the ballot yet
 * (the board signs one within minutes).
 */
export async function checkConfirmation(
  group: Group,
  manifest: Manifest,
  receipt: Receipt,
  reads: ConfirmationReads
): Promise<Confirmation | 'pending'> {
  if (manifest.witnesses === undefined) return 'no-witnesses';
  const inclusion = await reads.inclusion(receipt.position);
  const checkpoint = await reads.checkpoint(inclusion.size);
  if (checkpoint?.size !== inclusion.size) return 'pending';
  const [line, cosignatures] = await Promise.all([
    reads.line(receipt.position),
    reads.cosignatures(inclusion.size),
  ]);
  return confirmReceipt(group, manifest, receipt, {
    checkpoint,
    line,
    proof: inclusion.proof,
    cosignatures,
  });
}
