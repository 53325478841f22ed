/**
 * @module Decrypting the last mix's output position by position (spec §11.6): in round p each of
 * k trustees posts a share of position p of every row not yet stopped; the shares are combined and
 * each value looked up among 0 … n. Rounds continue until every row has reached its STOP, so the
 * unranked tail of a ballot is never decrypted by anyone.
 */
import {
  type CiphertextRow,
  type DecryptionCheckpoint,
  type DecryptionFault,
  type DecryptionShare,
  type Group,
  type Point,
  type RankedTarget,
  RANKING_STOP,
  bytesToHex,
  combineDecryptionsUnsafe,
  createDecryptionShares,
  encodeDecryptionShare,
  packPoints,
  rankedPlaintextLookup,
  rankedRoundTargets,
  unpackPoints,
  rankingFromPrefix,
} from '@scrutineer/crypto';

export interface RankedRound {
  readonly contest: number;
  /** The last mix's output rows. */
  readonly rows: readonly CiphertextRow[];
  /** What earlier rounds decrypted, one prefix per row. */
  readonly prefixes: readonly (readonly number[])[];
  /** 0-based position this round decrypts. */
  readonly position: number;
}

/** The round's targets (spec §11.6): shares are made and checked in this order. */
export function roundTargets(round: RankedRound): RankedTarget[] {
  return rankedRoundTargets(round.contest, round.rows, round.prefixes, round.position);
}

/** Spec §11.6, trustee l: its shares of this round's targets, each with a §8.2 proof. */
export function trusteeRankedShares(
  group: Group,
  baseHash: Uint8Array,
  trustee: {
    readonly trustee: number;
    readonly secretShare: bigint;
    readonly checkpoint: DecryptionCheckpoint;
  },
  round: RankedRound
): DecryptionShare[] {
  return createDecryptionShares(group, baseHash, trustee, roundTargets(round));
}

/**
 * Trustee l's share work for a slice of a round's targets as it crosses to a worker thread: the
 * targets' α, β packed (crypto `packPoints`) and their bindings beside them.
 */
export interface ShareSlice {
  readonly baseHash: Uint8Array;
  readonly trustee: number;
  readonly secretShare: bigint;
  readonly checkpoint: DecryptionCheckpoint;
  readonly ciphertexts: Uint8Array;
  readonly bindings: readonly (readonly Uint8Array[])[];
}

/** The α, β of `targets`, packed for a {@link ShareSlice}. */
export function packTargetCiphertexts(group: Group, targets: readonly RankedTarget[]): Uint8Array {
  return packPoints(
    group,
    targets.flatMap((t) => [t.ciphertext.alpha, t.ciphertext.beta])
  );
}

/**
 * A slice's shares (spec §8.2) on a worker thread, §8.7 D1 in hex, in target order: the same
 * `createDecryptionShares` a single thread runs ({@link trusteeRankedShares}).
 */
export function shareSliceHex(group: Group, slice: ShareSlice): string[] {
  const points = unpackPoints(group, slice.ciphertexts);
  const targets = slice.bindings.map((bindings, t) => ({
    ciphertext: { alpha: points[2 * t] as Point, beta: points[2 * t + 1] as Point },
    bindings: [...bindings],
  }));
  return createDecryptionShares(
    group,
    slice.baseHash,
    { trustee: slice.trustee, secretShare: slice.secretShare, checkpoint: slice.checkpoint },
    targets
  ).map((share) => bytesToHex(encodeDecryptionShare(group, share)));
}

export type RoundOutcome =
  | {
      readonly ok: true;
      /** Every row's prefix after this round. */
      readonly prefixes: readonly (readonly number[])[];
      readonly faults: readonly DecryptionFault[];
      /** Whether every row has now reached its STOP. */
      readonly done: boolean;
    }
  | {
      readonly ok: false;
      readonly code: 'ranked/too-few-valid-shares' | 'ranked/plaintext-out-of-range';
      readonly faults: readonly DecryptionFault[];
    };

/**
 * Spec §11.6: combines the trustees' shares of one round (the shares are batch-verified and bad
 * trustees attributed by §8's combine) and extends each decrypted row's prefix by its value.
 */
export function combineRankedRound(
  group: Group,
  request: {
    readonly baseHash: Uint8Array;
    readonly threshold: number;
    readonly verificationKeys: readonly Point[];
    readonly candidates: number;
    readonly round: RankedRound;
    readonly submissions: readonly {
      readonly trustee: number;
      readonly shares: readonly DecryptionShare[];
    }[];
  }
): RoundOutcome {
  const { round } = request;
  const targets = roundTargets(round);
  const prefixes = round.prefixes.map((p) => [...p]);
  if (targets.length === 0) return { ok: true, prefixes, faults: [], done: true };
  const combined = combineDecryptionsUnsafe(group, {
    baseHash: request.baseHash,
    threshold: request.threshold,
    verificationKeys: request.verificationKeys,
    targets,
    submissions: request.submissions,
    scaled: true,
  });
  if (!combined.ok)
    return { ok: false, code: 'ranked/too-few-valid-shares', faults: combined.error.faults };
  const lookup = rankedPlaintextLookup(group, request.candidates, combined.value.scale);
  for (const [t, target] of targets.entries()) {
    const point = combined.value.plaintextPoints[t];
    const value = point === undefined ? null : lookup(point);
    if (value === null)
      return { ok: false, code: 'ranked/plaintext-out-of-range', faults: combined.value.faults };
    prefixes[target.row]?.push(value);
  }
  const done = prefixes.every((p) => p.includes(RANKING_STOP));
  return { ok: true, prefixes, faults: combined.value.faults, done };
}

/** Spec §11.6: the published rankings (`ranked-rankings`), row by row, from complete prefixes. */
export function rankingsOfPrefixes(
  candidates: number,
  prefixes: readonly (readonly number[])[]
): number[][] | null {
  const out: number[][] = [];
  for (const prefix of prefixes) {
    const ranking = rankingFromPrefix(candidates, prefix);
    if (ranking === null) return null;
    out.push(ranking);
  }
  return out;
}
