/**
 * @module A ranked contest's section of the result page (spec §9.9, §12.7), drawn from
 * `rankedView`: first preferences and who is elected, the count stage by stage under a
 * disclosure, or that the count is pending.
 */
import { type Child, h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { RankedView, TextTable } from './result-ranked-view.ts';

function table({ caption, head, rows }: TextTable): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      {},
      h('caption', { class: 'hint' }, caption),
      h('thead', {}, h('tr', {}, ...head.map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        {},
        ...rows.map(([name, ...cells]) =>
          h('tr', {}, h('th', { scope: 'row' }, name ?? ''), ...cells.map((c) => h('td', {}, c)))
        )
      )
    )
  );
}

/** The section's content after its heading. */
export function rankedContent(view: RankedView): Child[] {
  const lines = view.lines.map((line) =>
    h('p', view.status === 'pending' ? { class: 'notice' } : {}, line)
  );
  if (view.status === 'pending') return lines;
  return [
    ...lines,
    table(view.first),
    h('details', {}, h('summary', {}, t('result.stagesTitle')), table(view.stages)),
  ];
}
