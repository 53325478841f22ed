/**
 * @module The ranked phase of a simulated election (spec §11.5–§11.8, §12.7), every party honest:
 * each ranked contest's counted entries pass through the manifest's mix servers, the trustees
 * decrypt the last output round by round up to each STOP, and the officer publishes the rankings
 * and the count. `tamper` lets a fixture change what is posted (never what the honest parties
 * compute next), so a record can carry exactly one cheat.
 */
import {
  type CiphertextRow,
  type Group,
  type Point,
  hexToBytes,
  randomScalar,
} from '@scrutineer/crypto';
import {
  type Ballot,
  type EventBody,
  type Manifest,
  isRankedContest,
  mixStatementOf,
  postalRankingsOf,
  signMix,
} from '@scrutineer/record';
import {
  combineRankedRound,
  mixBodies,
  mixOutputRows,
  rankedInputRows,
  rankedResultBody,
  rankedShareBodies,
  rankingsOfPrefixes,
  roundSize,
  submissionOf,
} from '@scrutineer/protocol';
import { countSeed } from '@scrutineer/ranked-count';
import type { MemoryBoard } from './memory-board.ts';
import type { ContestSpec } from './simulate-election.ts';

/**
 * A small mixed election for tests and fixtures: an AV leader of three, an ERS97 committee of two
 * places from four (one of them Re-open nominations) and a yes/no motion.
 */
export const RANKED_TEST_CONTESTS: readonly ContestSpec[] = [
  {
    id: 'leader',
    title: 'Leader',
    minSelections: 0,
    maxSelections: 3,
    candidates: ['Ada Jones', 'Ben Owen', 'Cai Hughes'],
    method: 'irv',
  },
  {
    id: 'committee',
    title: 'Committee',
    minSelections: 0,
    maxSelections: 4,
    candidates: ['Dee Rees', 'Eli Price', 'Fay Morgan', 'Re-open nominations'],
    method: 'stv',
    rules: 'ers97',
    seats: 2,
  },
  { id: 'motion', title: 'Motion', minSelections: 1, maxSelections: 1, candidates: ['Yes', 'No'] },
];

type RankedEventType = 'mix' | 'ranked-decryption-share' | 'ranked-rankings' | 'ranked-result';

/**
 * Edits a body before it is posted: the bodies returned are posted instead (none: nothing). The
 * manifest hash and the mix servers' keys let a tamper sign as a party would (spec §11.8: a mix
 * server that cheats signs its own cheat; an officer who forges a mix signs with another key).
 */
export type RankedTamper = <T extends RankedEventType>(
  type: T,
  body: EventBody<T>,
  election: {
    readonly group: Group;
    readonly manifestHash: string;
    readonly mixerSecretKeys: readonly bigint[];
  }
) => readonly EventBody<T>[];

export interface RankedPhaseInput {
  readonly group: Group;
  readonly board: MemoryBoard;
  readonly manifest: Manifest;
  readonly publicKey: Point;
  readonly baseHash: Uint8Array;
  /** The counted ballots, in board order. */
  readonly counted: readonly Ballot[];
  /** Trustee index → secret share, for the trustees who decrypt. */
  readonly trusteeShares: ReadonlyMap<number, bigint>;
  /** Mix server m's secret key at m − 1: each signs its own mix (spec §11.8). */
  readonly mixerSecretKeys: readonly bigint[];
  readonly verificationKeys: readonly Point[];
  /** Spec §12.3.1: the root of the first checkpoint covering `election-close`. */
  readonly closeRoot: string;
  readonly manifestHash: string;
  /** Makes a signed checkpoint of the board so far (what a round's shares bind). */
  readonly checkpoint: () => { size: number; root: string };
  readonly tick: () => string;
  /** The postal batches as the officer counted them (spec §11.8: their rankings join the count). */
  readonly postal?: readonly EventBody<'postal-batch'>[];
  readonly rowsPerPart?: number;
  readonly tamper?: RankedTamper;
}

/**
 * A tamper that holds back each mix of `contest` (every mixer's, or only `mixer`'s) until its last
 * part, then posts its parts edited by `edit` and signed, whole, with `signer`'s key (spec §11.8):
 * a mix server signing its own cheat, or an officer signing a mix it made.
 */
