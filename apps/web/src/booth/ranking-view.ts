/**
 * @module A ranked contest on the ballot (spec §11.1): a numbered box beside each candidate.
 *
 * Why boxes, and why text boxes. The GOV.UK Design System has no ranking component, so we follow
 * what it does say and what members already know:
 * - A UK preferential paper (Scottish and Northern Irish STV, party and union ballots, and this
 *   contest's own postal paper) asks for 1, 2, 3 … in boxes beside the names. The same act online
 *   and on paper means one instruction and no new skill.
 * - Each box is a plain labelled text input, so every screen reader announces it as "<candidate>,
 *   edit text" inside the contest's fieldset, and the keyboard needs only Tab and digits. Drag and
 *   drop or move-up/move-down lists need a custom widget, live announcements of every move, and
 *   fail for switch and voice-control users (WCAG 2.2 SC 2.5.7 asks for a non-dragging way anyway).
 *   One select per candidate would work too, but GOV.UK asks for selects only as a last resort,
 *   and 20 lists of 20 options are slow to operate by keyboard and voice.
 * - GOV.UK's text input guidance for numbers: `type="text"` with `inputmode="numeric"` (a numeric
 *   keypad on phones) rather than `type="number"`, whose spinner and scroll-wheel changes lose
 *   what was typed, and `spellcheck="false"`.
 * - Errors as in GOV.UK's grouped inputs (the date input): one message for the group under its
 *   hint, each box at fault marked, and the summary linking to the first box to fix.
 */
import type { Contest } from '@scrutineer/record';
import { h } from '../dom.ts';
import { candidateName, contestTitle, t } from '../i18n/i18n.ts';
import type { FieldError } from './booth-state.ts';
import { type RankingFault, readRanking } from './ranking-entry.ts';
import { text } from './field-errors.ts';

/** The id of contest c's fieldset, and of candidate j's box in it. */
export const contestTarget = (c: number): string => `contest-${c}`;
const boxId = (c: number, j: number): string => `contest-${c}-${j}`;

/**
 * The contest's boxes. `entries` is what the member typed, kept in the booth's state (so Welsh,
 * errors and Back show it again); `onInput` records a box's new text without redrawing.
 */
export function rankedFieldset(
  contest: Contest,
  c: number,
  entries: readonly string[],
  errors: readonly FieldError[],
  onInput: (candidate: number, value: string) => void
): HTMLFieldSetElement {
  const target = contestTarget(c);
  const mine = errors.filter((e) => e.target === target || e.target?.startsWith(`${target}-`));
  const invalid = new Set(mine.flatMap((e) => e.fields ?? []));
  // Spec §12.1: an STV contest fills `seats` places; IRV one.
  const seats = contest.seats ?? 1;
  const fieldset = h(
    'fieldset',
    {
      id: target,
      tabindex: '-1',
      class: 'ranking',
      'aria-describedby': mine.length > 0 ? `${target}-rule ${target}-error` : `${target}-rule`,
    },
    h('legend', {}, h('h2', {}, contestTitle(contest))),
    h(
      'p',
      { id: `${target}-rule`, class: 'hint' },
      seats > 1 ? `${t('ranking.seats', { seats })} ${t('ranking.rule')}` : t('ranking.rule')
    ),
    mine.length > 0 &&
      h('p', { class: 'field-error', id: `${target}-error` }, mine.map(text).join(' '))
  );
  contest.candidates.forEach((candidate, j) => {
    const id = boxId(c, j);
    const input = h('input', {
      id,
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      spellcheck: 'false',
      class: 'rank-box',
      value: entries[j] ?? '',
      'aria-invalid': invalid.has(id) ? 'true' : undefined,
    });
    input.addEventListener('input', () => onInput(j, input.value));
    fieldset.append(
      h('div', { class: 'rank-choice' }, input, h('label', { for: id }, candidateName(candidate)))
    );
  });
  return fieldset;
}

/** The errors the ballot page shows for one ranked contest's faults. */
function faultErrors(contest: Contest, c: number, faults: readonly RankingFault[]): FieldError[] {
  const title = contestTitle(contest);
  const name = (j: number): string => {
    const candidate = contest.candidates[j];
    return candidate === undefined ? String(j + 1) : candidateName(candidate);
  };
  return faults.map((fault) => {
    switch (fault.kind) {
      case 'not-a-number':
      case 'out-of-range': {
        const id = boxId(c, fault.candidate);
        return {
          key: fault.kind === 'not-a-number' ? 'ranking.notNumber' : 'ranking.outOfRange',
          parameters: {
            contest: title,
            candidate: name(fault.candidate),
            max: contest.candidates.length,
          },
          target: id,
          fields: [id],
        };
      }
      case 'repeated': {
        const ids = fault.candidates.map((j) => boxId(c, j));
        return {
          key: 'ranking.repeated',
          parameters: {
            contest: title,
            number: fault.number,
            candidates: fault.candidates.map(name).join(', '),
          },
          target: ids[0] ?? contestTarget(c),
          fields: ids,
        };
      }
      case 'gap':
        return {
          key: 'ranking.gap',
          parameters: { contest: title, missing: fault.missing },
          target: contestTarget(c),
        };
    }
  });
}

/** Reads a ranked contest's boxes: its ranking, or the errors to show (nothing is encrypted). */
export function readRankedContest(
  contest: Contest,
  c: number,
  entries: readonly string[]
): { readonly ranking: readonly number[] } | { readonly errors: FieldError[] } {
  const reading = readRanking(entries);
  return reading.ok
    ? { ranking: reading.ranking }
    : { errors: faultErrors(contest, c, reading.faults) };
}
