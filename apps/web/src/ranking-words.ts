/**
 * @module A ranked contest's ranking shown back in words — "1st: …", "2nd: …" — on the booth's
 * review and device-check pages and on the tracker page that checks a device check (spec §11.2).
 */
import type { Contest } from '@scrutineer/record';
import { h } from './dom.ts';
import { candidateName, ordinal, t } from './i18n/i18n.ts';

/** A ranking in words, "1st: …", "2nd: …" (the review page and the device check). */
export function rankingInWords(contest: Contest, ranking: readonly number[]): HTMLElement {
  if (ranking.length === 0) return h('span', {}, t('ranking.none'));
  return h(
    'ol',
    { class: 'ranking-words' },
    ...ranking.map((j, place) => {
      const candidate = contest.candidates[j];
      return h(
        'li',
        {},
        t('ranking.place', {
          ordinal: ordinal(place + 1),
          candidate: candidate === undefined ? String(j + 1) : candidateName(candidate),
        })
      );
    })
  );
}

/**
 * Spec §11.2 eq. (11.0): the ranking an opened ranked entry encrypts, from its plaintext vector
 * (1-based candidates first preference first, then STOP 0, then the unranked tail): 0-based
 * indices up to the STOP. Null when the vector is no permutation of 0 … n (a faulty device).
 */
export function rankingOfVector(values: readonly number[]): number[] | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.every((value, i) => value === i)) return null;
  return values.slice(0, values.indexOf(0)).map((candidate) => candidate - 1);
}
