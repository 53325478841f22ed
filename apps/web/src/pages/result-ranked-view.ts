/**
 * @module What the result page shows for a ranked contest (spec §9.9, §12.7), as text: its
 * method, first preferences and who the count elected, and the count stage by stage; or, before
 * the ranked count, that it is pending. Never the contest's homomorphic counts, which are empty.
 * Pure (no DOM), so a unit test reads exactly what the page will say.
 */
import type { Declaration } from '@scrutineer/record';
import { t } from '../i18n/i18n.ts';

type DeclaredContest = Declaration['contests'][number];

export interface TextTable {
  readonly caption: string;
  readonly head: readonly string[];
  /** Each row: its header cell, then its data cells. */
  readonly rows: readonly (readonly string[])[];
}

export type RankedView =
  | { readonly status: 'pending'; readonly lines: readonly string[] }
  | {
      readonly status: 'counted';
      readonly lines: readonly string[];
      readonly first: TextTable;
      readonly stages: TextTable;
    };

/** The view of `contest` if it is ranked, else null (it is shown by its counts). */
export function rankedView(contest: DeclaredContest): RankedView | null {
  const { ranked } = contest;
  if (ranked === undefined) return null;
  const method =
    ranked.method === 'irv'
      ? t('result.rankedIrv', { seats: contest.seats })
      : t('result.rankedStv', {
          seats: contest.seats,
          rules: ranked.rules === 'meek' ? 'Meek' : 'ERS97',
        });
  const { sheet } = ranked;
  if (sheet === null) return { status: 'pending', lines: [method, t('result.rankedPending')] };
  return {
    status: 'counted',
    lines: [method, t('result.rankedBallots', { ballots: sheet.ballots, blank: sheet.blank })],
    first: {
      caption: t('result.firstCaption', { contest: contest.title }),
      head: [
        t('result.candidate'),
        t('result.firstPreferences'),
        t('result.percentValid'),
        t('result.outcome'),
      ],
      rows: contest.candidates.map((row) => [
        row.name,
        String(row.total),
        row.percent.toFixed(1),
        row.elected ? t('result.isElected') : '',
      ]),
    },
    stages: {
      caption: t('result.stagesCaption', {
        contest: contest.title,
        quota: sheet.stages[0]?.quota ?? '',
      }),
      head: [
        t('result.candidate'),
        ...sheet.stages.map((s) => t('result.stage', { stage: s.stage })),
      ],
      rows: [
        ...contest.candidates.map((row, j) => [
          row.name,
          ...sheet.stages.map((s) => s.votes[j] ?? ''),
        ]),
        [t('result.nonTransferable'), ...sheet.stages.map((s) => s.nonTransferable)],
      ],
    },
  };
}
