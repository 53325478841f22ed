/**
 * @module Per-ballot threshold decryption of the last mix's output (spec §11.6): the targets of
 * round p are position p of every row not yet stopped, each bound to (contest, row, position), so
 * that a share is valid for one position of one shuffled ballot only. Positions after a row's STOP
 * are never decrypted: the unranked tail stays secret. Shares and their checks are those of §8.2
 * (decryption-share.ts), batch-verified as there.
 */
import { bytesToHex, encodeU64, utf8 } from '../bytes.ts';
import type { Ciphertext } from '../elgamal.ts';
import type { Group, Point } from '../group.ts';
import type { DecryptionTarget } from '../threshold/decryption-share.ts';
import type { CiphertextRow } from './shuffle.ts';
import { RANKING_STOP } from './ranked-ballot.ts';

/** Spec §11.6 eq. (11.11): bindings (utf8 "ranked", u64le contest, u64le row, u64le position). */
export function rankedPositionBindings(
  contest: number,
  row: number,
  position: number
): Uint8Array[] {
  return [utf8('ranked'), encodeU64(contest), encodeU64(row), encodeU64(position)];
}

/** One position of one row to decrypt. */
export interface RankedTarget extends DecryptionTarget {
  readonly row: number;
  readonly position: number;
}

/**
 * Spec §11.6: the targets of round `position` (0-based): that position of every row whose decrypted
 * prefix so far has no STOP. `prefixes[row]` holds the values decrypted in earlier rounds.
 */
export function rankedRoundTargets(
  contest: number,
  rows: readonly CiphertextRow[],
  prefixes: readonly (readonly number[])[],
  position: number
): RankedTarget[] {
  return rankedRoundTargetsOf(contest, rows.length, (r) => rows[r]?.[position], prefixes, position);
}

/**
 * {@link rankedRoundTargets} over `rowCount` rows read by `ciphertextAt(row)` (position `position`
 * of that row): for a verifier that keeps the rows packed and takes out only the targets.
 */
export function rankedRoundTargetsOf(
  contest: number,
  rowCount: number,
  ciphertextAt: (row: number) => Ciphertext | undefined,
  prefixes: readonly (readonly number[])[],
  position: number
): RankedTarget[] {
  const targets: RankedTarget[] = [];
  for (let r = 0; r < rowCount; r++) {
    const prefix = prefixes[r] ?? [];
    if (prefix.length !== position || prefix.includes(RANKING_STOP)) continue;
    const ciphertext = ciphertextAt(r);
    if (ciphertext === undefined) continue;
    targets.push({
      row: r,
      position,
      ciphertext,
      bindings: rankedPositionBindings(contest, r, position),
    });
  }
  return targets;
}

/**
 * The value m ∈ [0, n] with M = m·(d·G), by lookup in a table of n + 1 points (spec §11.6: a ranked
 * plaintext is at most n, so no baby-step giant-step is needed), or null when none. d is the scale
 * of a combination by (8.6) (1 for (8.3)): since d is invertible mod ℓ, d·M = m·d·G iff M = m·G.
 */
export function rankedPlaintextLookup(
  group: Group,
  candidates: number,
  scale = 1n
): (point: Point) => number | null {
  const table = new Map<string, number>();
  const step = scale === 1n ? group.generator : group.multiplyBase(scale);
  let point = group.identity;
  for (let m = 0; m <= candidates; m++) {
    table.set(bytesToHex(group.encodePoint(point)), m);
    point = group.add(point, step);
  }
  return (p) => table.get(bytesToHex(group.encodePoint(p))) ?? null;
}
