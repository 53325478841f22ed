/**
 * @module The public parameters of a key ceremony (spec §7.1): the ceremony context bytes, the
 * number of trustees n and the threshold k, plus the typed error every ceremony decoder throws.
 * Every hash, key derivation and proof of the ceremony starts with the same header
 * (context, n, k), so nothing made for one ceremony is accepted in another.
 */
import { encodeU64 } from '../bytes.ts';
import type { ProofContext } from '../proof-context.ts';

/** Largest n accepted: indices travel as u32, and no real ceremony comes near this. */
export const MAX_TRUSTEES = 65535;

/** Accepted length of the ceremony context in bytes (spec §7.1). */
export const MIN_CONTEXT_BYTES = 16;
export const MAX_CONTEXT_BYTES = 64;

/** Stable codes for refused ceremony and decryption inputs (spec §7.8, §8.8). */
export type CeremonyErrorCode =
  | 'ceremony/invalid-trustee-count'
  | 'ceremony/invalid-threshold'
  | 'ceremony/invalid-context'
  | 'ceremony/index-out-of-range'
  | 'ceremony/self-addressed'
  | 'ceremony/wrong-length'
  | 'ceremony/wrong-commitment-count'
  | 'ceremony/trailing-bytes'
  | 'ceremony/missing-share'
  | 'ceremony/invalid-trustee-key'
  | 'ceremony/secret-share-mismatch'
  | 'ceremony/mismatched-messages';

/** Thrown for malformed ceremony inputs and misuse; a refused proof is `false`, not a throw. */
export class CeremonyError extends RangeError {
  readonly code: CeremonyErrorCode;
  constructor(code: CeremonyErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'CeremonyError';
    this.code = code;
  }
}

/** Spec §7.1: what every trustee and every verifier agrees on before the ceremony starts. */
export interface CeremonyParameters {
  /**
   * The ceremony context: 16 to 64 bytes fixed before the ceremony, the manifest hash (spec §9.3).
   * It takes the place of the base hash h, which depends on K and so does not exist yet.
   */
  readonly context: Uint8Array;
  /** n, the number of trustees, indexed 1..n. */
  readonly trusteeCount: number;
  /** k, the number of trustees needed to decrypt (1 ≤ k ≤ n). */
  readonly threshold: number;
}

/** Throws {@link CeremonyError} unless 1 ≤ k ≤ n ≤ {@link MAX_TRUSTEES} and the context fits. */
export function validateCeremonyParameters(parameters: CeremonyParameters): void {
  const { trusteeCount, threshold, context } = parameters;
  if (!Number.isInteger(trusteeCount) || trusteeCount < 1 || trusteeCount > MAX_TRUSTEES) {
    throw new CeremonyError('ceremony/invalid-trustee-count', `n must be in 1..${MAX_TRUSTEES}`);
  }
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > trusteeCount) {
    throw new CeremonyError(
      'ceremony/invalid-threshold',
      `k must be in 1..n (k=${threshold}, n=${trusteeCount})`
    );
  }
  if (context.length < MIN_CONTEXT_BYTES || context.length > MAX_CONTEXT_BYTES) {
    throw new CeremonyError(
      'ceremony/invalid-context',
      `context must be ${MIN_CONTEXT_BYTES}..${MAX_CONTEXT_BYTES} bytes, got ${context.length}`
    );
  }
}

/** Throws unless `index` is a trustee index 1..n. */
export function assertTrusteeIndex(
  parameters: CeremonyParameters,
  index: number,
  role: string
): void {
  if (!Number.isInteger(index) || index < 1 || index > parameters.trusteeCount) {
    throw new CeremonyError(
      'ceremony/index-out-of-range',
      `${role} index ${index} not in 1..${parameters.trusteeCount}`
    );
  }
}

/** Spec §7.1: the header parts (u64le n, u64le k) that follow the context in every ceremony hash. */
export function ceremonyHeader(parameters: CeremonyParameters): Uint8Array[] {
  return [encodeU64(parameters.trusteeCount), encodeU64(parameters.threshold)];
}

/**
 * Spec §7.1: the Fiat–Shamir context of a ceremony proof: h = context, bindings =
 * (u64le n, u64le k, u64le index₁, …, extra…).
 */
export function ceremonyProofContext(
  parameters: CeremonyParameters,
  indices: readonly number[],
  extra: readonly Uint8Array[] = []
): ProofContext {
  return {
    baseHash: parameters.context,
    bindings: [...ceremonyHeader(parameters), ...indices.map((i) => encodeU64(i)), ...extra],
  };
}
