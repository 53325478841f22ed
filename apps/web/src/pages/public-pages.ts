/**
 * @module The public pages: find a ballot by its tracker, and turnout (counts by channel only,
 * never per candidate, while voting is open).
 */
import { ApiError, type TrackerReport, type Turnout, api } from '../api.ts';
import { type Child, errorSummary, h } from '../dom.ts';
import { formatTime, t } from '../i18n/i18n.ts';

export interface TrackerPageState {
  query: string;
  error: 'tracker.invalid' | null;
  outcome: TrackerReport | 'not-found' | 'failed' | null;
}

export function trackerPage(
  electionId: string,
  state: TrackerPageState,
  rerender: (focus: boolean) => void
): Child[] {
  const input = h('input', {
    id: 'tracker-input',
    name: 'tracker',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'code-input',
    'aria-describedby': state.error ? 'tracker-hint tracker-input-error' : 'tracker-hint',
    'aria-invalid': state.error ? 'true' : undefined,
  });
  input.value = state.query;
  input.addEventListener('input', () => (state.query = input.value));
  const form = h(
    'form',
    { novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'tracker-input' }, t('tracker.label')),
      h('p', { id: 'tracker-hint', class: 'hint' }, t('tracker.hint')),
      state.error && h('p', { class: 'field-error', id: 'tracker-input-error' }, t(state.error)),
      input
    ),
    h('button', { type: 'submit', class: 'primary' }, t('tracker.submit'))
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const tracker = state.query.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(tracker)) {
      state.error = 'tracker.invalid';
      state.outcome = null;
      return rerender(true);
    }
    state.error = null;
    api.tracker(electionId, tracker).then(
      (report) => {
        state.outcome = report;
        rerender(false);
      },
      (error: unknown) => {
        state.outcome = error instanceof ApiError && error.status === 404 ? 'not-found' : 'failed';
        rerender(false);
      }
    );
  });
  const outcome = state.outcome;
  let result = '';
  if (outcome === 'not-found') result = t('tracker.notFound');
  else if (outcome === 'failed') result = t('app.loadFailed');
  else if (outcome !== null) {
    const parameters = { position: outcome.position, time: formatTime(outcome.time) };
    result =
      (outcome.kind === 'cast' ? t('tracker.cast', parameters) : t('tracker.audited', parameters)) +
      (outcome.superseded ? ` ${t('tracker.superseded')}` : '');
  }
  return [
    h('h1', {}, t('tracker.title')),
    state.error
      ? errorSummary(t('app.errorSummary'), [{ text: t(state.error), target: 'tracker-input' }])
      : '',
    form,
    h('p', { role: 'status', id: 'tracker-result', class: 'status' }, result),
  ];
}

export function turnoutPage(turnout: Turnout | null): Child[] {
  if (turnout === null) return [h('h1', {}, t('turnout.title')), h('p', {}, t('app.loadFailed'))];
  const row = (label: string, value: number | null): HTMLElement =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, label),
      h('td', {}, value === null ? '—' : String(value))
    );
  return [
    h('h1', {}, t('turnout.title')),
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        row(t('turnout.online'), turnout.online),
        row(t('turnout.postal'), turnout.postal),
        row(t('turnout.total'), turnout.total),
        row(t('turnout.eligible'), turnout.eligible)
      )
    ),
    h('p', { class: 'hint' }, t('turnout.note')),
  ];
}
