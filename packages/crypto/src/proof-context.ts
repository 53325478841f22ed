/** @module What a proof is bound to besides its own statement (spec §3.4). */

/**
 * The context entered into every Fiat–Shamir challenge after the domain tag: the election base
 * hash and, inside a ballot, the bindings (credential public key, contest and option index), so a
 * proof made for one election, credential or position fails for any other.
 */
export interface ProofContext {
  readonly baseHash: Uint8Array;
  readonly bindings: readonly Uint8Array[];
}
