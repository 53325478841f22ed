/**
 * @module The numbered boxes of a ranked contest on a postal paper (spec §11.8 "Postal papers"):
 * an operator keys the number written in each box, in ballot order (`-` for an empty box), and
 * the paper's ranking is read from them by the published rule, as the ERS's STV rules read a
 * paper: the preferences 1, 2, … are taken in turn while exactly one box holds each; at the first
 * number that no box holds (a gap) or that two boxes hold (a repeat) the ranking stops, and every
 * later number is ignored. A paper whose boxes hold no single 1 gives an empty ranking (no first
 * preference: blank in the count, §12.2), never a spoilt paper.
 */

/** Why a keyed box list cannot be read: too few or too many boxes, or a box that is no number or `x`. */
export class RankedBoxesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RankedBoxesError';
  }
}

/** What one box holds as keyed: the number written in it, a cross or tick (`'x'`), or nothing. */
export type RankedBox = number | 'x' | null;

/** The marks keyed for the n boxes, in ballot order (null for an empty box, `'x'` for a cross). */
export function parseRankedBoxes(text: string, n: number): RankedBox[] {
  const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
  if (tokens.length !== n)
    throw new RankedBoxesError(
      `${tokens.length} boxes keyed where the paper has ${n}: key each box's number in ballot order, "-" for an empty box, "x" for a cross or tick`
    );
  return tokens.map((token) => {
    if (token === '-') return null;
    if (token === 'x' || token === 'X') return 'x';
    if (!/^[1-9][0-9]{0,2}$/.test(token))
      throw new RankedBoxesError(
        `"${token}" is not a box's number: key the number written in it (1, 2, …), "x" for a cross or tick, or "-" if it is empty`
      );
    return Number(token);
  });
}

/**
 * The ranking (0-based candidates, first preference first) the boxes give under the rule above:
 * counted up to the first gap or repeated number; a lone cross, its candidate alone. Null when the
 * paper is void: a cross beside any other mark.
 */
export function rankingFromBoxes(boxes: readonly RankedBox[]): number[] | null {
  const crosses = boxes.flatMap((box, j) => (box === 'x' ? [j] : []));
  if (crosses.length > 0)
    return crosses.length === 1 && boxes.every((box) => box === null || box === 'x')
      ? crosses
      : null;
  const ranking: number[] = [];
  for (let preference = 1; preference <= boxes.length; preference++) {
    const holders = boxes.flatMap((box, j) => (box === preference ? [j] : []));
    const only = holders[0];
    if (holders.length !== 1 || only === undefined) break;
    ranking.push(only);
  }
  return ranking;
}
