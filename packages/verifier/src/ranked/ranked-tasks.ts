/**
 * @module The ranked checks' heavy work as plain data, so that it can cross to a worker thread
 * (spec §11.4 shuffle proofs, §8.4 share batches of a §11.6 round): points travel packed
 * (point-transfer.ts in the crypto package), scalars as bigints. `runRankedTask` is what a worker
 * (node/ballot-worker.ts) runs; ranked-pool.ts cuts the work into tasks and puts the answers
 * together. Nothing here decides a check: the tasks return verdicts and points only.
 */
import {
  type CiphertextRow,
  type DecryptionCheckpoint,
  type DecryptionShare,
  type DecryptionTarget,
  type Group,
  type Point,
  combineBatchesUnsafe,
  concatByteArrays,
  decodeCiphertext,
  decodeCiphertextsPacked,
  decodeDecryptionShare,
  decodeDecryptionSharesPacked,
  encodeShuffleProofScalars,
  shuffleProofFrom,
  shuffleProofPoints,
  findInvalidDecryptionShareBatchesUnsafe,
  hexToBytes,
  packPoints,
  unpackPoints,
} from '@scrutineer/crypto';
import { type ShuffleWork, shuffleHolds } from './ranked-checks.ts';
import { rowWidth, rowsPacked } from './rows.ts';

/** A batch of one trustee's shares for a slice of a round's targets. */
export interface WireShareBatch {
  readonly trustee: number;
  readonly verificationKey: Uint8Array;
  readonly checkpoint: DecryptionCheckpoint;
  /** Dₗ, A₁, A₂ of each share, packed. */
  readonly points: Uint8Array;
  readonly responses: readonly bigint[];
}

export type WireRankedTask =
  | {
      readonly kind: 'shuffle';
      readonly baseHash: Uint8Array;
      readonly contest: number;
      readonly mixer: number;
      readonly width: number;
      readonly publicKey: Uint8Array;
      /** α, β of every ciphertext, row by row, packed. */
      readonly inputs: Uint8Array;
      readonly outputs: Uint8Array;
      /** The proof's points, packed (decoded once, by the walk), and its encoded scalars. */
      readonly proofPoints: Uint8Array;
      readonly proofScalars: Uint8Array;
    }
  | {
      readonly kind: 'shares';
      readonly baseHash: Uint8Array;
      /** α, β of each target, packed. */
      readonly ciphertexts: Uint8Array;
      /** Each target's bindings, packed by {@link packBindings}. */
      readonly bindings: PackedBindings;
      readonly batches: readonly WireShareBatch[];
      /** Combine these trustees' batches (ascending), if every one of them holds here. */
      readonly combine: { readonly trustees: readonly number[]; readonly scaled: boolean } | null;
    }
  | {
      /** Rows of hex ciphertexts (spec §2.5, the identity refused) as the record carries them. */
      readonly kind: 'rows';
      readonly rows: readonly (readonly string[])[];
    }
  | {
      /** One trustee's hex decryption shares of a round (spec §8.7), as the record carries them. */
      readonly kind: 'decode-shares';
      readonly trusteeCount: number;
      readonly checkpoint: DecryptionCheckpoint;
      readonly shares: readonly string[];
    };

export type WireRankedResult =
  | { readonly kind: 'shuffle'; readonly holds: boolean }
  | {
      readonly kind: 'shares';
      /** Per batch, the slice's targets whose share fails (§8.4: batch-checked, then one by one). */
      readonly invalid: readonly (readonly number[])[];
      /** The combination, packed, when asked for and every trustee of it held. */
      readonly combined: { readonly points: Uint8Array; readonly scale: bigint } | null;
    }
  | {
      readonly kind: 'rows';
      /** The rows that decode, their α, β packed in order, and each one's length. */
      readonly points: Uint8Array;
      readonly lengths: readonly number[];
      /** The rows that do not, in order, with the decoder's message. */
      readonly failed: readonly { readonly row: number; readonly message: string }[];
    }
  | {
      readonly kind: 'decode-shares';
      /** Dₗ, A₁, A₂ of each share, packed, and each share's trustee and response. */
      readonly points: Uint8Array;
      readonly trustees: readonly number[];
      readonly responses: readonly bigint[];
      /** The first share that does not decode (the shares before it are above), if one does not. */
      readonly failed: { readonly share: number; readonly message: string } | null;
    };

/**
 * Targets' bindings as two buffers rather than four small Uint8Arrays a target: cloning each of
 * those to a worker makes an ArrayBuffer, and a round at party scale has hundreds of thousands of
 * targets. `sizes` holds, per target, its number of parts and then each part's length.
 */
export interface PackedBindings {
  readonly bytes: Uint8Array;
  readonly sizes: Uint32Array;
}

