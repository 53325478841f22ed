/**
 * @module One round of a witness (spec §10.6.1): fetch the board's latest checkpoint, check its
 * board signature, check that it extends the last checkpoint this witness co-signed (a consistency
 * proof, §10.2.4), store it, then co-sign and publish. A board that signed two logs of one size
 * is caught here and its two checkpoints kept as fork evidence (§10.6.4).
 */
import { type Group, RecordTag, hexToBytes } from '@scrutineer/crypto';
import {
  type Checkpoint,
  type Cosignature,
  type ForkEvidence,
  type Manifest,
  checkpointMessage,
  cosignCheckpoint,
  manifestHash,
  verifyConsistency,
  verifyStatement,
} from '@scrutineer/record';
import { ApiError, type ServerClient } from '../../client/server-client.ts';

/** What a witness remembers between rounds: the election it pinned and its last co-signed checkpoint. */
export interface WitnessState {
  readonly electionId: string;
  readonly manifestHash: string;
  readonly last: Checkpoint | null;
}

export type WitnessOutcome =
  | { readonly kind: 'no-checkpoint' }
  | { readonly kind: 'cosigned'; readonly cosignature: Cosignature; readonly state: WitnessState }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'fork'; readonly evidence: ForkEvidence };

export interface WitnessRound {
  readonly client: ServerClient;
  readonly group: Group;
  readonly manifest: Manifest;
  readonly secretKey: bigint;
  readonly state: WitnessState;
  /** Stores the state before the co-signature leaves (spec §10.6.1 step 3). */
  readonly save: (state: WitnessState) => void;
}

function boardSigned(group: Group, manifest: Manifest, checkpoint: Checkpoint): boolean {
  const { signature, ...unsigned } = checkpoint;
  return verifyStatement(
    group,
    manifestHash(manifest),
    group.decodePoint(hexToBytes(manifest.board.publicKey)),
    checkpointMessage(manifest.electionId, unsigned),
    signature
  );
}

function evidence(manifest: Manifest, first: Checkpoint, second: Checkpoint): ForkEvidence {
  return {
    kind: RecordTag.forkEvidence,
    electionId: manifest.electionId,
    manifestHash: manifestHash(manifest),
    boardPublicKey: manifest.board.publicKey,
    first,
    second,
  };
}

async function latestCheckpoint(
  client: ServerClient,
  electionId: string
): Promise<Checkpoint | null> {
  try {
    return await client.call('latestCheckpoint', { params: { electionId } });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'board/no-checkpoint') return null;
    throw error;
  }
}

/**
 * The board's own checkpoint at `size`, if it serves one: after a failed consistency proof, the
 * witness asks for it, and a signed one with another root than the co-signed one is a fork.
 */
async function boardCheckpointAt(
  client: ServerClient,
  electionId: string,
  size: number
): Promise<Checkpoint | null> {
  const page = await client.call('checkpoints', {
    params: { electionId },
    query: { from: size, limit: 1 },
  });
  const first = page.checkpoints[0];
  return first !== undefined && first.size === size ? first : null;
}

/** Spec §10.6.1: does `next` extend `last`, by the board's consistency proof? */
async function extendsLast(
  client: ServerClient,
  electionId: string,
  last: Checkpoint,
  next: Checkpoint
): Promise<boolean> {
  if (next.size === last.size) return next.root === last.root;
  const answer = await client.call('consistencyProof', {
    params: { electionId },
    query: { from: last.size, to: next.size },
  });
  const proof = answer.proof;
  if (
    !Array.isArray(proof) ||
    proof.some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))
  )
    return false;
  // The roots are the two signed checkpoints', never the ones the answer states.
  return verifyConsistency(
    last.size,
    next.size,
    hexToBytes(last.root),
    hexToBytes(next.root),
    proof.map((h: string) => hexToBytes(h))
  );
}

/** One round: see the latest checkpoint and co-sign it, refuse it, or catch a fork. */
export async function witnessRound(round: WitnessRound): Promise<WitnessOutcome> {
  const { client, group, manifest, state } = round;
  const electionId = manifest.electionId;
  const next = await latestCheckpoint(client, electionId);
  if (next === null) return { kind: 'no-checkpoint' };
  if (!boardSigned(group, manifest, next))
    return { kind: 'refused', reason: `checkpoint at size ${next.size}: bad board signature` };
  const last = state.last;
  if (last !== null) {
    if (next.size < last.size)
      return {
        kind: 'refused',
        reason: `the board's latest checkpoint (${next.size}) is older than the one co-signed (${last.size})`,
      };
    if (!(await extendsLast(client, electionId, last, next))) {
      if (next.size === last.size)
        return { kind: 'fork', evidence: evidence(manifest, last, next) };
      const atLast = await boardCheckpointAt(client, electionId, last.size);
      if (atLast !== null && atLast.root !== last.root && boardSigned(group, manifest, atLast))
        return { kind: 'fork', evidence: evidence(manifest, last, atLast) };
      return {
        kind: 'refused',
        reason: `no valid consistency proof from size ${last.size} to ${next.size}`,
      };
    }
  }
  const nextState: WitnessState = { ...state, last: next };
  round.save(nextState);
  const cosignature = cosignCheckpoint(group, manifest, round.secretKey, next);
  await client.call('postCosignature', { params: { electionId }, body: cosignature });
  return { kind: 'cosigned', cosignature, state: nextState };
}
