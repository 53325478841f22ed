/**
 * @module Double entry of postal papers (spec §9.5.3 "Counting", §9.5 `postal-batch`): the papers
 * of one opening batch are numbered 1, 2, … as they are taken from their inner envelopes, and two
 * operators key them independently (CSV `paper,choice`, one row per paper; choices by name or
 * 1-based position, `;` between several, `spoilt` for a paper that is void). No row names a pack,
 * an envelope or a member: the only link a file could hold is the paper's number in its batch.
 * The batch is posted only when both entries agree paper by paper and every entry is well formed:
 * a name not on the ballot, an empty choice or a paper number keyed twice is refused with the row,
 * never counted as a spoilt paper (a misspelt name would otherwise silently lose a vote). A paper
 * that marks more candidates than its contest allows is void by the rules and counts as spoilt.
 * A ranked contest is keyed as the numbers in its boxes, `<contest id>=2 1 - 3`, `x` for a box
 * holding a cross or tick (ranked-boxes.ts, spec §11.8): its entry carries the papers' rankings
 * rather than counts; a cross beside any other mark in its boxes makes the paper spoilt.
 * Pure: `scrutineer postal batch` and the officer's console both call these, on the same text.
 */
import {
  type Manifest,
  isRankedContest,
  postalStyleProblem,
  styleContestIndexes,
  postalWeightProblem,
} from '@scrutineer/record';
import { type Choices, checkChoices } from '../encrypt-ballot.ts';
import { resolveChoices } from '../resolve-choices.ts';
import { parseCsvText } from './csv-text.ts';
import { RankedBoxesError, parseRankedBoxes, rankingFromBoxes } from './ranked-boxes.ts';

export interface KeyedPaper {
  readonly row: number;
  /** The paper's number in its batch, 1, 2, … */
  readonly paper: number;
  /** As keyed, normalised (trimmed, lower-case, single spaces). */
  readonly choice: string;
}

export interface Mismatch {
  readonly paper: number;
  readonly first: string;
  readonly second: string;
}

export interface BatchTotals {
  readonly papers: number;
  readonly spoilt: number;
  /** Per contest: counts per candidate, or for a ranked contest none and the papers' rankings (1-based). */
  readonly contests: { counts: number[]; rankings?: number[][] }[];
  /** Spec §13.2.1: the one ballot style of the batch's papers, with styles. */
  readonly style?: string;
  /** Spec §13.2.1 step 6: the one weight of the batch's papers, with weights. */
  readonly weight?: number;
}

export type BatchEntryCode =
  | 'postal/invalid-entry-file'
  | 'postal/invalid-boxes'
  | 'postal/paper-counted-twice'
  | 'postal/unknown-candidate'
  | 'postal/empty-choice'
  | 'postal/missing-style'
  | 'postal/unknown-style'
  | 'postal/style-not-in-manifest'
  | 'postal/contest-not-in-style'
  | 'postal/missing-weight'
  | 'postal/weight-not-in-manifest'
  | 'postal/bad-weight';

/** A keyed entry file that cannot be counted as it is: the rule broken and the row. */
export class BatchEntryError extends Error {
  readonly code: BatchEntryCode;
  constructor(code: BatchEntryCode, message: string) {
    super(message);
    this.name = 'BatchEntryError';
    this.code = code;
  }
}

export const KEYED_COLUMNS = ['paper', 'choice'] as const;