function packBindings(bindings: readonly (readonly Uint8Array[])[]): PackedBindings {
  const sizes: number[] = [];
  const parts: Uint8Array[] = [];
  for (const target of bindings) {
    sizes.push(target.length);
    for (const part of target) {
      sizes.push(part.length);
      parts.push(part);
    }
  }
  return { bytes: concatByteArrays(parts), sizes: Uint32Array.from(sizes) };
}

function unpackBindings({ bytes, sizes }: PackedBindings): Uint8Array[][] {
  const out: Uint8Array[][] = [];
  let at = 0;
  for (let s = 0; s < sizes.length;) {
    const count = sizes[s++] as number;
    const target: Uint8Array[] = [];
    for (let k = 0; k < count; k++) {
      const length = sizes[s++] as number;
      target.push(bytes.subarray(at, at + length));
      at += length;
    }
    out.push(target);
  }
  return out;
}

/** The decoded shares' points, in the order {@link sharesFrom} reads them back. */
const sharePoints = (shares: readonly DecryptionShare[]): Point[] =>
  shares.flatMap((s) => [s.share, s.proof.commitment1, s.proof.commitment2]);

function rowsFrom(points: readonly Point[], width: number): CiphertextRow[] {
  const rows: CiphertextRow[] = [];
  for (let at = 0; at < points.length; at += 2 * width)
    rows.push(
      Array.from({ length: width }, (_, k) => ({
        alpha: points[at + 2 * k] as Point,
        beta: points[at + 2 * k + 1] as Point,
      }))
    );
  return rows;
}

/** A shuffle to verify, as a task. */
export function shuffleTask(group: Group, step: ShuffleWork): WireRankedTask {
  const width = rowWidth(step.inputs) ?? rowWidth(step.outputs) ?? 1;
  return {
    kind: 'shuffle',
    baseHash: step.baseHash,
    contest: step.contest,
    mixer: step.mixer,
    width,
    publicKey: packPoints(group, [step.publicKey]),
    inputs: rowsPacked(group, step.inputs),
    outputs: rowsPacked(group, step.outputs),
    proofPoints: packPoints(group, shuffleProofPoints(step.proof)),
    proofScalars: encodeShuffleProofScalars(step.proof),
  };
}

/** Trustees' share batches for targets[from, to) as a task (each batch sliced alike). */
export function shareSliceTask(
  group: Group,
  baseHash: Uint8Array,
  targets: readonly DecryptionTarget[],
  batches: readonly {
    readonly trustee: number;
    readonly verificationKey: Point;
    readonly shares: readonly DecryptionShare[];
  }[],
  combine: { readonly trustees: readonly number[]; readonly scaled: boolean } | null
): WireRankedTask {
  return {
    kind: 'shares',
    baseHash,
    ciphertexts: packPoints(
      group,
      targets.flatMap((t) => [t.ciphertext.alpha, t.ciphertext.beta])
    ),
    bindings: packBindings(targets.map((t) => t.bindings)),
    batches: batches.map(({ trustee, verificationKey, shares }) => ({
      trustee,
      verificationKey: packPoints(group, [verificationKey]),
      checkpoint: shares[0]?.checkpoint ?? { size: 0, root: new Uint8Array(32) },
      points: packPoints(group, sharePoints(shares)),
      responses: shares.map((s) => s.proof.response),
    })),
    combine,
  };
}

/** Decodes rows of hex ciphertexts; a row that does not decode is reported, not thrown. */
export function decodeRows(
  group: Group,
  rows: readonly (readonly string[])[]
): { rows: CiphertextRow[]; failed: { row: number; message: string }[] } {
  const decoded: CiphertextRow[] = [];
  const failed: { row: number; message: string }[] = [];
  rows.forEach((row, r) => {
    try {
      decoded.push(
        row.map((hex) => decodeCiphertext(group, hexToBytes(hex), { allowIdentity: false }))
      );
    } catch (error) {
      failed.push({ row: r, message: (error as Error).message });
    }
  });
  return { rows: decoded, failed };
}

/** Decodes one trustee's hex shares of a round (spec §8.7); the first that does not decode throws. */
export function decodeShares(
  group: Group,
  trusteeCount: number,
  checkpoint: DecryptionCheckpoint,
  shares: readonly string[]
): DecryptionShare[] {
  return shares.map((hex) =>
    decodeDecryptionShare(group, trusteeCount, checkpoint, hexToBytes(hex))
  );
}

/** Shares back from their packed points, trustees and responses. */
export function sharesFrom(
  points: readonly Point[],
  trustees: readonly number[],
  responses: readonly bigint[],
  checkpoint: DecryptionCheckpoint
): DecryptionShare[] {
  return responses.map((response, t) => ({
    trustee: trustees[t] as number,
    checkpoint,
    share: points[3 * t] as Point,
    proof: {
      commitment1: points[3 * t + 1] as Point,
      commitment2: points[3 * t + 2] as Point,
      response,
    },
  }));
}

