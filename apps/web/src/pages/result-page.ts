/**
 * @module The result page (after the tally): per contest, a table of online, postal and total
 * votes per candidate in ballot order — the accessible source of truth — and a bar chart drawn
 * as SVG (attributes only, no inline styles, so the page CSP holds) that repeats the table for
 * sighted readers and is hidden from assistive technology.
 */
import type { Manifest } from '@scrutineer/record';
import type { ElectionResult } from '../api.ts';
import { type Child, h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Readonly<Record<string, string>>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function chart(names: readonly string[], totals: readonly number[]): SVGElement {
  const max = Math.max(1, ...totals);
  const row = 36;
  const labelWidth = 180;
  const barWidth = 360;
  const root = svg('svg', {
    viewBox: `0 0 ${labelWidth + barWidth + 60} ${row * names.length + 8}`,
    class: 'chart',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  names.forEach((name, i) => {
    const total = totals[i] ?? 0;
    const y = i * row + 4;
    root.append(
      svg('text', { x: '0', y: String(y + 22), class: 'chart-label' }, name),
      svg('rect', {
        x: String(labelWidth),
        y: String(y + 4),
        width: String(Math.max(2, (total / max) * barWidth)),
        height: String(row - 12),
        class: 'chart-bar',
      }),
      svg(
        'text',
        {
          x: String(labelWidth + (total / max) * barWidth + 8),
          y: String(y + 22),
          class: 'chart-label',
        },
        String(total)
      )
    );
  });
  return root;
}

export function resultPage(manifest: Manifest, result: ElectionResult | null): Child[] {
  if (result === null)
    return [h('h1', {}, t('result.title')), h('p', { class: 'notice' }, t('result.none'))];
  return [
    h('h1', {}, t('result.title')),
    h('p', {}, manifest.title),
    ...resultSections(manifest, result, 'h2'),
  ];
}

/** Per contest, the table and the chart under a heading of `level` (the verifier nests them). */
export function resultSections(
  manifest: Manifest,
  result: ElectionResult,
  level: 'h2' | 'h3'
): Child[] {
  const sections: Child[] = [];
  result.contests.forEach((contest, c) => {
    const spec = manifest.contests[c];
    if (spec === undefined) return;
    const names = spec.candidates.map((candidate) => candidate.name);
    const id = `result-${level}-${c}`;
    sections.push(
      h(
        'section',
        { 'aria-labelledby': id },
        h(level, { id }, spec.title),
        // Scrolls sideways inside itself at narrow widths (320 px) rather than the page.
        h(
          'div',
          {
            class: 'table-scroll',
            tabindex: '0',
            role: 'region',
            'aria-label': t('result.caption', { contest: spec.title }),
          },
          h(
            'table',
            {},
            h('caption', { class: 'hint' }, t('result.caption', { contest: spec.title })),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('result.candidate')),
                h('th', { scope: 'col' }, t('turnout.online')),
                h('th', { scope: 'col' }, t('turnout.postal')),
                h('th', { scope: 'col' }, t('turnout.total'))
              )
            ),
            h(
              'tbody',
              {},
              ...contest.options.map((option, j) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, names[j] ?? String(j)),
                  h('td', {}, String(option.online)),
                  h('td', {}, String(option.postal)),
                  h('td', {}, String(option.total))
                )
              )
            )
          )
        ),
        chart(
          names,
          contest.options.map((option) => option.total)
        )
      )
    );
  });
  return sections;
}