/** Reads one operator's entries; refuses a paper number that is not 1, 2, … or repeats. */
export function parseKeyedEntries(text: string, file = 'entries'): KeyedPaper[] {
  const table = parseCsvText(text);
  const header = table.header.map((h) => h.trim().toLowerCase());
  if (header[0] !== 'paper' || header[1] !== 'choice')
    throw new BatchEntryError(
      'postal/invalid-entry-file',
      `${file}: a keyed entry file has the columns paper,choice (no pack or envelope)`
    );
  const seen = new Map<number, number>();
  return table.rows.map(({ row, cells }) => {
    const text = (cells[0] ?? '').trim();
    const paper = /^[1-9][0-9]{0,6}$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(paper))
      throw new BatchEntryError(
        'postal/invalid-entry-file',
        `${file} row ${row}: "${text}" is not a paper number (1, 2, …)`
      );
    const earlier = seen.get(paper);
    if (earlier !== undefined)
      throw new BatchEntryError(
        'postal/paper-counted-twice',
        `${file} row ${row}: paper ${paper} was already keyed at row ${earlier}: a paper is counted once`
      );
    seen.set(paper, row);
    return {
      row,
      paper,
      choice: (cells[1] ?? '').trim().toLowerCase().replace(/\s+/g, ' '),
    };
  });
}

/** Paper-by-paper differences between the two operators' entries (by paper number). */
export function compareEntries(
  first: readonly KeyedPaper[],
  second: readonly KeyedPaper[]
): Mismatch[] {
  const byNumber = (papers: readonly KeyedPaper[]) => new Map(papers.map((p) => [p.paper, p]));
  const a = byNumber(first);
  const b = byNumber(second);
  const numbers = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const mismatches: Mismatch[] = [];
  for (const paper of numbers) {
    const one = a.get(paper)?.choice;
    const two = b.get(paper)?.choice;
    if (one !== two)
      mismatches.push({ paper, first: one ?? '(missing)', second: two ?? '(missing)' });
  }
  return mismatches;
}

/**
 * The batch's totals from agreed entries; refuses a choice that names no candidate, or (with
 * `style`, the manifest indexes of the batch's style's contests, §13.2.1) a contest outside it.
 */
export function batchTotals(
  manifest: Manifest,
  papers: readonly KeyedPaper[],
  style?: readonly number[]
): BatchTotals {
  const contests = manifest.contests.map((c) =>
    isRankedContest(c)
      ? { counts: [], rankings: [] as number[][] }
      : { counts: c.candidates.map(() => 0) }
  );
  let spoilt = 0;
  for (const paper of papers) {
    if (paper.choice === '')
      throw new BatchEntryError(
        'postal/empty-choice',
        `row ${paper.row} (paper ${paper.paper}): no choice keyed: key the names marked, or "spoilt" for a void paper`
      );
    if (paper.choice === 'spoilt') {
      spoilt++;
      continue;
    }
    const { choices, ambiguous } = paperChoices(manifest, paper);
    // Spec §13.2.1: the paper of a style prints only its contests; a mark elsewhere is a keying
    // error (or a paper sorted into the wrong tray), refused like a name not on the ballot.
    const outside = choices.findIndex(
      (chosen, c) => (chosen.length > 0 || ambiguous.includes(c)) && style?.includes(c) === false
    );
    if (outside >= 0)
      throw new BatchEntryError(
        'postal/contest-not-in-style',
        `row ${paper.row} (paper ${paper.paper}): ${manifest.contests[outside]?.id ?? outside} is not on this batch's ballot style. Nothing was posted`
      );
    // More marks than the contest allows (or fewer than it needs), or a cross beside another mark
    // in a ranked contest's boxes: void by the rules.
    if (ambiguous.length > 0 || !checkChoices(manifest, choices, style).ok) {
      spoilt++;
      continue;
    }
    choices.forEach((chosen, c) => {
      const entry = contests[c];
      if (entry?.rankings !== undefined) entry.rankings.push(chosen.map((j) => j + 1));
      else chosen.forEach((j) => entry && (entry.counts[j] = (entry.counts[j] ?? 0) + 1));
    });
  }
  return { papers: papers.length, spoilt, contests };
}

/**
 * One paper's choices per contest: a ranked contest's from its keyed boxes (its ranking, 0-based,
 * by the rule of ranked-boxes.ts), the others' by name or position as `resolveChoices` reads them.
 * `ambiguous`: the ranked contests whose boxes hold a cross beside another mark (the paper is void).
 */
