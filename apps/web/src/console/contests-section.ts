/**
 * @module The console's per-contest summary of a ballot event (spec §13.6, §9.9): one row per
 * contest with its own electorate and turnout so far — weighted beside unweighted with `weights`,
 * postal packs beside online ballots with a postal channel. Shown only for an election with styles
 * or weights (otherwise the turnout table says it all); never a count of any option.
 */
import { h } from '../dom.ts';
import type { Board } from './console-controller.ts';
import { contestTurnout, percentText } from './console-contests.ts';
import { section, table } from './console-elements.ts';
import { ct } from './i18n/console-i18n.ts';

const share = (count: number, whole: number): string =>
  ct('contests.percent', { count, percent: percentText(count, whole) });

export function contestsSection(board: Board): HTMLElement | null {
  const { manifest } = board;
  const rows = contestTurnout(manifest, board.events);
  if (rows === null) return null;
  const postal = manifest.channels.postal;
  const weighted = manifest.weights !== undefined;
  return section(
    'contests-title',
    ct('contests.title'),
    h('p', { class: 'hint' }, ct('contests.note')),
    postal ? h('p', { class: 'hint' }, ct('contests.postalNote')) : null,
    table(
      ct('contests.title'),
      [
        ct('contests.contest'),
        ct('contests.electorate'),
        ct('contests.online'),
        ...(postal ? [ct('contests.postal')] : []),
        ct('contests.turnout'),
        ...(weighted ? [ct('contests.weightedElectorate'), ct('contests.weightedTurnout')] : []),
      ],
      rows.map((row) => {
        const voted = row.online.count + row.postal;
        return [
          row.title,
          String(row.electorate.count),
          String(row.online.count),
          ...(postal ? [String(row.postal)] : []),
          share(voted, row.electorate.count),
          // Postal papers weigh 1, as in the declaration (§13.6).
          ...(weighted
            ? [
                String(row.electorate.weight),
                share(row.online.weight + row.postalWeight, row.electorate.weight),
              ]
            : []),
        ];
      }),
      'contest-turnout'
    )
  );
}