export function wholeMixTamper(options: {
  readonly contest: number;
  readonly mixer?: number;
  readonly edit?: (parts: EventBody<'mix'>[]) => EventBody<'mix'>[];
  readonly signer: (mixerSecretKeys: readonly bigint[]) => bigint;
}): RankedTamper {
  const held: EventBody<'mix'>[] = [];
  return <T extends RankedEventType>(
    type: T,
    body: EventBody<T>,
    election: Parameters<RankedTamper>[2]
  ): readonly EventBody<T>[] => {
    if (type !== 'mix') return [body];
    const mix = body as EventBody<'mix'>;
    if (mix.contest !== options.contest || (options.mixer ?? mix.mixer) !== mix.mixer)
      return [body];
    held.push(mix);
    if (mix.part < mix.parts - 1) return [];
    const parts = (options.edit ?? ((p) => p))(held.splice(0));
    const statement = mixStatementOf(parts);
    const key = options.signer(election.mixerSecretKeys);
    const signature = signMix(election.group, election.manifestHash, key, statement);
    return parts.map((part) => ({ ...part, signature })) as EventBody<T>[];
  };
}

/** Spec §9.2.10: the mix servers' secret keys (the manifest lists their public keys). */
export function simulatedMixerKeys(count = 3): bigint[] {
  return Array.from({ length: count }, () => randomScalar());
}

function mixerKey(keys: readonly bigint[], mixer: number): bigint {
  const key = keys[mixer - 1];
  if (key === undefined) throw new Error(`no secret key for mix server ${mixer}`);
  return key;
}

/** Runs the ranked phase of every ranked contest; returns each contest's published rankings. */
export function simulateRankedPhase(input: RankedPhaseInput): Map<number, number[][]> {
  const { group, board, manifest, tamper } = input;
  const post = <T extends RankedEventType>(type: T, body: EventBody<T>): void => {
    const election = {
      group,
      manifestHash: input.manifestHash,
      mixerSecretKeys: input.mixerSecretKeys,
    };
    for (const posted of tamper === undefined ? [body] : tamper(type, body, election))
      board.append(type, input.tick(), posted);
  };
  const published = new Map<number, number[][]>();
  manifest.contests.forEach((contest, c) => {
    if (!isRankedContest(contest)) return;
    const n = contest.candidates.length;
    let rows: CiphertextRow[] = rankedInputRows(group, manifest, input.counted, c);
    const mixers = manifest.mixers?.members.length ?? 0;
    for (let mixer = 1; mixer <= mixers; mixer++) {
      const bodies = mixBodies(
        group,
        { baseHash: input.baseHash, publicKey: input.publicKey, contest: c, mixer, inputs: rows },
        { secretKey: mixerKey(input.mixerSecretKeys, mixer), manifestHash: input.manifestHash },
        input.rowsPerPart
      );
      for (const body of bodies) post('mix', body);
      rows = mixOutputRows(group, bodies);
    }
    let prefixes: readonly (readonly number[])[] = rows.map(() => []);
    for (let position = 0; position <= n; position++) {
      const round = { contest: c, rows, prefixes, position };
      if (roundSize(round) === 0) break;
      const sealed = input.checkpoint();
      const checkpoint = { size: sealed.size, root: hexToBytes(sealed.root) };
      const submissions = [...input.trusteeShares].map(([trustee, secretShare]) => {
        const bodies = rankedShareBodies(
          group,
          input.baseHash,
          { trustee, secretShare, checkpoint },
          round,
          input.rowsPerPart
        );
        for (const body of bodies) post('ranked-decryption-share', body);
        return submissionOf(group, manifest.trustees.members.length, bodies);
      });
      const outcome = combineRankedRound(group, {
        baseHash: input.baseHash,
        threshold: manifest.trustees.threshold,
        verificationKeys: input.verificationKeys,
        candidates: n,
        round,
        submissions,
      });
      if (!outcome.ok) throw new Error(`ranked round ${position}: ${outcome.code}`);
      prefixes = outcome.prefixes;
    }
    const rankings = rankingsOfPrefixes(n, prefixes);
    if (rankings === null) throw new Error('a row did not reach its STOP');
    const rankingsBody = { contest: c, candidates: n, rankings };
    post('ranked-rankings', rankingsBody);
    const seed = countSeed(input.manifestHash, input.closeRoot, contest.id);
    const postal = postalRankingsOf(c, input.postal ?? []);
    post('ranked-result', rankedResultBody(manifest, rankingsBody, seed, postal));
    published.set(c, rankings);
  });
  return published;
}