function paperChoices(
  manifest: Manifest,
  paper: KeyedPaper
): { choices: Choices; ambiguous: number[] } {
  const where = `row ${paper.row} (paper ${paper.paper})`;
  const ranked = new Map<number, number[]>();
  const ambiguous: number[] = [];
  const marks: string[] = [];
  for (const mark of paper.choice.split(';').map((s) => s.trim())) {
    const c = rankedContestOf(manifest, mark);
    if (c === null) {
      marks.push(mark);
      continue;
    }
    const contest = manifest.contests[c];
    if (contest === undefined || ranked.has(c))
      throw new BatchEntryError(
        'postal/invalid-boxes',
        `${where}: ${contest?.id ?? c} keyed twice`
      );
    try {
      const boxes = parseRankedBoxes(mark.slice(mark.indexOf('=') + 1), contest.candidates.length);
      const ranking = rankingFromBoxes(boxes);
      ranked.set(c, ranking ?? []);
      if (ranking === null) ambiguous.push(c);
    } catch (error) {
      if (!(error instanceof RankedBoxesError)) throw error;
      throw new BatchEntryError(
        'postal/invalid-boxes',
        `${where}, ${contest.id}: ${error.message}`
      );
    }
  }
  const resolved =
    marks.length === 0 ? manifest.contests.map(() => []) : resolveChoices(manifest, marks);
  if (typeof resolved === 'string')
    throw new BatchEntryError(
      'postal/unknown-candidate',
      `${where}: ${resolved}. Nothing was posted: correct the entry (a misspelt name is never counted as a spoilt paper)`
    );
  return { choices: resolved.map((chosen, c) => ranked.get(c) ?? chosen), ambiguous };
}

/**
 * The ranked contest a keyed mark is for: `<contest id>=<boxes>` naming a ranked contest, or, in
 * an election of one ranked contest, the boxes alone (written with or without the `=`).
 */
function rankedContestOf(manifest: Manifest, mark: string): number | null {
  const prefixed = /^([a-z0-9-]+)=/.exec(mark);
  const c =
    prefixed === null
      ? manifest.contests.length === 1
        ? 0
        : -1
      : manifest.contests.findIndex((x) => x.id === prefixed[1]);
  const contest = manifest.contests[c];
  return contest !== undefined && isRankedContest(contest) ? c : null;
}

/**
 * Both operators' entry files, checked as `postal batch` checks them before anything is posted:
 * each file well formed, every row of both naming a candidate on the ballot (so a misspelt name is
 * refused whoever keyed it), and the papers compared one by one. The totals are to be posted only
 * when `mismatches` is empty. Throws a BatchEntryError naming the file and row otherwise.
 */
export function keyedBatch(
  manifest: Manifest,
  entries: { readonly first: string; readonly second: string },
  style?: string,
  weight?: number
): { totals: BatchTotals; mismatches: Mismatch[] } {
  // Spec §13.2.1: with styles, a batch holds the papers of one style, named when it is keyed.
  const styleProblem = postalStyleProblem(manifest, {
    contests: [],
    ...(style === undefined ? {} : { style }),
  });
  if (styleProblem !== null && styleProblem.code !== 'postal/contest-not-in-style')
    throw new BatchEntryError(styleProblem.code, styleProblem.message);
  // Spec §13.2.1 step 6: with weights, a batch holds the papers of one weight, named likewise.
  const weightProblem = postalWeightProblem(manifest, weight === undefined ? {} : { weight });
  if (weightProblem !== null) throw new BatchEntryError(weightProblem.code, weightProblem.message);
  const inStyle = style === undefined ? undefined : (styleContestIndexes(manifest, style) ?? []);
  const first = parseKeyedEntries(entries.first, 'first');
  const second = parseKeyedEntries(entries.second, 'second');
  const mismatches = compareEntries(first, second);
  batchTotals(manifest, second, inStyle);
  const totals = batchTotals(manifest, first, inStyle);
  return {
    totals: {
      ...totals,
      ...(style === undefined ? {} : { style }),
      ...(weight === undefined ? {} : { weight }),
    },
    mismatches,
  };
}
