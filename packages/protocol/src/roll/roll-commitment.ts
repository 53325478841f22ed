/**
 * @module The roll commitment (spec §9.2.5): the manifest publishes `{count, root}`, the number of
 * eligible members and the RFC 9162 Merkle root over one salted leaf per member, so the record
 * never names a member; each member's pack carries the salt, the leaf index and the inclusion
 * proof, with which the member (or an auditor holding a sample of packs) checks they are counted.
 *
 * Spec §9.2.5 eq. (9.0): leaf value ℓ = SHA-256(frame(utf8("scrutineer/v1/roll-leaf")) ‖
 * frame(salt) ‖ frame(utf8(member id))), salt 32 bytes from the CSPRNG per member. The tree's
 * leaves are the values ℓ in increasing byte order (so the order says nothing about the members),
 * hashed as RFC 9162 leaves: SHA-256(0x00 ‖ ℓ).
 */
import {
  bytesToHex,
  frameParts,
  hexToBytes,
  randomBytes,
  sha256,
  utf8,
  RecordTag,
} from '@scrutineer/crypto';
import { EMPTY_TREE_ROOT, hashChildren, hashLeaf, verifyInclusion } from '@scrutineer/record';
import { MEMBER_ID_PATTERN } from './member.ts';

export const ROLL_LEAF_TAG = RecordTag.rollLeaf;
export const ROLL_SALT_BYTES = 32;

/** What the manifest publishes (spec §9.2 `roll`). */
export interface RollCommitment {
  readonly count: number;
  /** Lower-case hex of the Merkle root. */
  readonly root: string;
}

/** What one member's pack carries to check they are counted (hex, lower case). */
export interface RollInclusion {
  readonly memberId: string;
  readonly salt: string;
  readonly index: number;
  readonly proof: readonly string[];
}

/** Spec §9.2.5 eq. (9.0): the leaf value ℓ of a member. */
export function rollLeaf(salt: Uint8Array, memberId: string): Uint8Array {
  if (salt.length !== ROLL_SALT_BYTES) {
    throw new RangeError(
      `roll/wrong-salt-length: a salt is ${ROLL_SALT_BYTES} bytes, got ${salt.length}`
    );
  }
  return sha256(frameParts([utf8(ROLL_LEAF_TAG), salt, utf8(memberId)]));
}

/**
 * Commits to `memberIds` (the eligible members; ids unique) with fresh salts: the public
 * commitment and every member's inclusion reference, in the order of `memberIds`. `salts` is for
 * tests and for re-deriving a commitment from stored salts; production calls draw them here.
 */
export function commitRoll(
  memberIds: readonly string[],
  salts?: readonly Uint8Array[]
): { readonly commitment: RollCommitment; readonly inclusions: RollInclusion[] } {
  if (new Set(memberIds).size !== memberIds.length)
    throw new RangeError('roll/duplicate-member-id');
  if (salts !== undefined && salts.length !== memberIds.length)
    throw new RangeError('roll/salt-count');
  // One CSPRNG call for all salts: getRandomValues costs microseconds a call, not a byte.
  const fresh = salts === undefined ? randomBytes(ROLL_SALT_BYTES * memberIds.length) : undefined;
  const leaves = memberIds.map((memberId, i) => {
    const salt =
      salts?.[i] ?? (fresh as Uint8Array).subarray(ROLL_SALT_BYTES * i, ROLL_SALT_BYTES * (i + 1));
    const value = rollLeaf(salt, memberId);
    return { memberId, salt, value, order: bytesToHex(value) };
  });
  // Increasing byte order of ℓ is increasing order of its lower-case hex.
  const ordered = [...leaves].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const levels = treeLevels(ordered.map((leaf) => hashLeaf(leaf.value)));
  const indexOf = new Map(ordered.map((leaf, index) => [leaf, index]));
  const inclusions = leaves.map((leaf) => {
    const index = indexOf.get(leaf) as number;
    return {
      memberId: leaf.memberId,
      salt: bytesToHex(leaf.salt),
      index,
      proof: proofFromLevels(levels, index),
    };
  });
  const top = levels[levels.length - 1] as string[];
  return {
    commitment: { count: ordered.length, root: top[0] ?? bytesToHex(EMPTY_TREE_ROOT) },
    inclusions,
  };
}

/**
 * Every level of the RFC 9162 tree, leaves first, as hex: pair nodes left to right and carry a
 * lone last node up unchanged. This builds exactly the tree of RFC 9162 §2.1.1 (split at the
 * largest power of two below n) bottom-up, and gives all n proofs in O(n log n) in total; each
 * node's hex is made once and shared by every proof that contains it.
 */
function treeLevels(leafHashes: readonly Uint8Array[]): string[][] {
  const levels = [leafHashes.map(bytesToHex)];
  let level = leafHashes;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(hashChildren(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    levels.push(next.map(bytesToHex));
    level = next;
  }
  return levels;
}

/** RFC 9162 §2.1.3.1 PATH(index), leaf to root: the sibling at each level that has one. */
function proofFromLevels(levels: readonly string[][], index: number): string[] {
  const proof: string[] = [];
  let position = index;
  for (let depth = 0; depth < levels.length - 1; depth++) {
    const level = levels[depth] as string[];
    const sibling = position % 2 === 1 ? position - 1 : position + 1;
    if (sibling < level.length) proof.push(level[sibling] as string);
    position = Math.floor(position / 2);
  }
  return proof;
}

/** Why a roll check failed. */
export type RollCheckFailure = 'roll/malformed-reference' | 'roll/not-included';

/**
 * Spec §9.2.5: whether the member `memberId` with `salt` is leaf `index` of the committed roll,
 * through `proof`, under the published `{count, root}`: recompute ℓ, then the RFC 9162 inclusion
 * check (spec §10.2.3). A wrong salt, id, index or proof, or another roll's root, all fail.
 */
export function checkRollInclusion(
  commitment: RollCommitment,
  inclusion: RollInclusion
):
  | { readonly ok: true }
  | { readonly ok: false; readonly code: RollCheckFailure; readonly message: string } {
  const hex32 = /^[0-9a-f]{64}$/;
  const wellFormed =
    Number.isSafeInteger(commitment.count) &&
    commitment.count > 0 &&
    hex32.test(commitment.root) &&
    hex32.test(inclusion.salt) &&
    MEMBER_ID_PATTERN.test(inclusion.memberId) &&
    Number.isSafeInteger(inclusion.index) &&
    inclusion.proof.every((p) => hex32.test(p));
  if (!wellFormed) {
    return {
      ok: false,
      code: 'roll/malformed-reference',
      message: 'the count, root, salt, index, member id or proof is malformed',
    };
  }
  const leaf = rollLeaf(hexToBytes(inclusion.salt), inclusion.memberId);
  const included = verifyInclusion(
    hashLeaf(leaf),
    inclusion.index,
    commitment.count,
    inclusion.proof.map(hexToBytes),
    hexToBytes(commitment.root)
  );
  return included
    ? { ok: true }
    : {
        ok: false,
        code: 'roll/not-included',
        message: `member ${inclusion.memberId} with this salt is not leaf ${inclusion.index} of the roll of ${commitment.count} with root ${commitment.root}`,
      };
}

/** Whether two commitments are the same (count and root). */
export function sameCommitment(a: RollCommitment, b: RollCommitment): boolean {
  return a.count === b.count && a.root.toLowerCase() === b.root.toLowerCase();
}
