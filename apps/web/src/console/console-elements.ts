/**
 * @module The console's building blocks shared by its views: a titled section, a captioned table
 * in a scrollable region, and the form, its text and file fields and its submit button (the app's
 * element builder: text only, never HTML).
 */
import { type Child, h } from '../dom.ts';
import type { ConsoleController } from './console-controller.ts';
import { ct } from './i18n/console-i18n.ts';

export const yesNo = (value: boolean): string => ct(value ? 'ceremony.yes' : 'ceremony.no');

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

export function textField(
  c: ConsoleController,
  id: string,
  label: string,
  options: { hint?: string; type?: string; multiline?: boolean; autocomplete?: string } = {}
): HTMLElement {
  const hintId = options.hint === undefined ? undefined : `${id}-hint`;
  const invalid = c.state.errors.some((e) => e.target === id);
  const input = options.multiline
    ? h('textarea', {
        id,
        rows: '6',
        'aria-describedby': hintId,
        'aria-invalid': invalid ? 'true' : undefined,
      })
    : h('input', {
        id,
        type: options.type ?? 'text',
        autocomplete: options.autocomplete ?? 'off',
        spellcheck: 'false',
        'aria-describedby': hintId,
        'aria-invalid': invalid ? 'true' : undefined,
      });
  input.value = c.state.text[id] ?? '';
  input.addEventListener('input', () => {
    c.state.text[id] = input.value;
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hintId === undefined ? null : h('p', { class: 'hint', id: hintId }, options.hint),
    input
  );
}

export function fileField(
  c: ConsoleController,
  id: string,
  name: string,
  label: string,
  hint?: string,
  accept?: string
): HTMLElement {
  const hintId = `${id}-hint`;
  const chosen = c.state.files[name];
  const invalid = c.state.errors.some((e) => e.target === id);
  const input = h('input', {
    id,
    type: 'file',
    accept: accept ?? (name === 'key' ? undefined : '.json,application/json'),
    'aria-describedby': hintId,
    'aria-invalid': invalid ? 'true' : undefined,
  });
  input.addEventListener('change', () => void c.choose(name, input.files?.[0]));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'p',
      { class: 'hint', id: hintId },
      hint ?? '',
      chosen === undefined ? '' : ` ${ct('file.chosen', { name: chosen.name })}`
    ),
    input
  );
}

export function form(action: () => void, ...children: Child[]): HTMLFormElement {
  const element = h('form', { novalidate: true }, ...children);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    action();
  });
  return element;
}

export function submit(c: ConsoleController, label: string, id: string): HTMLButtonElement {
  return h('button', { type: 'submit', class: 'primary', id, disabled: c.state.busy }, label);
}

/** A single GOV.UK-style checkbox whose state is kept in the page's text as `yes` or ``. */
export function checkbox(c: ConsoleController, id: string, label: string): HTMLElement {
  const box = h('input', { type: 'checkbox', id, checked: c.state.text[id] === 'yes' });
  box.addEventListener('change', () => {
    c.state.text[id] = box.checked ? 'yes' : '';
  });
  return h('div', { class: 'choice' }, box, h('label', { for: id }, label));
}
