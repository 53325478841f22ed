/**
 * @module How the booth shows errors: a focused summary linking to each field at fault, and the
 * message beside the field itself (tied to it with aria-describedby by the caller).
 */
import { errorSummary, h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { FieldError } from './booth-state.ts';

export const text = (error: FieldError): string => t(error.key, error.parameters);

export function summaryOf(errors: readonly FieldError[]): HTMLElement | null {
  if (errors.length === 0) return null;
  return errorSummary(
    t('app.errorSummary'),
    errors.map((e) =>
      e.target === undefined ? { text: text(e) } : { text: text(e), target: e.target }
    )
  );
}

export function fieldErrors(errors: readonly FieldError[], target: string): HTMLElement | null {
  const mine = errors.filter((e) => e.target === target);
  if (mine.length === 0) return null;
  return h('p', { class: 'field-error', id: `${target}-error` }, mine.map(text).join(' '));
}