/** Hex digits of an encoded ciphertext (spec §2.5). */
const CIPHERTEXT_HEX = 128;

/**
 * A slice of rows decoded in one go into packed points (no object per point), or null when one
 * does not decode; then {@link decodeRows} finds which and says why, as the record walk reports.
 */
function decodeRowsAtOnce(
  group: Group,
  rows: readonly (readonly string[])[]
): WireRankedResult | null {
  if (!rows.every((row) => row.every((hex) => hex.length === CIPHERTEXT_HEX))) return null;
  let bytes: Uint8Array;
  try {
    bytes = hexToBytes(rows.map((row) => row.join('')).join(''));
  } catch {
    return null;
  }
  const points = decodeCiphertextsPacked(group, bytes, { allowIdentity: false });
  if (points === null) return null;
  return { kind: 'rows', points, lengths: rows.map((row) => row.length), failed: [] };
}

/** A slice of shares decoded in one go (no object per point), or null when one does not decode. */
function decodeSharesAtOnce(
  group: Group,
  task: Extract<WireRankedTask, { kind: 'decode-shares' }>
): WireRankedResult | null {
  let bytes: Uint8Array[];
  try {
    bytes = task.shares.map(hexToBytes);
  } catch {
    return null;
  }
  const decoded = decodeDecryptionSharesPacked(group, task.trusteeCount, bytes);
  return decoded === null ? null : { kind: 'decode-shares', ...decoded, failed: null };
}

function runDecodeShares(
  group: Group,
  task: Extract<WireRankedTask, { kind: 'decode-shares' }>
): WireRankedResult {
  const atOnce = decodeSharesAtOnce(group, task);
  if (atOnce !== null) return atOnce;
  const decoded: DecryptionShare[] = [];
  let failed: { share: number; message: string } | null = null;
  for (const [index, hex] of task.shares.entries()) {
    try {
      decoded.push(...decodeShares(group, task.trusteeCount, task.checkpoint, [hex]));
    } catch (error) {
      failed = { share: index, message: (error as Error).message };
      break;
    }
  }
  return {
    kind: 'decode-shares',
    points: packPoints(group, sharePoints(decoded)),
    trustees: decoded.map((s) => s.trustee),
    responses: decoded.map((s) => s.proof.response),
    failed,
  };
}

/** Runs one task on this thread (a worker's job). */
export function runRankedTask(group: Group, task: WireRankedTask): WireRankedResult {
  if (task.kind === 'decode-shares') return runDecodeShares(group, task);
  if (task.kind === 'rows') {
    const atOnce = decodeRowsAtOnce(group, task.rows);
    if (atOnce !== null) return atOnce;
    const { rows, failed } = decodeRows(group, task.rows);
    const lengths = rows.map((row) => row.length);
    return { kind: 'rows', points: rowsPacked(group, rows), lengths, failed };
  }
  if (task.kind === 'shuffle') {
    const inputs = rowsFrom(unpackPoints(group, task.inputs), task.width);
    const outputs = rowsFrom(unpackPoints(group, task.outputs), task.width);
    const publicKey = unpackPoints(group, task.publicKey)[0] as Point;
    const proof = shuffleProofFrom(
      unpackPoints(group, task.proofPoints),
      task.proofScalars,
      outputs.length,
      task.width
    );
    const holds = shuffleHolds(group, { ...task, publicKey, inputs, outputs, proof });
    return { kind: 'shuffle', holds };
  }
  const ciphertexts = unpackPoints(group, task.ciphertexts);
  const targets: DecryptionTarget[] = unpackBindings(task.bindings).map((bindings, t) => ({
    ciphertext: { alpha: ciphertexts[2 * t] as Point, beta: ciphertexts[2 * t + 1] as Point },
    bindings,
  }));
  const decoded = task.batches.map((batch) => ({
    trustee: batch.trustee,
    verificationKey: unpackPoints(group, batch.verificationKey)[0] as Point,
    shares: sharesFrom(
      unpackPoints(group, batch.points),
      batch.responses.map(() => batch.trustee),
      batch.responses,
      batch.checkpoint
    ),
  }));
  const invalid = findInvalidDecryptionShareBatchesUnsafe(group, task.baseHash, targets, decoded);
  const batches = decoded.map((batch, b) => ({ ...batch, invalid: invalid[b] as number[] }));
  const chosen = task.combine?.trustees.map((trustee) =>
    batches.find((b) => b.trustee === trustee && b.invalid.length === 0)
  );
  if (task.combine === null || chosen === undefined || chosen.some((b) => b === undefined))
    return { kind: 'shares', invalid, combined: null };
  const { plaintextPoints, scale } = combineBatchesUnsafe(
    group,
    targets,
    task.combine.trustees,
    chosen.map((b) => b?.shares ?? []),
    task.combine.scaled
  );
  return {
    kind: 'shares',
    invalid,
    combined: { points: packPoints(group, plaintextPoints), scale },
  };
}
