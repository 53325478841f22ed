/**
 * @module The form that asks for a ballot's tracker, shared by the two public checks that take one:
 * "find my ballot" (tracker page) and "check that a ballot is in the board" (board page). Label,
 * hint, the field's error (tied to the input with aria-describedby), the input and the submit
 * button; the caller keeps the typed text and decides what a submit does.
 */
import { h } from './dom.ts';
import { t } from './i18n/i18n.ts';

export interface TrackerFormOptions {
  /** Element ids of the input, its hint and its error (the pages' tests and links name them). */
  readonly ids: { readonly input: string; readonly hint: string; readonly error: string };
  /** The input's `name`, if it has one. */
  readonly name?: string;
  readonly hint: string;
  /** The message beside the field, or null when the tracker is not in error. */
  readonly error: string | null;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly submitLabel: string;
  readonly submitClass: 'primary' | 'secondary';
  readonly onSubmit: () => void;
}

export function trackerForm(options: TrackerFormOptions): HTMLFormElement {
  const { ids, error } = options;
  const input = h('input', {
    id: ids.input,
    name: options.name,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'code-input',
    'aria-describedby': error === null ? ids.hint : `${ids.hint} ${ids.error}`,
    'aria-invalid': error === null ? undefined : 'true',
  });
  input.value = options.value;
  input.addEventListener('input', () => options.onInput(input.value));
  const form = h(
    'form',
    { novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: ids.input }, t('tracker.label')),
      h('p', { id: ids.hint, class: 'hint' }, options.hint),
      error !== null && h('p', { class: 'field-error', id: ids.error }, error),
      input
    ),
    h('button', { type: 'submit', class: options.submitClass }, options.submitLabel)
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onSubmit();
  });
  return form;
}
