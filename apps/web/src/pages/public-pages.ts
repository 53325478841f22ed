/**
 * @module The public pages: find a ballot by its tracker, and turnout (counts by channel only,
 * never per candidate, while voting is open).
 */
import { ApiError, type HourlyTurnout, type TrackerReport, type Turnout, api } from '../api.ts';
import { turnoutOverTime } from './turnout-chart.ts';
import { type Child, errorSummary, h } from '../dom.ts';
import { formatTime, t } from '../i18n/i18n.ts';
import { trackerForm } from '../tracker-form.ts';

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
  const form = trackerForm({
    ids: { input: 'tracker-input', hint: 'tracker-hint', error: 'tracker-input-error' },
    name: 'tracker',
    hint: t('tracker.hint'),
    error: state.error && t(state.error),
    value: state.query,
    onInput: (value) => (state.query = value),
    submitLabel: t('tracker.submit'),
    submitClass: 'primary',
    onSubmit: () => {
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
          state.outcome =
            error instanceof ApiError && error.status === 404 ? 'not-found' : 'failed';
          rerender(false);
        }
      );
    },
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

export function turnoutPage(turnout: Turnout | null, hourly: HourlyTurnout | null): Child[] {
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
    ...turnoutOverTime(hourly),
    h('p', { class: 'hint' }, t('turnout.note')),
  ];
}
