/**
 * @module A tiny element builder: text is always set as text (never HTML), so nothing from the
 * server or the voter can inject markup; no inline styles or handlers (the CSP forbids them).
 */
export type Child = Node | string | null | undefined | false;
type Attributes = Readonly<Record<string, string | boolean | undefined>>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** Empties `parent` and puts `children` in it. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

/** Moves focus to a page's heading so keyboard and screen-reader users start at the new step. */
export function focusHeading(root: ParentNode): void {
  const heading = root.querySelector<HTMLElement>('h1');
  if (heading === null) return;
  heading.tabIndex = -1;
  heading.focus();
}

/** A button that runs `action` on click (keyboard activation comes with the element). */
export function button(
  label: string,
  action: () => void,
  attributes: Attributes = {}
): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', action);
  return element;
}

/** GOV.UK-style error summary: a focused alert listing links to the fields at fault. */
export function errorSummary(
  title: string,
  errors: readonly { readonly text: string; readonly target?: string }[]
): HTMLElement {
  const list = h('ul', {});
  for (const error of errors) {
    const item = h('li', {});
    if (error.target === undefined) item.append(error.text);
    else {
      const link = h('a', { href: `#${error.target}` }, error.text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        document.getElementById(error.target ?? '')?.focus();
      });
      item.append(link);
    }
    list.append(item);
  }
  return h(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-title' },
    h('h2', { id: 'error-title' }, title),
    list
  );
}

/**
 * GOV.UK back link: the browser's own Back (the booth keeps a history entry per step), so the
 * link and the browser button always agree.
 */
export function backLink(label: string): HTMLAnchorElement {
  const link = h('a', { href: '#', class: 'back-link no-print' }, label);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    history.back();
  });
  return link;
}
