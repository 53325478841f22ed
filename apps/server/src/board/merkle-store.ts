/**
 * @module Merkle proofs served from the database (spec §10.2.3–§10.2.4). The table `merkle_nodes`
 * holds every perfect aligned subtree of the log; a proof needs O(log n) subtrees, each either
 * such a node or (at the right edge) a short fold of them. The ranges come from the record's
 * `*ProofRanges` functions, the nodes from one query, and the proof from the record's own
 * `inclusionProof`/`consistencyProof` over that {@link SubtreeHashes} — the same code the verifier
 * trusts, fed by storage.
 */
import { bytesToHex } from '@scrutineer/crypto';
import {
  type LeafRange,
  type SubtreeHashes,
  consistencyProof,
  consistencyProofRanges,
  hashChildren,
  inclusionProof,
  inclusionProofRanges,
  isPowerOfTwo,
  splitPoint,
} from '@scrutineer/record';
import { type Queryable, toBytes, toNumber } from '../database/database.ts';

interface NodeKey {
  readonly level: number;
  readonly index: number;
}

/** The perfect aligned subtrees whose fold is MTH(D[start:end]), by RFC 9162's recursion. */
function perfectParts(start: number, end: number, into: NodeKey[]): void {
  const width = end - start;
  if (isPowerOfTwo(width) && start % width === 0) {
    into.push({ level: Math.round(Math.log2(width)), index: start / width });
    return;
  }
  const split = start + splitPoint(width);
  perfectParts(start, split, into);
  perfectParts(split, end, into);
}

/** Loads the nodes that `ranges` need and returns a {@link SubtreeHashes} that answers them. */
export async function loadSubtreeHashes(
  database: Queryable,
  electionId: string,
  ranges: readonly LeafRange[]
): Promise<SubtreeHashes> {
  const keys: NodeKey[] = [];
  for (const range of ranges) perfectParts(range.start, range.end, keys);
  const rows =
    keys.length === 0
      ? []
      : await database.query<{ level: number; node_index: unknown; hash: unknown }>(
          `SELECT m.level, m.node_index, m.hash FROM merkle_nodes m
       JOIN unnest($2::smallint[], $3::bigint[]) AS k(level, node_index) ON m.level = k.level AND m.node_index = k.node_index
      WHERE m.election_id = $1`,
          [electionId, keys.map((k) => k.level), keys.map((k) => k.index)]
        );
  const nodes = new Map<string, Uint8Array>();
  for (const row of rows) nodes.set(`${row.level}:${toNumber(row.node_index)}`, toBytes(row.hash));
  const hashOf = (start: number, end: number): Uint8Array => {
    const width = end - start;
    if (isPowerOfTwo(width) && start % width === 0) {
      const key = `${Math.round(Math.log2(width))}:${start / width}`;
      const node = nodes.get(key);
      if (node === undefined) throw new Error(`merkle node ${key} missing`);
      return node;
    }
    const split = start + splitPoint(width);
    return hashChildren(hashOf(start, split), hashOf(split, end));
  };
  return { subtreeHash: hashOf };
}

/** Spec §10.2.2: the root of the log's first `size` entries. */
export async function rootAt(
  database: Queryable,
  electionId: string,
  size: number
): Promise<string> {
  const hashes = await loadSubtreeHashes(database, electionId, [{ start: 0, end: size }]);
  return bytesToHex(hashes.subtreeHash(0, size));
}

/** Spec §10.2.3: the inclusion proof of entry `position` in the log of `size` entries, hex. */
export async function loadInclusionProof(
  database: Queryable,
  electionId: string,
  position: number,
  size: number
): Promise<string[]> {
  const hashes = await loadSubtreeHashes(
    database,
    electionId,
    inclusionProofRanges(position, size)
  );
  return inclusionProof(hashes, position, size).map(bytesToHex);
}

/** Spec §10.2.4: the consistency proof from `size1` to `size2` entries, hex. */
export async function loadConsistencyProof(
  database: Queryable,
  electionId: string,
  size1: number,
  size2: number
): Promise<string[]> {
  const hashes = await loadSubtreeHashes(
    database,
    electionId,
    consistencyProofRanges(size1, size2)
  );
  return consistencyProof(hashes, size1, size2).map(bytesToHex);
}
