/**
 * @module Test helper: the manifest parts of ranked contests (spec §9.2.1, §9.2.10, §11.1) for
 * `createFixtureElection`: a ranked contest's selection limits (0 … n: any truncation), and an
 * `extend` that names each ranked contest's method and the mix servers an election with a ranked
 * contest must list.
 */
import { type Group, bytesToHex, randomScalar } from '@scrutineer/crypto';
import type { ContestSpec } from '@scrutineer/testkit';

export type RankedMethod =
  | { readonly method: 'irv' }
  | { readonly method: 'stv'; readonly rules: 'ers97' | 'meek'; readonly seats: number };

/** A ranked contest's spec: its limits are 0 … n, as the manifest requires (spec §9.2.1). */
export function rankedContestSpec(
  id: string,
  title: string,
  candidates: readonly string[]
): ContestSpec {
  return { id, title, minSelections: 0, maxSelections: candidates.length, candidates };
}

/** Adds the method of each named contest and two mix servers with fresh keys to the draft. */
export function withMixers(
  group: Group,
  methods: Readonly<Record<string, RankedMethod>>
): (draft: Record<string, unknown>) => Record<string, unknown> {
  return (draft) => ({
    ...draft,
    contests: (draft['contests'] as readonly { readonly id: string }[]).map((contest) => ({
      ...contest,
      ...methods[contest.id],
    })),
    mixers: {
      members: ['Mix server A', 'Mix server B'].map((name) => ({
        name,
        publicKey: bytesToHex(group.encodePoint(group.multiplyBase(randomScalar()))),
      })),
    },
  });
}
