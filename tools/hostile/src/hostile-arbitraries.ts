/**
 * @module Shared pieces of the hostile-input kinds: the cast request, and arbitraries for pool
 * indices, selections, voting codes, raw 32-byte values and plain JSON values.
 */
import fc from 'fast-check';
import { votingCodeFromData } from '@scrutineer/crypto';
import type { SignedInElection } from './hostile-fixture.ts';
import type { HostileRequest } from './inject.ts';

export function castBy(signedIn: SignedInElection, ballot: unknown): HostileRequest {
  return {
    method: 'POST',
    url: `/api/elections/${signedIn.election.electionId}/ballots`,
    token: signedIn.token,
    body: { ballot },
  };
}

/** An index into the fixture's pools. */
export const poolIndex = fc.nat({ max: 5 });
/** A selection of the hostile manifest (two contests of three options). */
export const selectionAt = fc.record({ contest: fc.nat({ max: 1 }), option: fc.nat({ max: 2 }) });
export const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
/**
 * Any JSON value without a `__proto__` or `constructor` key: the parser refuses those as
 * prototype poisoning before any schema sees them (the prototype-key kind).
 */
export const plainJson = fc
  .jsonValue({ maxDepth: 2 })
  .filter((value) => !/"(?:__proto__|constructor)"/.test(JSON.stringify(value)));
/** A random voting code (spec §6.4: 110 data bits, the top 2 of the 14 bytes zero). */
export const votingCode = fc
  .uint8Array({ minLength: 14, maxLength: 14 })
  .map((data) => votingCodeFromData(Uint8Array.from(data, (x, k) => (k === 0 ? x & 0x3f : x))));
export const P = 2n ** 255n - 19n;

/** 32 bytes little-endian, for values a canonical encoder refuses (≥ p, ≥ ℓ). */
export function littleEndian(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return out;
}
