/**
 * @module The board page's own checks, done on this device rather than taken from the server
 * (spec §10.2–§10.3): checkpoint signatures against the manifest's board key (the manifest itself
 * checked against its published hash), a ballot's inclusion proof recomputed from the event line
 * to a signed checkpoint's root, and consistency proofs between two signed checkpoints. Loaded
 * on demand (it brings the noble group) so the booth's script stays small.
 */
import { hexToBytes, nobleGroup } from '@scrutineer/crypto';
import {
  type Checkpoint,
  checkpointMessage,
  hashLeaf,
  manifestHash,
  verifyConsistency,
  verifyInclusion,
  verifyStatement,
} from '@scrutineer/record';
import { ApiError, api } from '../api.ts';
import { ElectionCheckError } from '../election-check.ts';

/** Checkpoints are few (one every few minutes); the board page reads up to this many. */
const MAX_CHECKPOINTS = 1000;

export interface VerifiedCheckpoint extends Checkpoint {
  /** The board's signature on it verifies under the manifest's board key. */
  readonly valid: boolean;
}

export type InclusionOutcome =
  | { readonly kind: 'signed' | 'unsigned'; readonly position: number; readonly size: number }
  | { readonly kind: 'bad' | 'not-found' | 'failed' };

export type ConsistencyOutcome = { readonly kind: 'ok' | 'bad' | 'failed' | 'order' };

/** Signed checkpoints in increasing size, each with its signature checked here. */
export async function loadCheckpoints(electionId: string): Promise<VerifiedCheckpoint[]> {
  const [summary, manifest, list] = await Promise.all([
    api.summary(electionId),
    api.manifest(electionId),
    api.checkpoints(electionId, 0, MAX_CHECKPOINTS),
  ]);
  const hash = manifestHash(manifest);
  if (hash !== summary.manifestHash || manifest.electionId !== electionId)
    throw new ElectionCheckError('manifest-mismatch');
  const boardKey = nobleGroup.decodePoint(hexToBytes(manifest.board.publicKey));
  return list.checkpoints.map((checkpoint) => {
    const { signature, ...unsigned } = checkpoint;
    const message = checkpointMessage(electionId, unsigned);
    return {
      ...checkpoint,
      valid: verifyStatement(nobleGroup, hash, boardKey, message, signature),
    };
  });
}

/**
 * Spec §10.2.3: the ballot with `tracker` is in the log. The leaf hash is recomputed from the
 * event line (which must be that ballot), and the proof must lead to a signed checkpoint's root
 * when one covers it, else to the board's current root (reported as unsigned).
 */
export async function checkInclusion(
  electionId: string,
  tracker: string,
  checkpoints: readonly VerifiedCheckpoint[]
): Promise<InclusionOutcome> {
  try {
    const { position } = await api.tracker(electionId, tracker);
    const [{ line }, proof] = await Promise.all([
      api.event(electionId, position),
      api.inclusion(electionId, position),
    ]);
    const event = JSON.parse(line) as { position?: unknown; body?: { tracker?: unknown } };
    if (event.position !== position || event.body?.tracker !== tracker) return { kind: 'bad' };
    const leaf = hashLeaf(new TextEncoder().encode(line));
    const signed = checkpoints.find((c) => c.valid && c.size === proof.size);
    const root = hexToBytes(signed?.root ?? proof.root);
    const hashes = proof.proof.map((hex) => hexToBytes(hex));
    if (!verifyInclusion(leaf, position, proof.size, hashes, root)) return { kind: 'bad' };
    return { kind: signed === undefined ? 'unsigned' : 'signed', position, size: proof.size };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: 'not-found' };
    return { kind: 'failed' };
  }
}

/** Spec §10.2.4: the signed checkpoint `to` extends the signed checkpoint `from`. */
export async function checkConsistency(
  electionId: string,
  from: VerifiedCheckpoint,
  to: VerifiedCheckpoint
): Promise<ConsistencyOutcome> {
  if (from.size >= to.size) return { kind: 'order' };
  if (!from.valid || !to.valid) return { kind: 'bad' };
  try {
    const proof = await api.consistency(electionId, from.size, to.size);
    const hashes = proof.proof.map((hex) => hexToBytes(hex));
    const ok = verifyConsistency(
      from.size,
      to.size,
      hexToBytes(from.root),
      hexToBytes(to.root),
      hashes
    );
    return { kind: ok ? 'ok' : 'bad' };
  } catch {
    return { kind: 'failed' };
  }
}
