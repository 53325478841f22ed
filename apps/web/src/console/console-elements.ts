/**
 * @module The console's building blocks shared by its views: a titled section and a captioned table
 * in a scrollable region (the app's element builder: text only, never HTML).
 */
import { type Child, h } from '../dom.ts';

export function table(
  caption: string,
  headings: readonly string[],
  rows: readonly (readonly Child[])[],
  id?: string
): HTMLElement {
  // A scrollable region must be reachable from the keyboard (axe scrollable-region-focusable).
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { id },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell)))))
    )
  );
}

export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  // Not a landmark (no accessible name): the tables inside are the named regions.
  return h('section', { class: 'console-section' }, h('h2', { id }, title), ...children);
}
