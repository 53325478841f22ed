/**
 * @module Independent generators for the shuffle's commitments (spec §11.3): H₀, H₁, … derived
 * from the election base hash by a public hash-to-group procedure, so that nobody, the officer
 * included, knows a discrete logarithm between any two of them or to G. Swiss Post's 2019 mix-net
 * let whoever chose the commitment parameters forge shuffles; here every verifier derives the
 * generators itself and never reads them from the record.
 */
import { encodeU64 } from '../bytes.ts';
import type { Group, Point } from '../group.ts';
import { DomainTag, hashParts } from '../hash.ts';

/** Spec §11.3 eq. (11.1): Hᵢ = FromUniform(SHA-512(frame(tag) ‖ frame(h) ‖ frame(u64le i))). */
export function shuffleGenerator(group: Group, baseHash: Uint8Array, index: number): Point {
  return group.pointFromUniformBytes(
    hashParts(DomainTag.shuffleGenerator, [baseHash, encodeU64(index)])
  );
}

/** Generators H₀ … H_count (count + 1 points): H₀ starts the chain, H₁ … H_N commit to the permutation. */
export function shuffleGenerators(group: Group, baseHash: Uint8Array, count: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= count; i++) out.push(shuffleGenerator(group, baseHash, i));
  return out;
}
