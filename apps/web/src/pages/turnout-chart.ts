/**
 * @module Turnout over time on the turnout page: voters per hour (UTC), online and by post
 * stacked, as an SVG column chart hidden from assistive technology, and the same numbers in a
 * table, which is the accessible source. Counts of voters only, never of choices: nothing here
 * hints at a partial result (a running count would tell campaigns whom to mobilise).
 */
import type { HourlyTurnout } from '../api.ts';
import { type Child, h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { svg } from './svg.ts';

/** `2026-12-05T19` → `05 Dec 19:00` (UTC, as the table's heading says). */
function hourLabel(hour: string): string {
  const date = new Date(`${hour}:00:00Z`);
  if (Number.isNaN(date.getTime())) return hour;
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${day} ${month} ${hour.slice(11, 13)}:00`;
}

function columns(hours: HourlyTurnout['hours']): SVGElement {
  const width = 640;
  const height = 220;
  const bottom = 190;
  const max = Math.max(1, ...hours.map((entry) => entry.online + entry.postal));
  const step = width / Math.max(1, hours.length);
  const bar = Math.max(2, step * 0.7);
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  hours.forEach((entry, i) => {
    const x = i * step + (step - bar) / 2;
    const online = (entry.online / max) * (bottom - 10);
    const postal = (entry.postal / max) * (bottom - 10);
    root.append(
      svg('rect', {
        x: x.toFixed(1),
        y: (bottom - online).toFixed(1),
        width: bar.toFixed(1),
        height: online.toFixed(1),
        class: 'chart-bar',
      }),
      svg('rect', {
        x: x.toFixed(1),
        y: (bottom - online - postal).toFixed(1),
        width: bar.toFixed(1),
        height: postal.toFixed(1),
        class: 'chart-bar-postal',
      })
    );
  });
  const first = hours[0];
  const last = hours.at(-1);
  if (first !== undefined)
    root.append(svg('text', { x: '0', y: '212', class: 'chart-label' }, hourLabel(first.hour)));
  if (last !== undefined && last !== first)
    root.append(
      svg(
        'text',
        { x: String(width), y: '212', class: 'chart-label', 'text-anchor': 'end' },
        hourLabel(last.hour)
      )
    );
  return root;
}

export function turnoutOverTime(hourly: HourlyTurnout | null): Child[] {
  if (hourly === null) return [];
  const heading = h('h2', { id: 'turnout-by-hour' }, t('turnout.byHour'));
  if (hourly.hours.length === 0)
    return [
      h(
        'section',
        { 'aria-labelledby': 'turnout-by-hour' },
        heading,
        h('p', {}, t('turnout.noneYet'))
      ),
    ];
  return [
    h(
      'section',
      { 'aria-labelledby': 'turnout-by-hour' },
      heading,
      columns(hourly.hours),
      h(
        'div',
        {
          class: 'table-scroll',
          tabindex: '0',
          role: 'region',
          'aria-label': t('turnout.byHourCaption'),
        },
        h(
          'table',
          { id: 'turnout-hourly' },
          h('caption', { class: 'hint' }, t('turnout.byHourCaption')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('turnout.hour')),
              h('th', { scope: 'col' }, t('turnout.online')),
              h('th', { scope: 'col' }, t('turnout.postal'))
            )
          ),
          h(
            'tbody',
            {},
            ...hourly.hours.map((entry) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, hourLabel(entry.hour)),
                h('td', {}, String(entry.online)),
                h('td', {}, String(entry.postal))
              )
            )
          )
        )
      )
    ),
  ];
}
