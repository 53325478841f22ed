/**
 * @module Test helper: a declared ranked contest (spec §12) for the tests of what reads a
 * declaration — the CLI's declaration files and the web's result page: Leader, one seat by the
 * alternative vote between Alex and Sam, 7 ballots (1 blank); counted in two stages, or pending.
 */
import type { Declaration } from '@scrutineer/record';

export type DeclaredContest = Declaration['contests'][number];

/** Stage `n` of the sample count: `votes` per candidate, who it elected. */
function stage(n: number, votes: string[], elected: number[]) {
  return {
    stage: n,
    action: { type: 'first' as const },
    votes,
    nonTransferable: n === 1 ? '0' : '1',
    quota: '4',
    elected,
    excluded: [],
    ties: [],
  };
}

/** The Leader contest as declared with its `ranked` part and `candidates` rows. */
export function rankedLeaderContest(
  ranked: DeclaredContest['ranked'],
  candidates: DeclaredContest['candidates'] = []
): DeclaredContest {
  return {
    id: 'leader',
    title: 'Leader',
    seats: 1,
    papers: 7,
    tiedForLastSeat: [],
    candidates,
    ranked,
  };
}

/** Counted: first preferences Alex 4, Sam 2; in stage 2 Sam 5, Alex 3, and Sam is elected. */
export const countedRankedLeader: DeclaredContest = rankedLeaderContest(
  {
    method: 'irv',
    rules: null,
    sheet: {
      method: 'irv',
      rules: null,
      seats: 1,
      candidates: 2,
      ballots: 7,
      blank: 1,
      decimals: 0,
      stages: [stage(1, ['4', '2'], []), stage(2, ['3', '5'], [1])],
      elected: [1],
    },
  },
  [
    { id: 'a', name: 'Alex', online: 4, postal: 0, total: 4, percent: 66.7, elected: false },
    { id: 'b', name: 'Sam', online: 2, postal: 0, total: 2, percent: 33.3, elected: true },
  ]
);
