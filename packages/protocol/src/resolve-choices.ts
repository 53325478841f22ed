/**
 * @module Choices as a person writes them, turned into the candidate indexes that ballots (spec §9.4)
 * and postal batches (§9.5) count: a candidate's name (any case and spacing), its id, or its 1-based
 * position on the ballot, with `<contest id>=` in front when the election has several contests. Used by `scrutineer vote --choice`, and by postal batch entry
 * in the CLI and the console: a name that is not on the ballot is refused by these words, never
 * guessed and never counted as a spoilt paper.
 */
import type { Manifest } from '@scrutineer/record';
import type { Choices } from './encrypt-ballot.ts';

/** The chosen candidate indexes per contest, or a sentence saying which value is not on the ballot. */
export function resolveChoices(manifest: Manifest, values: readonly string[]): Choices | string {
  const chosen: number[][] = manifest.contests.map(() => []);
  for (const value of values) {
    const match = /^([a-z0-9-]+)=(.+)$/i.exec(value);
    const contestIndex = match === null ? 0 : manifest.contests.findIndex((c) => c.id === match[1]);
    const contest = manifest.contests[contestIndex];
    if (contest === undefined) return `no contest ${match?.[1] ?? ''} in this election`;
    if (match === null && manifest.contests.length > 1)
      return `this election has ${manifest.contests.length} contests: write --choice <contest id>=<candidate>`;
    const text = (match?.[2] ?? value).trim();
    const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
    let index = /^\d+$/.test(text)
      ? Number(text) - 1
      : contest.candidates.findIndex((c) => fold(c.name) === fold(text) || c.id === text);
    if (!(index >= 0 && index < contest.candidates.length)) index = -1;
    if (index < 0)
      return `"${text}" is not on the ballot of ${contest.id}: ${contest.candidates.map((c, j) => `${j + 1}. ${c.name}`).join(', ')}`;
    chosen[contestIndex]?.push(index);
  }
  return chosen;
}
