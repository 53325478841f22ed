/**
 * @module Test helper: a ranked contest (spec §9.2.1, §11.1) for `createFixtureElection`, whose
 * selection limits are 0 … n (any truncation); the fixture adds the mix servers it needs.
 */
import type { ContestSpec } from '@scrutineer/testkit';

export type RankedMethod =
  | { readonly method: 'irv' }
  | { readonly method: 'stv'; readonly rules: 'ers97' | 'meek'; readonly seats: number };

/** A ranked contest's spec: its limits are 0 … n, as the manifest requires (spec §9.2.1). */
export function rankedContestSpec(
  id: string,
  title: string,
  candidates: readonly string[],
  method: RankedMethod = { method: 'irv' }
): ContestSpec {
  return { id, title, minSelections: 0, maxSelections: candidates.length, candidates, ...method };
}
