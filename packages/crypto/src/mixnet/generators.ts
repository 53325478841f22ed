/**
 * @module Independent generators for the shuffle's commitments (spec §11.3): H₀, H₁, … derived
 * from the election base hash by a public hash-to-group procedure, so that nobody, the officer
 * included, knows a discrete logarithm between any two of them or to G. Swiss Post's 2019 mix-net
 * let whoever chose the commitment parameters forge shuffles; here every verifier derives the
 * generators itself and never reads them from the record.
 */
import { bytesToHex, encodeU64 } from '../bytes.ts';
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
  const key = bytesToHex(baseHash);
  let byHash = cache.get(group);
  if (byHash === undefined) cache.set(group, (byHash = new Map<string, Point[]>()));
  let known = byHash.get(key);
  if (known === undefined) {
    // One election at a time in practice; a verifier of many records must not grow without bound.
    if (byHash.size >= 4) byHash.clear();
    byHash.set(key, (known = []));
  }
  for (let i = known.length; i <= count; i++) known.push(shuffleGenerator(group, baseHash, i));
  return known.slice(0, count + 1);
}

/**
 * Generators already derived, per group and base hash: the verifier of 160,000 ranked ballots
 * needs the same n + 2 each time. A cache of our own derivations, never of a prover's points.
 */
const cache = new WeakMap<Group, Map<string, Point[]>>();
